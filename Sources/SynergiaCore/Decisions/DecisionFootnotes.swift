/// Footnotes: finds the footnote blocks that PDF extraction drops between the lines of a
/// paragraph (a rule line, then "1 UNEP/CBD/COP/12/24。" lines, maybe continued, maybe
/// followed by link annotations), and finds and removes the markers that cite them in the text.
enum DecisionFootnotes {
    /// A footnote while it is being collected.
    struct Collected {
        var marker: Int
        /// Index of the line that starts the footnote.
        var line: Int
        var lines: [Range<Int>]
    }

    /// Scalars that end a footnote's text; a footnote line without one continues on the next line.
    static func endsSentence(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x3002, 0xFF0E, 0x3B, 0xFF1B, 0x21, 0x3F, 0x29, 0xFF09, 0x201D, 0x06D4, 0x061B: return true
        default: return false
        }
    }

    /// Walks classified lines; returns per-line roles (footnote or not) and the footnotes.
    /// - kinds: classification from `DecisionPageCleaner`; lines of kind `.text` may become footnote lines.
    static func extract(_ s: [Unicode.Scalar], lines: [Range<Int>],
                        kinds: [DecisionPageCleaner.Kind]) -> (isFootnote: [Bool], footnotes: [Collected]) {
        var isFootnote = [Bool](repeating: false, count: lines.count)
        var notes: [Collected] = []
        var inBlock = false
        var lastMarker = 0
        var notesInBlock = 0
        for (li, r) in lines.enumerated() {
            switch kinds[li] {
            case .blank, .link:
                continue
            case .separator:
                inBlock = true
                notesInBlock = 0
                continue
            case .furniture:
                inBlock = false
                continue
            case .text:
                break
            }
            guard inBlock else { continue }
            if let f = DecisionLineLabels.footnote(s, r),
               notes.isEmpty ? f.marker <= 999 : (f.marker > lastMarker && f.marker <= lastMarker + 2) {
                notes.append(Collected(marker: f.marker, line: li, lines: [f.textStart..<r.upperBound]))
                lastMarker = f.marker
                notesInBlock += 1
                isFootnote[li] = true
                continue
            }
            // A continuation of the last footnote if that one has not ended its sentence and the line
            // does not start a paragraph.
            if notesInBlock > 0, let last = notes.last, let lastRange = last.lines.last, !lastRange.isEmpty,
               !endsSentence(s[lastRange.upperBound - 1].value),
               DecisionLineLabels.operativeNumber(s, r) == nil, DecisionLineLabels.subparagraph(s, r) == nil {
                notes[notes.count - 1].lines.append(r)
                isFootnote[li] = true
                continue
            }
            inBlock = false
        }
        return (isFootnote, notes)
    }

    /// Finds the marker `marker` cited in a line of body text: the digits right after a word or
    /// closing punctuation ("report,1", "报告，1", "宣言》；5", "document¹"), not part of a
    /// larger number, a symbol ("COP/12") or an upper-case code ("COP12").
    /// Returns the range to remove (the marker, plus one following space after CJK punctuation).
    static func findCitation(_ s: [Unicode.Scalar], in r: Range<Int>, from: Int, marker: Int) -> Range<Int>? {
        let text = String(marker)
        let digits = text.unicodeScalars.map { Int($0.value - 0x30) }
        var i = max(from, r.lowerBound + 1)
        while i + digits.count <= r.upperBound {
            if markerMatches(s, at: i, digits) {
                let end = i + digits.count
                let prev = s[i - 1].value
                let beforeOK = acceptsMarkerAfter(prev)
                    && !(i >= 2 && DecisionScalars.isUpperASCII(prev) && DecisionScalars.isUpperASCII(s[i - 2].value))
                    && !(i >= 2 && prev == 0x2E && digitAt(s, i - 2) != nil)
                let afterOK = end == r.upperBound || acceptsMarkerBefore(s[end].value)
                let notInNumber = digitAt(s, i - 1) == nil && (end == r.upperBound || digitAt(s, end) == nil)
                if beforeOK && afterOK && notInNumber {
                    var removeEnd = end
                    if DecisionScalars.isCJK(prev), end < r.upperBound, DecisionScalars.isSpace(s[end].value) { removeEnd += 1 }
                    return i..<removeEnd
                }
            }
            i += 1
        }
        return nil
    }

    private static func digitAt(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        DecisionLineLabels.digitValue(s[i].value) ?? DecisionLineLabels.superscriptValue(s[i].value)
    }

    private static func markerMatches(_ s: [Unicode.Scalar], at i: Int, _ digits: [Int]) -> Bool {
        for (k, d) in digits.enumerated() {
            guard let v = digitAt(s, i + k), v == d else { return false }
        }
        // Plain and superscript digits are not mixed in one marker.
        return true
    }

    /// What may come right before a marker: a letter, an ideograph, closing punctuation.
    private static func acceptsMarkerAfter(_ v: UInt32) -> Bool {
        if DecisionScalars.isWordLetter(v) || DecisionScalars.isHan(v) { return true }
        switch v {
        case 0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x201D, 0x2019, 0x22, 0xBB, 0x300B, 0xFF09, 0x3001, 0xFF0C, 0x3002,
             0xFF1B, 0xFF1A, 0x300D, 0x060C, 0x061B:
            return true
        default:
            return false
        }
    }

    /// What may come right after a marker: end, space or punctuation, or CJK text.
    private static func acceptsMarkerBefore(_ v: UInt32) -> Bool {
        if DecisionScalars.isSpace(v) || DecisionScalars.isHan(v) { return true }
        switch v {
        case 0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x060C, 0x061B: return true
        default: return false
        }
    }
}
