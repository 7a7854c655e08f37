import Plot

/// One convention: its facts, its frameworks and its Parties.
enum ConventionView {
    static func render(_ page: PageContext, _ detail: ConventionDetailDTO) -> String {
        let convention = detail.convention
        return Layout.render(page, title: convention.shortName, main: [
            .h1(page.name(convention.names), .text(" (\(convention.shortName))")),
            .dl(
                .dt(page.text("conventions.governing-body")), .dd(page.name(convention.governingBody)),
                .dt(page.text("conventions.entry-into-force")), .dd(known(page, convention.entryIntoForce.map(String.init))),
                .dt(page.text("conventions.secretariat")), .dd(known(page, convention.secretariatHost)),
                .dt(page.text("conventions.administered-by")), .dd(known(page, convention.administeredBy)),
                .dt(page.text("conventions.website")),
                .dd(.unwrap(convention.website, { .a(.href($0.attributeEscaped), .text($0)) }, else: page.text("common.unknown")))
            ),
            .h2(page.text("nav.frameworks")),
            .if(detail.frameworks.isEmpty, .p(page.text("conventions.no-frameworks")), else: .ul(.forEach(detail.frameworks) { framework in
                .li(.a(.href("/frameworks/\(framework.code)"), page.name(framework.names)))
            })),
            .h2(page.text("nav.parties")),
            .p(.a(.href("/parties?convention=\(convention.code)"),
                  page.text("conventions.party-count", ["count": "\(detail.partyCount)"]))),
            .if(detail.unknownMembershipCount > 0,
                .p(.class("note"), page.text("conventions.unknown-memberships", ["count": "\(detail.unknownMembershipCount)"]))),
        ])
    }

    /// A fact, or the catalog's "unknown" when the data does not know it.
    static func known(_ page: PageContext, _ value: String?) -> Node<HTML.BodyContext> {
        .unwrap(value, { .text($0) }, else: .span(.class("unknown"), page.text("common.unknown")))
    }
}
