import Foundation

/// Parses the text of a decision, as extracted from the official PDF, into a `ParsedDecision`.
///
/// One linear pass classifies the lines (page furniture, link annotations, footnote blocks),
/// a second reads the header and builds the paragraphs; each paragraph is analysed once when
/// it closes. The parser never throws: whatever it cannot place is reported in `warnings`.
public enum DecisionParser {
    public static func parse(_ text: String) -> ParsedDecision {
        parseWithStats(text).decision
    }

    /// How the lines of an input were used; every line is counted exactly once.
    struct Stats: Equatable {
        var lines = 0
        var blank = 0
        /// Rules, link annotations, page headers and footers.
        var dropped = 0
        var footnote = 0
        /// Header lines, headings and paragraph lines.
        var placed = 0
        /// Lines reported in the warnings.
        var warned = 0
    }

    static func parseWithStats(_ text: String) -> (decision: ParsedDecision, stats: Stats) {
        let s = DecisionScalars.scalars(of: text)
        let lines = splitLines(s)
        var stats = Stats(lines: lines.count)
        let language = DecisionLanguage.detect(s)
        let trimmed = lines.map { DecisionScalars.trimmed(s, $0) }
        var kinds: [DecisionPageCleaner.Kind] = []
        kinds.reserveCapacity(lines.count)
        for (i, raw) in lines.enumerated() { kinds.append(DecisionPageCleaner.classify(s, raw: raw, trimmed: trimmed[i])) }
        let (isFootnote, collected) = DecisionFootnotes.extract(s, lines: trimmed, kinds: kinds)

        var header = DecisionHeader(language: language)
        var builder = DecisionParagraphBuilder(language: language, warnings: DecisionWarnings())
        var inHead = true
        var titleLinesLeft = 0
        var nextCite = 0
        var uncited: [Int] = []
        var previousLine: [Unicode.Scalar] = []

        for li in lines.indices {
            let r = trimmed[li]
            let lineNumber = li + 1
            switch kinds[li] {
            case .blank: stats.blank += 1; continue
            case .separator, .link: stats.dropped += 1; continue
            case .furniture:
                stats.dropped += 1
                if header.documentSymbol == nil, DecisionPageCleaner.isDocumentSymbolLine(s, r) {
                    header.documentSymbol = DecisionScalars.string(s[r])
                }
                continue
            case .text: break
            }
            if isFootnote[li] { stats.footnote += 1; continue }

            // Remove the markers of the footnotes cited on this line.
            var line = s
            var range = r
            var markers: [String] = []
            var searchFrom = r.lowerBound
            var copied: [Unicode.Scalar]?
            while nextCite < collected.count {
                let note = collected[nextCite]
                if note.line < li {
                    uncited.append(note.marker)
                    nextCite += 1
                    continue
                }
                let source = copied ?? s
                guard let hit = DecisionFootnotes.findCitation(source, in: range, from: searchFrom, marker: note.marker) else { break }
                var lineScalars = Array(source[range.lowerBound..<hit.lowerBound])
                let cut = lineScalars.count
                lineScalars.append(contentsOf: source[hit.upperBound..<range.upperBound])
                copied = lineScalars
                range = 0..<lineScalars.count
                searchFrom = cut
                markers.append(String(note.marker))
                nextCite += 1
            }
            if let copied {
                line = copied
                range = DecisionScalars.trimmed(line, range)
                if range.isEmpty { builder.cite(markers); stats.placed += 1; continue }
            }

            // Header lines until the title or the first structural line.
            if let t = DecisionHeader.titleLine(line, range) {
                if inHead {
                    header.symbol = t.symbol
                    header.title = DecisionScalars.string(line[t.textStart..<range.upperBound])
                    inHead = false
                    titleLinesLeft = 2
                    builder.markHeading()
                    stats.placed += 1
                    builder.cite(markers)
                    continue
                } else if builder.canStartUnit || isDecisionAdoptedLine(previousLine, language: language) {
                    builder.restart()
                    builder.warnings.unplaced(line, range, lineNumber: lineNumber, what: "another decision starts here")
                    stats.warned += 1
                    continue
                }
            }
            if inHead {
                if startsBody(builder, line, range) {
                    inHead = false
                } else {
                    switch header.read(line, range) {
                    case .kept, .noise: stats.placed += 1
                    case .unplaced:
                        builder.warnings.unplaced(line, range, lineNumber: lineNumber, what: "header line not understood")
                        stats.warned += 1
                    }
                    continue
                }
            }
            if titleLinesLeft > 0 {
                titleLinesLeft -= 1
                if !builder.hasParagraph, !startsBody(builder, line, range), let title = header.title {
                    var joiner = DecisionLineJoiner()
                    joiner.append(title.unicodeScalars)
                    joiner.append(line[range])
                    header.title = joiner.string
                    stats.placed += 1
                    continue
                }
                titleLinesLeft = 0
            }
            previousLine = Array(line[range.lowerBound..<min(range.upperBound, range.lowerBound + 200)])
            switch builder.add(line, range, lineNumber: lineNumber) {
            case .placed:
                stats.placed += 1
                builder.cite(markers)
            case .unplaced:
                builder.warnings.unplaced(line, range, lineNumber: lineNumber, what: "text outside any paragraph")
                stats.warned += 1
            }
        }
        while nextCite < collected.count { uncited.append(collected[nextCite].marker); nextCite += 1 }

        let (sections, builtParagraphs) = builder.finish()
        var paragraphs = builtParagraphs
        var warnings = builder.warnings
        let footnotes = collected.map { note -> DecisionFootnote in
            var j = DecisionLineJoiner()
            for r in note.lines { j.append(s[r]) }
            return DecisionFootnote(marker: String(note.marker), text: j.string)
        }
        for m in uncited { warnings.add("footnote \(m) is not cited in the text") }
        attachFootnoteReferences(&paragraphs, footnotes, language: language)
        if paragraphs.isEmpty, stats.lines > 0, stats.placed + stats.warned > 0 {
            warnings.add("no paragraphs found")
        }
        let decision = ParsedDecision(
            symbol: header.symbol ?? header.documentSymbol.flatMap(DecisionPageCleaner.decisionNumber(fromSymbol:)),
            title: header.title, language: language, meeting: header.meeting, agendaItem: header.agendaItem,
            sections: sections, paragraphs: paragraphs, footnotes: footnotes, warnings: warnings.all)
        return (decision, stats)
    }

    /// "Decision adopted by the Conference of the Parties...": the header line just before a
    /// decision's title, which tells that another decision starts in the same text.
    static func isDecisionAdoptedLine(_ line: [Unicode.Scalar], language: String) -> Bool {
        guard !line.isEmpty, line.count < 200 else { return false }
        let table = DecisionLexicon.table(language)
        return table.tokenize(DecisionScalars.fold(line)).contains { table.roles(of: $0).contains(.decisionAdopted) }
    }

    /// Lines as ranges of scalars, split at LF, CR LF, CR, LS, PS and NEL.
    static func splitLines(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < s.count {
            let v = s[i].value
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x85 {
                out.append(start..<i)
                if v == 0x0D, i + 1 < s.count, s[i + 1].value == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < s.count { out.append(start..<s.count) }
        return out
    }

    /// Whether a header line is in fact the start of the body (chapeau, section, paragraph 1).
    static func startsBody(_ b: DecisionParagraphBuilder, _ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        if b.isChapeau(s, r) { return true }
        if let sec = DecisionLineLabels.section(s, r), sec.label == "A" { return true }
        if let op = DecisionLineLabels.operativeNumber(s, r), op.number == 1 { return true }
        return b.opensWithVerb(s, r)
    }

    /// Adds to each paragraph the references found in the footnotes it cites.
    static func attachFootnoteReferences(_ paragraphs: inout [DecisionParagraph], _ notes: [DecisionFootnote], language: String) {
        var refs: [String: [String]] = [:]
        for n in notes where refs[n.marker] == nil {
            refs[n.marker] = DecisionAnalysis.analyze(Array(n.text.unicodeScalars), language: language).references
        }
        for i in paragraphs.indices where !paragraphs[i].footnotes.isEmpty {
            var list = paragraphs[i].references
            for m in paragraphs[i].footnotes { list += refs[m] ?? [] }
            paragraphs[i].references = DecisionReferences.unique(list)
        }
    }
}
