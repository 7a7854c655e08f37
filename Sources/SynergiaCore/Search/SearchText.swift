import Foundation

/// Text as search compares it, in all six languages: lower case; Latin accents removed
/// (`Hábitat` → `habitat`, `œ` → `oe`); Cyrillic `ё` read as `е`; Arabic short vowels, tatweel and
/// letter variants folded (`أ إ آ ٱ` → `ا`, `ى` → `ي`, `ة` → `ه`, `ؤ` → `و`, `ئ` → `ي`); Arabic-Indic and
/// full-width digits as ASCII; curly quotes and hyphens unified; invisible marks dropped; runs of spaces as one. Chinese and
/// Japanese characters are kept as they are. The index stores folded text and queries are folded
/// the same way, so both databases compare like with like.
public enum SearchText {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        // Composed first, so a letter typed whole (`й`) and one extracted from a PDF as `и` + breve read alike.
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            fold(scalar) { folded in
                if folded == " " {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(" "); pendingSpace = false }
                    out.append(folded)
                }
            }
        }
        return String(out)
    }

    /// The Chinese and Japanese of folded text as its overlapping two-character words, space separated
    /// (`国际重要湿地` → `国际 际重 重要 要湿 湿地`; a character alone stays alone): what an index of
    /// words finds a two-character query in, where a trigram index cannot.
    public static func bigrams(_ folded: String) -> String {
        var out = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flush() {
            if run.count == 1 { append([run[0]]) }
            for i in run.indices.dropLast() { append([run[i], run[i + 1]]) }
            run.removeAll(keepingCapacity: true)
        }
        func append(_ word: [Unicode.Scalar]) {
            if !out.isEmpty { out.append(" ") }
            out.append(contentsOf: word)
        }
        for scalar in folded.unicodeScalars {
            if isIdeographic(scalar.value) { run.append(scalar) } else if !run.isEmpty { flush() }
        }
        if !run.isEmpty { flush() }
        return String(out)
    }

    /// Chinese characters and Japanese kana.
    static func isIdeographic(_ v: UInt32) -> Bool {
        (0x3040..<0xA000).contains(v) || (0xF900..<0xFB00).contains(v) || (0x20000..<0x3FFFF).contains(v)
    }

    /// Folded text with, for each folded scalar, the offset of the character of the original it
    /// comes from, so that a match found in the folded text can be marked in the original.
    public struct Mapped: Sendable {
        public var folded: [Unicode.Scalar] = []
        public var origin: [Int] = []
    }

    /// Folds `characters` keeping where each folded scalar came from (spaces are not collapsed here).
    public static func mapped(_ characters: [Character]) -> Mapped {
        var mapped = Mapped()
        mapped.folded.reserveCapacity(characters.count)
        mapped.origin.reserveCapacity(characters.count)
        for (offset, character) in characters.enumerated() {
            // Composed like `fold`; a character of one scalar is composed already (and most are: composing each costs).
            let scalars = character.unicodeScalars.count == 1 ? character.unicodeScalars
                : String(character).precomposedStringWithCanonicalMapping.unicodeScalars
            for scalar in scalars {
                fold(scalar) { folded in
                    mapped.folded.append(folded)
                    mapped.origin.append(offset)
                }
            }
        }
        return mapped
    }

    /// Calls `emit` with the folded scalars of `scalar`: none, one or (for ligatures) two.
    static func fold(_ scalar: Unicode.Scalar, _ emit: (Unicode.Scalar) -> Void) {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { emit(Unicode.Scalar(v + 32)!) }
            else if v == 0x20 || (v >= 0x09 && v <= 0x0D) { emit(" ") }
            else { emit(scalar) }
            return
        }
        // Chinese and Japanese: unchanged (and the common case of a Chinese text).
        if isIdeographic(v) { emit(scalar); return }
        switch v {
        // Arabic vowels and tatweel; soft hyphen; zero-width and direction marks, embeddings and isolates.
        case 0x064B...0x065F, 0x0670, 0x0640, 0x00AD, 0x200B...0x200F, 0x2060, 0xFEFF, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return
        case 0x0622, 0x0623, 0x0625, 0x0671: emit("\u{0627}")
        case 0x0649, 0x0626, 0x06CC: emit("\u{064A}")
        case 0x0629: emit("\u{0647}")
        case 0x0624: emit("\u{0648}")
        case 0x06A9: emit("\u{0643}")
        case 0x0660...0x0669: emit(Unicode.Scalar(v - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9: emit(Unicode.Scalar(v - 0x06F0 + 0x30)!)
        case 0xFF10...0xFF19: emit(Unicode.Scalar(v - 0xFF10 + 0x30)!)
        case 0x0401, 0x0451: emit("\u{0435}")
        case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC: emit("'")
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: emit("\"")
        case 0x2010, 0x2011, 0x2012, 0x2013: emit("-")
        case 0x00DF: emit("s"); emit("s")
        case 0x00E6, 0x00C6: emit("a"); emit("e")
        case 0x0153, 0x0152: emit("o"); emit("e")
        default:
            let properties = scalar.properties
            if properties.isWhitespace { emit(" "); return }
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { return }
            if let base = latinBase[v] { emit(base); return }
            for lower in properties.lowercaseMapping.unicodeScalars { emit(lower) }
        }
    }

    /// Latin letters with diacritics (Latin-1, Extended-A and -B, Extended Additional) → their
    /// lower-case base letter, from Unicode's canonical decompositions; built once.
    static let latinBase: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        for range: ClosedRange<UInt32> in [0x00C0...0x024F, 0x1E00...0x1EFF] {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard decomposed.count > 1, let first = decomposed.first, first.value < 0x80 else { continue }
                table[v] = first.properties.lowercaseMapping.unicodeScalars.first ?? first
            }
        }
        return table
    }()
}
