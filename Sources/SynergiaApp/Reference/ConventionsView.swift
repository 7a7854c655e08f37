import Plot

/// The list of conventions with their key facts.
enum ConventionsView {
    static func render(_ page: PageContext, _ conventions: [ConventionDTO]) -> String {
        Layout.render(page, title: page.t("conventions.title"), json: .api(.conventions), main: [
            .h1(page.text("conventions.title")),
            .table(
                .caption(page.text("conventions.caption")),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), page.text("conventions.name")),
                    .th(.attribute(named: "scope", value: "col"), page.text("conventions.governing-body")),
                    .th(.attribute(named: "scope", value: "col"), page.text("conventions.entry-into-force")),
                    .th(.attribute(named: "scope", value: "col"), page.text("conventions.secretariat"))
                )),
                .tbody(.forEach(conventions) { convention in
                    .tr(
                        .th(.attribute(named: "scope", value: "row"),
                            .a(.href(SiteURL.convention(convention.code).path), .strong(page.written(in: .english, convention.shortName))), .br(), page.name(convention.names)),
                        .td(page.name(convention.governingBody)),
                        .td(Known.value(page, convention.entryIntoForce.map(String.init))),
                        .td(Known.value(page, convention.secretariatHost))
                    )
                })
            ),
        ])
    }
}
