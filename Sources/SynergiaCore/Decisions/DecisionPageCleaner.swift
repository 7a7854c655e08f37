/// Classifies the raw lines of PDF-extracted text: blank lines, footnote rule lines,
/// link annotations (bare URLs repeating a footnote), page headers and footers (document
/// symbol, "Page 3", "- 3 -", "/..."), and lines of text.
enum DecisionPageCleaner {
    enum Kind: Equatable {
        case blank
        /// A rule before footnotes: a long run of spaces, underscores or dashes.
        case separator
        /// A bare URL (link annotation).
        case link
        /// A page header or footer.
        case furniture
        case text
    }

    static func classify(_ s: [Unicode.Scalar], raw: Range<Int>, trimmed r: Range<Int>) -> Kind {
        if r.isEmpty { return raw.count >= 8 ? .separator : .blank }
        if isRule(s, r) { return .separator }
        if isLink(s, r) { return .link }
        if isFurniture(s, r) { return .furniture }
        return .text
    }

    /// "______", "——————", "-----".
    static func isRule(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count >= 3 else { return false }
        for i in r {
            switch s[i].value {
            case 0x5F, 0x2D, 0x2014, 0x2015, 0x2500, 0x2501, 0x203E, 0x2013, 0x3D, 0x20, 0x09, 0xA0: continue
            default: return false
            }
        }
        return true
    }

    /// A line made of one URL ("http://unemg.org/", "www.cbd.int/doc").
    static func isLink(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        for i in r where DecisionScalars.isSpace(s[i].value) { return false }
        return hasPrefix(s, r, "http://") || hasPrefix(s, r, "https://") || hasPrefix(s, r, "www.")
    }

    static func hasPrefix(_ s: [Unicode.Scalar], _ r: Range<Int>, _ p: String) -> Bool {
        var i = r.lowerBound
        for c in p.unicodeScalars {
            guard i < r.upperBound, DecisionScalars.lower(s[i].value) == c.value else { return false }
            i += 1
        }
        return true
    }

    /// Page headers and footers. Lines are short, so this looks at them whole.
    static func isFurniture(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count <= 60 else { return false }
        // "/..." "/…" continuation marks.
        if s[r.lowerBound].value == 0x2F, r.count <= 4,
           r.dropFirst().allSatisfy({ s[$0].value == 0x2E || s[$0].value == 0x2026 }) { return true }
        // A document symbol alone: "CBD/COP/DEC/14/30", "UNEP/CBD/COP/DEC/XII/6".
        if isDocumentSymbolLine(s, r) { return true }
        // "12", "- 12 -", "12/30", "第 2 页", "Page 2", "Page 2 of 10", "Стр. 2", "الصفحة 2".
        var digits = 0, letters = 0
        var other = 0
        for i in r {
            let v = s[i].value
            if DecisionLineLabels.digitValue(v) != nil { digits += 1 }
            else if DecisionScalars.isWordLetter(v) || DecisionScalars.isHan(v) { letters += 1 }
            else if !(DecisionScalars.isSpace(v) || v == 0x2D || v == 0x2013 || v == 0x2F || v == 0x2E) { other += 1 }
        }
        guard digits > 0, digits <= 4, other == 0 else { return false }
        if letters == 0 { return true }
        let folded = DecisionScalars.fold(s[r])
        let text = DecisionScalars.string(values: folded)
        if text.hasPrefix("第"), text.hasSuffix("页") { return letters == 2 }
        for w in DecisionStructureWords.pageWords where text.hasPrefix(w) {
            // Only "page N" or "page N of M": the remaining letters are a short linking word.
            return letters <= w.count + 3
        }
        return false
    }

    /// A line holding only a document symbol with "/DEC/" (repeated in page headers).
    static func isDocumentSymbolLine(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count >= 9, r.count <= 40 else { return false }
        var slashes = 0
        for i in r {
            let v = s[i].value
            if v == 0x2F { slashes += 1; continue }
            if DecisionScalars.isSpace(v) { return false }
            if !(v < 0x80 && (DecisionScalars.isLatinLetter(v) || DecisionScalars.isDigit(v) || v == 0x2E || v == 0x2D)) {
                return false
            }
        }
        guard slashes >= 2 else { return false }
        let text = DecisionScalars.string(s[r]).uppercased()
        return text.contains("/DEC/") || text.contains("/REC/")
    }

    /// "XII/6" from "UNEP/CBD/COP/DEC/XII/6", "14/30" from "CBD/COP/DEC/14/30".
    static func decisionNumber(fromSymbol symbol: String) -> String? {
        let parts = symbol.split(separator: "/")
        guard let i = parts.lastIndex(where: { $0.uppercased() == "DEC" || $0.uppercased() == "REC" }),
              parts.count >= i + 3 else { return nil }
        return parts[i + 1] + "/" + parts[i + 2]
    }

    /// Body id from a document symbol ("CBD/CP/MOP/DEC/9/1" -> CP-MOP).
    static func body(fromSymbol symbol: String) -> String? {
        let u = symbol.uppercased()
        if u.contains("/CP/") || u.contains("BS/COP-MOP") { return "CP-MOP" }
        if u.contains("/NP/") || u.contains("ABS/COP-MOP") { return "NP-MOP" }
        if u.contains("/SBSTTA/") { return "SBSTTA" }
        if u.contains("/SBI/") { return "SBI" }
        if u.contains("/COP/") { return "COP" }
        return nil
    }
}
