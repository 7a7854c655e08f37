import Plot
import SynergiaCore

/// One decision: header, language versions, sections and paragraphs with their actions,
/// footnotes, the action items to follow up, and what it cites and what cites it.
enum DecisionView {
    static func render(_ page: PageContext, _ detail: DecisionDetailDTO, canTrack: Bool) -> String {
        let decision = detail.decision
        let summary = detail.summary
        let language = Language(code: decision.language) ?? .english
        return Layout.render(page, title: "\(summary.symbol) \(decision.title ?? "")", json: .api(.decision(summary.slug)), main: [
            .h1(page.code(summary.convention), .escapedText(" "), page.text("decisions.decision"), .escapedText(" "), page.code(summary.symbol),
                .unwrap(decision.title) { title in .group(.br(), .span(.attribute(named: "lang", value: language.code), .escapedText(title))) }),
            .dl(
                .unwrap(summary.meeting) { .group(.dt(page.text("decisions.meeting")), .dd(page.written(in: language, $0))) },
                .unwrap(decision.agendaItem) { .group(.dt(page.text("decisions.agenda-item")), .dd(page.written(in: language, $0))) },
                .dt(page.text("decisions.versions")),
                .dd(.forEach(detail.versions) { version in
                    .group(.a(.href(SiteURL.decisionVersion(summary.slug, language: version).path),
                              .if(version == decision.language, .attribute(named: "aria-current", value: "true")),
                              .unwrap(Language(code: version), { page.written(in: $0, $0.nativeName) }, else: .escapedText(version))), .escapedText(" "),
                           .if(version != decision.language, .group(.a(
                               .href(SiteURL.decisionCompare(summary.slug, left: decision.language, right: version).path),
                               page.text("decisions.compare")), .escapedText(" "))))
                })
            ),
            .article(
                .attribute(named: "lang", value: language.code),
                .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"),
                .class("decision"),
                .forEach(groups(decision)) { group in
                    .group(
                        .unwrap(group.section) { section in .h2(.id("section-\(section.label)".attributeEscaped), .escapedText("\(section.label). \(section.title)")) },
                        .forEach(group.paragraphs) { paragraph(page, $0) }
                    )
                }
            ),
            .if(!decision.footnotes.isEmpty, .section(
                .h2(page.text("decisions.footnotes")),
                .ol(.class("footnotes"), .attribute(named: "lang", value: language.code), .forEach(decision.footnotes) { note in
                    .li(.id("fn-\(note.marker)".attributeEscaped), .escapedText("\(note.marker) \(note.text)"))
                })
            )),
            .section(
                .h2(.id("action-items"), page.text("actions.title")),
                ActionItemsView.table(page, detail.actionItems, canTrack: canTrack, showDecision: false)
            ),
            .section(
                .h2(page.text("decisions.cites")),
                .if(detail.cites.isEmpty, .p(page.text("decisions.none-cited")), else: .ul(.forEach(detail.cites) { reference in
                    .li(citation(page, reference, imported: Set(detail.citesImported)))
                })),
                .h2(page.text("decisions.cited-by")),
                .if(detail.citedBy.isEmpty, .p(page.text("decisions.none-citing")), else: .ul(.forEach(detail.citedBy) { citing in
                    .li(.a(.href(SiteURL.decision(citing.slug).path), page.code(citing.convention), .escapedText(" "), page.code(citing.symbol)))
                }))
            ),
            .if(!decision.warnings.isEmpty, .details(
                .summary(page.text("decisions.warnings", ["count": "\(decision.warnings.count)"])),
                .ul(.forEach(decision.warnings) { .li(.escapedText($0)) })
            )),
        ])
    }

    struct Group { var section: DecisionSection?; var paragraphs: [DecisionParagraph] }

    /// Paragraphs under their section headings, in order.
    static func groups(_ decision: ParsedDecision) -> [Group] {
        var groups: [Group] = []
        for paragraph in decision.paragraphs {
            if let last = groups.last, last.section?.label == paragraph.section {
                groups[groups.count - 1].paragraphs.append(paragraph)
            } else {
                groups.append(Group(section: decision.sections.first { $0.label == paragraph.section }, paragraphs: [paragraph]))
            }
        }
        return groups
    }

    static func paragraph(_ page: PageContext, _ paragraph: DecisionParagraph) -> Node<HTML.BodyContext> {
        .div(
            .class(paragraph.kind == .operative ? "paragraph operative" : "paragraph preambular"),
            .unwrap(paragraph.number) { .id("para-\($0)".attributeEscaped) },
            .p(.unwrap(paragraph.number) { .strong(.escapedText("\($0). ")) }, .escapedText(paragraph.text),
               .forEach(paragraph.footnotes) { marker in .sup(.a(.href("#fn-\(marker)".attributeEscaped), .escapedText(marker))) }),
            .if(!paragraph.subparagraphs.isEmpty, .ol(.class("subparagraphs"), .forEach(paragraph.subparagraphs) { sub in
                .li(.escapedText("(\(sub.label)) \(sub.text)"))
            })),
            .forEach(DecisionTargetMentions.find(in: paragraph.text)) { mention in
                // In the reader's language, under a paragraph that may be in another.
                .p(.class("targets"), page.ownLanguage, Links.target(page, "\(mention.framework)/\(mention.code)"))
            }
        )
    }

    /// A citation, in the reader's words ("décision XI/6", "مقرر XI/6"): a link when the cited
    /// decision is on the platform, else its reference as text.
    static func citation(_ page: PageContext, _ reference: String, imported: Set<String>) -> Node<HTML.BodyContext> {
        guard let slug = citedSlug(reference), imported.contains(slug) else { return citationWords(page, reference) }
        return .a(.href(SiteURL.decision(slug).path), citationWords(page, reference))
    }

    static func citationWords<C>(_ page: PageContext, _ reference: String) -> Node<C> {
        [("decision ", "decisions.decision"), ("resolution ", "decisions.resolution")]
            .first { reference.hasPrefix($0.0) }
            .map { prefix, key in .group(page.text(key), .escapedText(" "), page.code(String(reference.dropFirst(prefix.count)))) }
            ?? page.code(reference)
    }

    /// The slug of a cited decision (`decision X/20` → `X-20`); nil for other references.
    static func citedSlug(_ reference: String) -> String? {
        guard reference.hasPrefix("decision ") else { return nil }
        return DecisionImport.slug(String(reference.dropFirst("decision ".count)))
    }
}

extension Node where Context == HTML.BodyContext {
    static func sup(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "sup", nodes: nodes) }
}
