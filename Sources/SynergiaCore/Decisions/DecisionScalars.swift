/// Character classes and the folding used for lexicon matching, all on Unicode scalars
/// (the parser never walks `Character`s, which would cost grapheme breaking on every step).
enum DecisionScalars {
    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0B || v == 0x0C || v == 0x0D || v == 0x0A || v == 0xA0
            || v == 0x3000 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x205F || v == 0xFEFF
    }

    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// Han ideographs and the CJK punctuation/full-width forms that take no spaces around them.
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3000 && v <= 0x303F)
            || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x20000 && v <= 0x2FFFF) || (v >= 0xF900 && v <= 0xFAFF)
    }

    static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x2FFFF)
    }

    static func isArabic(_ v: UInt32) -> Bool {
        (v >= 0x0600 && v <= 0x06FF) || (v >= 0x0750 && v <= 0x077F) || (v >= 0xFB50 && v <= 0xFDFF)
            || (v >= 0xFE70 && v <= 0xFEFF)
    }

    static func isCyrillic(_ v: UInt32) -> Bool { v >= 0x0400 && v <= 0x04FF }

    static func isLatinLetter(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7)
    }

    static func isLowerLatin(_ v: UInt32) -> Bool {
        (v >= 0x61 && v <= 0x7A) || (v >= 0xDF && v <= 0xFF && v != 0xF7)
    }

    static func isUpperASCII(_ v: UInt32) -> Bool { v >= 0x41 && v <= 0x5A }

    /// Letters of the alphabetic scripts, where words are separated by spaces.
    static func isWordLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if isLatinLetter(v) || isCyrillic(v) { return true }
        if isArabic(v) {
            return (v >= 0x0621 && v <= 0x064A) || (v >= 0x0671 && v <= 0x06D3) || (v >= 0x064B && v <= 0x0652)
                || v == 0x0640 || v == 0x0670
        }
        return false
    }

    static func isLetterOrDigit(_ v: UInt32) -> Bool { isWordLetter(v) || isDigit(v) || isHan(v) }

    /// Lower case for the scripts the parser reads (ASCII, Latin-1/Extended-A, Cyrillic).
    static func lower(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v + 32 : v }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return v + 32 }
        if v >= 0x100 && v <= 0x137 { return (v & 1) == 1 ? v : v + 1 }
        if v >= 0x410 && v <= 0x42F { return v + 0x20 }
        if v >= 0x400 && v <= 0x40F { return v + 0x50 }
        return v
    }

    /// Folds one scalar for matching; returns nil for scalars that are dropped (Arabic
    /// diacritics and tatweel, soft hyphen, zero-width characters).
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32? {
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return v + 32 }
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return 0x20 }
            return v
        }
        if v >= 0x3040 && v < 0xA000 { return v } // kana and Han: unchanged
        switch v {
        case 0x064B...0x0652, 0x0640, 0x0670, 0x00AD, 0x200B...0x200F, 0xFEFF: return nil
        case 0x0623, 0x0625, 0x0622, 0x0671: return 0x0627 // alef forms -> alef
        case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC: return 0x27
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return 0x22
        case 0x2010, 0x2011: return 0x2D
        case 0x0660...0x0669: return v - 0x0660 + 0x30
        case 0x06F0...0x06F9: return v - 0x06F0 + 0x30
        case 0xFF10...0xFF19: return v - 0xFF10 + 0x30
        case 0x0451: return 0x0435 // ё -> е
        case 0x0401: return 0x0435
        default:
            if isSpace(v) { return 0x20 }
            return lower(v)
        }
    }

    /// Folds a run of scalars: lower case, unified quotes and digits, whitespace runs
    /// collapsed to one space, leading and trailing spaces removed.
    static func fold<C: Collection>(_ scalars: C) -> [UInt32] where C.Element == Unicode.Scalar {
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        var pendingSpace = false
        for s in scalars {
            guard let f = fold(s.value) else { continue }
            if f == 0x20 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(f)
        }
        return out
    }

    static func fold(_ string: String) -> [UInt32] { fold(string.unicodeScalars) }

    /// Builds a String from scalars.
    /// The scalars of a string, decoded from its UTF-8 in one pass (faster than `Array(s.unicodeScalars)`).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { u in
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(u.count)
            var i = 0
            let n = u.count
            while i < n {
                let b0 = UInt32(u[i])
                var v: UInt32
                var len: Int
                if b0 < 0x80 { v = b0; len = 1 }
                else if b0 < 0xE0 { v = b0 & 0x1F; len = 2 }
                else if b0 < 0xF0 { v = b0 & 0x0F; len = 3 }
                else { v = b0 & 0x07; len = 4 }
                if i + len > n { len = n - i }
                for k in 1..<max(len, 1) { v = (v << 6) | (UInt32(u[i + k]) & 0x3F) }
                out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                i += max(len, 1)
            }
            return out
        }
    }

    /// Encodes to UTF-8 by hand: much faster than appending to a `String.UnicodeScalarView`.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars { appendUTF8(s.value, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func string(values: [UInt32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 3)
        for v in values where v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF) { appendUTF8(v, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, to bytes: inout [UInt8]) {
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Range of `line` without leading and trailing white space.
    static func trimmed(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, isSpace(scalars[lo].value) { lo += 1 }
        while hi > lo, isSpace(scalars[hi - 1].value) { hi -= 1 }
        return lo..<hi
    }
}
