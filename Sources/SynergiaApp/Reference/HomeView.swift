import Plot

/// The home page: what Synergia is, and the ways into the data.
enum HomeView {
    static func render(_ page: PageContext, conventions: [ConventionDTO], frameworks: [FrameworkSummaryDTO], partyCount: Int) -> String {
        Layout.render(page, title: page.t("home.title"), main: [
            .h1(page.text("home.title")),
            .p(.class("lead"), page.text("home.lead")),
            .section(
                .attribute(named: "aria-labelledby", value: "home-conventions"),
                .h2(.id("home-conventions"), page.text("home.conventions", ["count": "\(conventions.count)"])),
                .ul(.class("cards"), .forEach(conventions) { convention in
                    .li(.a(.href(SiteURL.convention(convention.code).path), .strong(page.written(in: .english, convention.shortName)), .escapedText(" — "), page.name(convention.names)))
                })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "home-frameworks"),
                .h2(.id("home-frameworks"), page.text("nav.frameworks")),
                .ul(.forEach(frameworks) { framework in
                    .li(.a(.href(SiteURL.framework(framework.code).path), page.name(framework.names)))
                })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "home-parties"),
                .h2(.id("home-parties"), page.text("nav.parties")),
                .p(.a(.href(SiteURL.parties().path), page.text("home.parties", ["count": "\(partyCount)"])))
            ),
        ])
    }
}
