import Foundation

/// JSON and plain-text renderings of a parsed decision, for the API, the CLI and tests.
extension ParsedDecision {
    /// Pretty-printed JSON with sorted keys and unescaped slashes ("XII/6").
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// A human-readable outline: header, sections, paragraphs with their actions, deadlines
    /// and references, footnotes and warnings.
    public func summary() -> String {
        var out: [String] = []
        out.append("Decision \(symbol ?? "?")" + (title.map { " — \($0)" } ?? "") + " [\(language)]")
        if let m = meeting {
            var parts = [m.body + (m.session.map { " \($0)" } ?? "")]
            if let place = m.place { parts.append(place) }
            if let start = m.startDate, let end = m.endDate { parts.append("\(start) to \(end)") }
            else if let dates = m.dates { parts.append(dates) }
            out.append("Meeting: " + parts.joined(separator: ", "))
        }
        if let agendaItem { out.append("Agenda item: \(agendaItem)") }
        let pre = paragraphs.filter { $0.kind == .preambular }.count
        out.append("Paragraphs: \(pre) preambular, \(paragraphs.count - pre) operative; footnotes: \(footnotes.count)")
        var section: String?
        var preNumber = 0
        for p in paragraphs {
            if p.section != section, let label = p.section {
                section = label
                let title = sections.first { $0.label == label }?.title ?? ""
                out.append("")
                out.append("\(label). \(title)")
            }
            let head: String
            if p.kind == .operative { head = "\(p.number ?? "?")." } else { preNumber += 1; head = "PP\(preNumber)" }
            out.append("  \(head) \(Self.short(p.text))")
            out.append(contentsOf: Self.details(actions: p.actions, resources: p.subjectToResources,
                                                deadlines: p.deadlines, references: p.references, indent: "      "))
            if !p.footnotes.isEmpty { out.append("      footnotes: " + p.footnotes.joined(separator: ", ")) }
            for sp in p.subparagraphs {
                out.append("      (\(sp.label)) \(Self.short(sp.text))")
                out.append(contentsOf: Self.details(actions: sp.actions, resources: sp.subjectToResources,
                                                    deadlines: sp.deadlines, references: sp.references, indent: "          "))
            }
        }
        if !footnotes.isEmpty {
            out.append("")
            out.append("Footnotes:")
            for f in footnotes { out.append("  \(f.marker) \(Self.short(f.text))") }
        }
        if !warnings.isEmpty {
            out.append("")
            out.append("Warnings:")
            for w in warnings { out.append("  - \(w)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func short(_ text: String) -> String {
        text.count <= 72 ? text : String(text.prefix(71)) + "…"
    }

    private static func details(actions: [DecisionAction], resources: Bool, deadlines: [String], references: [String],
                                indent: String) -> [String] {
        var out: [String] = []
        if !actions.isEmpty {
            out.append(indent + "actions: " + actions.map { a in
                a.addressees.isEmpty ? a.verb : "\(a.verb) → \(a.addressees.joined(separator: ", "))"
            }.joined(separator: "; "))
        }
        if resources { out.append(indent + "subject to resources") }
        if !deadlines.isEmpty { out.append(indent + "deadlines: " + deadlines.joined(separator: ", ")) }
        if !references.isEmpty { out.append(indent + "references: " + references.joined(separator: ", ")) }
        return out
    }
}
