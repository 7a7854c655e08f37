/// Reads the labels a line can start with: operative paragraph numbers ("12.", "12 -"),
/// sub-paragraph labels ("(a)", "b)", "(ii)", "(أ)", "'1'"), section letters ("A.", "Б.",
/// "باء -") and footnote numbers ("3 UNEP/CBD/..."). Works on a trimmed range of scalars and
/// looks at a few scalars only.
enum DecisionLineLabels {
    static func digitValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x30...0x39: return Int(v - 0x30)
        case 0x0660...0x0669: return Int(v - 0x0660)
        case 0x06F0...0x06F9: return Int(v - 0x06F0)
        case 0xFF10...0xFF19: return Int(v - 0xFF10)
        default: return nil
        }
    }

    static func superscriptValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x2070: return 0
        case 0xB9: return 1
        case 0xB2: return 2
        case 0xB3: return 3
        case 0x2074...0x2079: return Int(v - 0x2070)
        default: return nil
        }
    }

    private static func skipSpaces(_ s: [Unicode.Scalar], _ i: inout Int, _ end: Int) {
        while i < end, DecisionScalars.isSpace(s[i].value) { i += 1 }
    }

    /// "12. text", "12．text", "12 - text" (Arabic layout): the number and where the text starts.
    static func operativeNumber(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (number: Int, textStart: Int)? {
        var i = r.lowerBound
        var n = 0, digits = 0
        while i < r.upperBound, let d = digitValue(s[i].value), digits < 3 {
            n = n * 10 + d; digits += 1; i += 1
        }
        guard digits > 0, n > 0, i < r.upperBound else { return nil }
        if let _ = digitValue(s[i].value) { return nil }
        var j = i
        skipSpaces(s, &j, r.upperBound)
        guard j < r.upperBound, j - i <= 2 else { return nil }
        let p = s[j].value
        if p == 0x2E || p == 0xFF0E {
            j += 1
            if j < r.upperBound {
                let next = s[j].value
                if digitValue(next) != nil || next == 0x2E || next == 0x2F { return nil }
            }
        } else if p == 0x2D || p == 0x2013 || p == 0x2014 {
            j += 1
            guard j >= r.upperBound || DecisionScalars.isSpace(s[j].value) else { return nil }
        } else {
            return nil
        }
        skipSpaces(s, &j, r.upperBound)
        return (n, j)
    }

    /// "(a)", "a)", "(ii)", "(أ)", "а)", "'1'": the label (Latin letters or a roman numeral in
    /// lower case) and where the text starts.
    static func subparagraph(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (label: String, textStart: Int)? {
        var i = r.lowerBound
        guard i < r.upperBound else { return nil }
        let first = s[i].value
        // Arabic documents number nested items '1', '2' (in quotes).
        if first == 0x27 || first == 0x2018 || first == 0x2019 {
            var j = i + 1, n = 0, digits = 0
            while j < r.upperBound, let d = digitValue(s[j].value), digits < 2 { n = n * 10 + d; digits += 1; j += 1 }
            guard digits > 0, j < r.upperBound else { return nil }
            let q = s[j].value
            guard q == 0x27 || q == 0x2018 || q == 0x2019, let roman = romanNumeral(n) else { return nil }
            j += 1
            skipSpaces(s, &j, r.upperBound)
            return (roman, j)
        }
        let open = first == 0x28 || first == 0xFF08
        if open { i += 1 }
        let start = i
        while i < r.upperBound, i - start < 6, DecisionScalars.isWordLetter(s[i].value) { i += 1 }
        guard i > start, i < r.upperBound else { return nil }
        let close = s[i].value
        guard close == 0x29 || close == 0xFF09 else { return nil }
        let raw = DecisionScalars.string(s[start..<i])
        var label: String?
        if raw.unicodeScalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }), raw.unicodeScalars.count <= 5 {
            label = raw
        } else if let mapped = DecisionStructureWords.subparagraphLetters[raw] {
            label = mapped
        }
        guard let label else { return nil }
        i += 1
        skipSpaces(s, &i, r.upperBound)
        return (label, i)
    }

    /// "A. title", "Б. title", "باء - title": the Latin section letter and where the title starts.
    static func section(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (label: String, textStart: Int)? {
        var i = r.lowerBound
        let start = i
        while i < r.upperBound, i - start < 4, DecisionScalars.isWordLetter(s[i].value) { i += 1 }
        guard i > start, i < r.upperBound || i == r.upperBound else { return nil }
        let raw = DecisionScalars.string(s[start..<i])
        var label: String?
        if i - start == 1, DecisionScalars.isUpperASCII(s[start].value) { label = raw }
        else if let mapped = DecisionStructureWords.sectionLetters[raw] { label = mapped }
        guard let label else { return nil }
        var j = i
        skipSpaces(s, &j, r.upperBound)
        guard j < r.upperBound else { return nil }
        let p = s[j].value
        if p == 0x2E || p == 0xFF0E {
            guard j == i else { return nil }
            j += 1
        } else if p == 0x2D || p == 0x2013 || p == 0x2014 {
            j += 1
        } else {
            return nil
        }
        guard j >= r.upperBound || DecisionScalars.isSpace(s[j].value) || DecisionScalars.isCJK(s[j].value) else { return nil }
        skipSpaces(s, &j, r.upperBound)
        return (label, j)
    }

    /// "3 UNEP/CBD/COP/12/24." or "³ See ...": the footnote number and where its text starts.
    static func footnote(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (marker: Int, textStart: Int)? {
        var i = r.lowerBound
        var n = 0, digits = 0
        while i < r.upperBound, digits < 3 {
            let v = s[i].value
            guard let d = digitValue(v) ?? superscriptValue(v) else { break }
            n = n * 10 + d; digits += 1; i += 1
        }
        guard digits > 0, n > 0, i < r.upperBound else { return nil }
        let superscript = superscriptValue(s[r.lowerBound].value) != nil
        guard superscript || DecisionScalars.isSpace(s[i].value) else { return nil }
        var j = i
        skipSpaces(s, &j, r.upperBound)
        guard j < r.upperBound else { return nil }
        return (n, j)
    }

    static let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
                         "xv", "xvi", "xvii", "xviii", "xix", "xx"]

    static func romanNumeral(_ n: Int) -> String? { (1...romans.count).contains(n) ? romans[n - 1] : nil }

    static func romanValue(_ s: String) -> Int? { romans.firstIndex(of: s).map { $0 + 1 } }

    /// The letter after `label` ("a" -> "b"), nil past "z".
    static func nextLetter(_ label: String?) -> String {
        guard let label, label.unicodeScalars.count == 1, let v = label.unicodeScalars.first?.value, v < 0x7A,
              let next = Unicode.Scalar(v + 1) else { return "a" }
        return String(Character(next))
    }
}
