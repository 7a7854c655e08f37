import Plot

/// One convention: its facts, its frameworks and its Parties.
enum ConventionView {
    static func render(_ page: PageContext, _ detail: ConventionDetailDTO) -> String {
        let convention = detail.convention
        return Layout.render(page, title: convention.shortName, json: .api(.convention(convention.code)), main: [
            .h1(page.name(convention.names), .escapedText(" ("), page.written(in: .english, convention.shortName), .escapedText(")")),
            .dl(
                .dt(page.text("conventions.governing-body")), .dd(page.name(convention.governingBody)),
                .dt(page.text("conventions.entry-into-force")), .dd(Known.value(page, convention.entryIntoForce.map(String.init))),
                .dt(page.text("conventions.secretariat")), .dd(Known.value(page, convention.secretariatHost)),
                .dt(page.text("conventions.administered-by")), .dd(Known.value(page, convention.administeredBy)),
                .dt(page.text("conventions.website")),
                .dd(.unwrap(convention.website, { .a(.href($0.attributeEscaped), .escapedText($0)) }, else: page.text("common.unknown")))
            ),
            .h2(page.text("nav.frameworks")),
            .if(detail.frameworks.isEmpty, .p(page.text("conventions.no-frameworks")), else: .ul(.forEach(detail.frameworks) { framework in
                .li(.a(.href(SiteURL.framework(framework.code).path), page.name(framework.names)))
            })),
            .h2(page.text("nav.parties")),
            .p(.a(.href(SiteURL.parties(convention: convention.code).path),
                  page.text("conventions.party-count", ["count": "\(detail.partyCount)"]))),
            .if(detail.unknownMembershipCount > 0,
                .p(.class("note"), page.text("conventions.unknown-memberships", ["count": "\(detail.unknownMembershipCount)"]))),
        ])
    }
}
