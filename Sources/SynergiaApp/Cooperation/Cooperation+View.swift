import Plot
import SynergiaCore

extension Cooperation {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            Layout.render(page, title: page.t("cooperation.title"), json: .api(.cooperation), main: [
                .h1(page.text("cooperation.title")),
                .h2(.id("liaison-group"), .escapedText(model.liaisonGroup.name)),
                .p(page.text("cooperation.established"), .escapedText(" "), Known.value(page, model.liaisonGroup.established)),
                .table(
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), page.text("parties.convention")),
                               .th(.attribute(named: "scope", value: "col"), page.text("cooperation.joined")))),
                    .tbody(.forEach(model.liaisonGroup.members) { member in
                        .tr(.th(.attribute(named: "scope", value: "row"),
                                .a(.href(SiteURL.convention(member.convention).path), .escapedText(model.conventionNames[member.convention] ?? member.convention))),
                            .td(Known.value(page, member.joined), .unwrap(member.note) { .small(.escapedText(" (\($0))")) }))
                    })),
                .h2(.id("initiatives"), page.text("cooperation.initiatives")),
                .ul(.class("cards"), .forEach(model.initiatives) { initiative(page, $0) }),
                .h2(.id("organizations"), page.text("cooperation.organizations")),
                .ul(.forEach(model.organizations) { organization in
                    .li(.strong(.escapedText(organization.code)), .escapedText(" — "),
                        .unwrap(organization.website.flatMap(SafeLink.href), { .a(.href($0), .escapedText(organization.name)) }, else: .escapedText(organization.name)))
                }),
            ])
        }

        static func initiative(_ page: PageContext, _ initiative: Model.Initiative) -> Node<HTML.ListContext> {
            .li(.id(initiative.id.attributeEscaped),
                .h3(.escapedText(initiative.title)),
                .p(.small(page.text("cooperation.kind.\(initiative.kind)"), .escapedText(" · " + initiative.parties.joined(separator: ", ")))),
                .p(.escapedText(initiative.scope)),
                .dl(.dt(page.text("actions.status")), .dd(Known.value(page, initiative.status)),
                    .dt(page.text("meetings.dates")), .dd(Known.value(page, initiative.start), .escapedText(" – "), Known.value(page, initiative.end))),
                .p(page.text("cooperation.called-for-by"), .escapedText(" "), .forEach(initiative.decisionLinks) { link in
                    .group(.unwrap(link.slug, { .a(.href(SiteURL.decisionParagraph($0, paragraph: link.paragraph).path), .escapedText("\(link.symbol) ¶\(link.paragraph)")) },
                                   else: .escapedText("\(link.symbol) ¶\(link.paragraph)")), .escapedText(" "))
                }))
        }
    }
}
