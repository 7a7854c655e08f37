import Plot
import SynergiaCore

/// Two language versions of one decision side by side, paragraph by paragraph: preambular
/// paragraphs by their order, operative ones by their number, sub-paragraphs by label.
enum DecisionCompareView {
    struct Row {
        var label: String
        var left: String?
        var right: String?
    }

    static func rows(_ left: ParsedDecision, _ right: ParsedDecision) -> [Row] {
        func keyed(_ decision: ParsedDecision) -> [(String, String)] {
            var preambular = 0
            var out: [(String, String)] = []
            for paragraph in decision.paragraphs {
                let key: String
                if paragraph.kind == .operative {
                    key = paragraph.number ?? "?"
                } else {
                    preambular += 1
                    key = "PP\(preambular)"
                }
                out.append((key, paragraph.text))
                for sub in paragraph.subparagraphs { out.append(("\(key)(\(sub.label))", sub.text)) }
            }
            return out
        }
        let l = keyed(left), r = keyed(right)
        let rightByKey = Dictionary(r, uniquingKeysWith: { first, _ in first })
        var rows = l.map { Row(label: $0.0, left: $0.1, right: rightByKey[$0.0]) }
        let leftKeys = Set(l.map(\.0))
        rows += r.filter { !leftKeys.contains($0.0) }.map { Row(label: $0.0, left: nil, right: $0.1) }
        return rows
    }

    static func render(_ page: PageContext, symbol: String, convention: String, left: ParsedDecision, right: ParsedDecision) -> String {
        let l = Language(code: left.language) ?? .english, r = Language(code: right.language) ?? .english
        return Layout.render(page, title: "\(symbol) — \(l.nativeName) / \(r.nativeName)", main: [
            .h1(.escapedText("\(convention) \(page.t("decisions.decision")) \(symbol)")),
            .table(
                .class("compare"),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), page.text("actions.paragraph")),
                           .th(.attribute(named: "scope", value: "col"), .attribute(named: "lang", value: l.code), .escapedText(l.nativeName)),
                           .th(.attribute(named: "scope", value: "col"), .attribute(named: "lang", value: r.code), .escapedText(r.nativeName)))),
                .tbody(.forEach(rows(left, right)) { row in
                    .tr(.id("row-\(row.label)".attributeEscaped),
                        .th(.attribute(named: "scope", value: "row"), .escapedText(row.label)),
                        .td(.attribute(named: "lang", value: l.code), .attribute(named: "dir", value: l.isRightToLeft ? "rtl" : "ltr"), .escapedText(row.left ?? "—")),
                        .td(.attribute(named: "lang", value: r.code), .attribute(named: "dir", value: r.isRightToLeft ? "rtl" : "ltr"), .escapedText(row.right ?? "—")))
                })
            ),
        ])
    }
}
