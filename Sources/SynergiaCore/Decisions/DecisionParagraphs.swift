/// Builds sections, preambular and operative paragraphs and sub-paragraphs from the body
/// lines, one line at a time, in a single pass.
///
/// A line starts something only if the line before it closed a clause (ends with ",", ";",
/// "。", "：", "; and"...) or was itself a heading: a wrapped line that happens to begin with
/// "B" or "notes" stays inside its paragraph. Operative numbers must follow each other (a gap
/// of up to three is accepted with a warning); sub-paragraph letters must follow each other,
/// and roman numerals nest under the current letter (flattened as "a.i").
struct DecisionParagraphBuilder {
    let language: String
    let table: DecisionPhraseTable

    private(set) var sections: [DecisionSection] = []
    private(set) var paragraphs: [DecisionParagraph] = []
    var warnings: DecisionWarnings

    private var currentSection: String?
    private var expectedNumber = 1
    private var operativeInSection = false
    private var preambleOpen = false
    private var previousClosesClause = true
    private var pendingSectionTitle = false

    // The paragraph being built.
    private var current: DecisionParagraph?
    private var text = DecisionLineJoiner()
    private var sub: DecisionSubparagraph?
    private var subText = DecisionLineJoiner()
    private var lastLetter: String?
    private var lastRoman = 0
    private var lastTopRoman = 0

    init(language: String, warnings: DecisionWarnings) {
        self.language = language
        self.table = DecisionLexicon.table(language)
        self.warnings = warnings
    }

    var hasParagraph: Bool { current != nil }

    /// Whether the last line closed a clause, so that the next line may start a new unit.
    var canStartUnit: Bool { previousClosesClause }

    /// The outcome of one line.
    enum Placement { case placed, unplaced }

    // MARK: Line tests

    func isChapeau(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count <= 40 else { return false }
        let f = DecisionScalars.fold(s[r])
        guard let m = table.match(f, at: 0), table.roles[m.entry].contains(.chapeau) else { return false }
        return m.end >= f.count - 1
    }

    /// The line opens with a verb or a preambular opener ("Recalling", "注意到", "وإذ يشير").
    func opensWithVerb(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard let first = r.first else { return false }
        let v = s[first].value
        // Latin-script preambles start with a capital ("Recalling"); Russian ones do not ("ссылаясь").
        if DecisionScalars.isLatinLetter(v), DecisionScalars.lower(v) == v { return false }
        let f = DecisionScalars.fold(s[r.lowerBound..<min(r.upperBound, r.lowerBound + 48)])
        guard let m = table.match(f, at: 0) else { return false }
        return table.roles[m.entry].contains { role in
            switch role {
            case .verb, .conjoinedVerb, .leadingVerb, .opener: return true
            default: return false
            }
        }
    }

    /// Whether a line ends a clause, so that the next line may start a new unit.
    static func closesClause(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard let last = r.last else { return true }
        switch s[last].value {
        case 0x2C, 0x3B, 0x3A, 0x2E, 0x21, 0x3F, 0x29, 0xFF09, 0x201D, 0xBB, 0xFF0C, 0xFF1B, 0xFF1A, 0x3002, 0x060C,
             0x061B, 0x06D4:
            return true
        default:
            break
        }
        var i = last
        while i > r.lowerBound, !DecisionScalars.isSpace(s[i - 1].value), last - i < 8 { i -= 1 }
        let word = DecisionScalars.fold(s[i...last])
        if closingWords.contains(word) { return true }
        // "；以及", "；和"
        for w in cjkClosingWords where word.count > w.count && word.suffix(w.count).elementsEqual(w) {
            let before = word[word.count - w.count - 1]
            if before == 0xFF1B || before == 0x3B || before == 0xFF0C { return true }
        }
        return false
    }

    static let closingWords: Set<[UInt32]> = Set(DecisionStructureWords.closingWords.map { DecisionScalars.fold($0) })
    static let cjkClosingWords: [[UInt32]] = ["以及", "及", "和"].map { DecisionScalars.fold($0) }

    // MARK: Building

    /// Reads one body line (trimmed, footnote markers removed). Returns whether it was placed.
    mutating func add(_ s: [Unicode.Scalar], _ r: Range<Int>, lineNumber: Int) -> Placement {
        let canStart = previousClosesClause
        previousClosesClause = Self.closesClause(s, r)

        if pendingSectionTitle {
            pendingSectionTitle = false
            if !sections.isEmpty, sections[sections.count - 1].title.isEmpty,
               DecisionLineLabels.operativeNumber(s, r) == nil, !isChapeau(s, r) {
                sections[sections.count - 1].title = DecisionScalars.string(s[r])
                previousClosesClause = true
                return .placed
            }
        }
        if isChapeau(s, r) {
            closeParagraph()
            preambleOpen = true
            previousClosesClause = true
            return .placed
        }
        if canStart, let sec = DecisionLineLabels.section(s, r), sec.label == nextSectionLabel {
            closeParagraph()
            let title = DecisionScalars.string(s[sec.textStart..<r.upperBound])
            sections.append(DecisionSection(label: sec.label, title: title))
            currentSection = sec.label
            operativeInSection = false
            pendingSectionTitle = title.isEmpty
            previousClosesClause = true
            return .placed
        }
        if canStart, let op = DecisionLineLabels.operativeNumber(s, r),
           op.number >= expectedNumber, op.number <= expectedNumber + 3 {
            if op.number > expectedNumber {
                warnings.add("line \(lineNumber): paragraph \(op.number) follows paragraph \(expectedNumber - 1)")
            }
            closeParagraph()
            current = DecisionParagraph(kind: .operative, section: currentSection, number: String(op.number))
            expectedNumber = op.number + 1
            operativeInSection = true
            preambleOpen = false
            text.append(s[op.textStart..<r.upperBound])
            return .placed
        }
        if canStart, current != nil, let label = subparagraphLabel(s, r) {
            closeSubparagraph()
            sub = DecisionSubparagraph(label: label.label)
            subText.append(s[label.textStart..<r.upperBound])
            return .placed
        }
        if canStart, !operativeInSection, preambleOpen || current == nil || current?.kind == .preambular,
           opensWithVerb(s, r) {
            closeParagraph()
            current = DecisionParagraph(kind: .preambular, section: currentSection)
            preambleOpen = true
            text.append(s[r])
            return .placed
        }
        if sub != nil {
            subText.append(s[r])
            return .placed
        }
        if current != nil {
            text.append(s[r])
            return .placed
        }
        if preambleOpen && !operativeInSection {
            if !warnings.isFull {
                warnings.add("line \(lineNumber): preambular paragraph without a known opening word: "
                             + DecisionWarnings.excerpt(s, r))
            } else {
                warnings.add("")
            }
            current = DecisionParagraph(kind: .preambular, section: currentSection)
            text.append(s[r])
            return .placed
        }
        return .unplaced
    }

    /// Resets numbering when another decision starts in the same text.
    mutating func restart() {
        closeParagraph()
        expectedNumber = 1
        operativeInSection = false
        preambleOpen = false
        currentSection = nil
        previousClosesClause = true
    }

    mutating func markHeading() { previousClosesClause = true }

    private var nextSectionLabel: String {
        guard let last = sections.last?.label else { return "A" }
        return DecisionLineLabels.nextLetter(last.lowercased()).uppercased()
    }

    /// Decides whether a line label is the next letter, a nested roman numeral or the next roman.
    private mutating func subparagraphLabel(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (label: String, textStart: Int)? {
        guard let l = DecisionLineLabels.subparagraph(s, r) else { return nil }
        let nextLetter = DecisionLineLabels.nextLetter(lastLetter)
        let roman = DecisionLineLabels.romanValue(l.label)
        // A roman numeral nested under the current letter, unless it is the next letter
        // ("(i)" right after "(h)").
        if let lastLetter, let roman, roman == lastRoman + 1, !(l.label == nextLetter && lastRoman == 0) {
            lastRoman = roman
            return ("\(lastLetter).\(l.label)", l.textStart)
        }
        if l.label.unicodeScalars.count == 1, l.label == nextLetter {
            lastLetter = l.label
            lastRoman = 0
            return (l.label, l.textStart)
        }
        if lastLetter == nil, let roman, roman == lastTopRoman + 1 {
            lastTopRoman = roman
            return (l.label, l.textStart)
        }
        return nil
    }

    private mutating func closeSubparagraph() {
        guard var done = sub else { return }
        done.text = subText.string
        let a = DecisionAnalysis.analyze(subText.scalars, language: language)
        done.actions = a.actions
        done.subjectToResources = a.subjectToResources
        done.deadlines = a.deadlines
        done.references = a.references
        current?.subparagraphs.append(done)
        sub = nil
        subText = DecisionLineJoiner()
    }

    mutating func closeParagraph() {
        closeSubparagraph()
        guard var done = current else { return }
        done.text = text.string
        let a = DecisionAnalysis.analyze(text.scalars, language: language)
        done.actions = a.actions
        done.subjectToResources = a.subjectToResources
        done.deadlines = a.deadlines
        done.references = a.references
        paragraphs.append(done)
        current = nil
        text = DecisionLineJoiner()
        lastLetter = nil
        lastRoman = 0
        lastTopRoman = 0
    }

    /// Attaches footnote markers to the paragraph being built (or the last one).
    mutating func cite(_ markers: [String]) {
        guard !markers.isEmpty else { return }
        if current != nil {
            current!.footnotes.append(contentsOf: markers)
        } else if !paragraphs.isEmpty {
            paragraphs[paragraphs.count - 1].footnotes.append(contentsOf: markers)
        }
    }

    mutating func finish() -> (sections: [DecisionSection], paragraphs: [DecisionParagraph]) {
        closeParagraph()
        return (sections, paragraphs)
    }
}
