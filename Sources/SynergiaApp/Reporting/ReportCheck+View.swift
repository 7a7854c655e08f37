import Plot
import SynergiaCore

extension ReportCheck {
    enum View {
        /// The check; `refused` is the catalog key of the step the report could not take (sending for
        /// review or submitting), shown above the list as the reason.
        static func render(_ page: PageContext, _ model: Model, template: ReportTemplate, refused: String? = nil) -> String {
            let party = ReportPage.View.partyName(page, model.party, model.partyNames)
            let sections = Dictionary(grouping: model.items, by: \.section)
            return Layout.render(page, title: "\(page.t("report.check")) — \(party) — \(template.title.resolved(in: page.language).text)",
                                 json: .api(.reportCheck(model.report)), main: [
                .p(.class("breadcrumb"), .a(.href(SiteURL.report(model.report).path), page.name(template.title)), .escapedText(" — "),
                   ReportPage.View.partyLink(page, model.party, model.partyNames)),
                .h1(page.text("report.check")),
                .unwrap(refused) { .p(.id("refused"), .class("alert"), .attribute(named: "role", value: "alert"), page.text($0)) },
                model.items.isEmpty
                    ? .p(.id("check-ok"), .class("notice"), page.text("report.check-ok"))
                    : .p(.id("check-count"), page.text("report.check-count", ["count": "\(model.items.count)"])),
                .forEach(template.sections.filter { sections[$0.id] != nil }) { section in
                    .section(.h2(.a(.href(SiteURL.reportSection(model.report, section: section.id).path), page.name(section.title))),
                             .ul(.class("check"), .forEach(sections[section.id] ?? []) { item in self.item(page, model, template, section, item) }))
                },
            ])
        }

        /// One item of the check: its question (or, for a national target's progress, the target's entry), then what is wrong or the comment.
        static func item(_ page: PageContext, _ model: Model, _ template: ReportTemplate, _ section: TemplateSection,
                         _ item: Item) -> Node<HTML.ListContext> {
            // A national target's progress is in its entry: the question it answers for is not on the page.
            let place = item.nationalTarget.map { "#nt-" + SiteURL.fragment($0) } ?? "#q-" + SiteURL.fragment(item.question)
            let what: Node<HTML.BodyContext> = item.kind == .comment
                ? page.text("report.check-comment", ["author": item.author ?? "", "text": item.text ?? ""])
                : page.text(item.message ?? "")
            return .li(.class(item.kind.rawValue),
                       .a(.href(SiteURL.reportSection(model.report, section: section.id).path + place),
                          .unwrap(template.question(item.question)) { page.name($0.title) }),
                       .escapedText(": "), what,
                       // Its progress is assessed on the national target itself, entered once for every report (by who may change it).
                       .unwrap(item.mayChangeTarget == true ? item.nationalTarget : nil) { code in
                           .group(.escapedText(" "), .a(.href(SiteURL.nationalTargetAction(party: model.party, code: code, .edit).path + "#progress"),
                                                        .escapedText(code), .escapedText(": "), page.text("national-targets.assess-progress")))
                       })
        }
    }
}
