import Plot

/// The list of frameworks of goals and targets.
enum FrameworksView {
    static func render(_ page: PageContext, _ frameworks: [FrameworkSummaryDTO]) -> String {
        Layout.render(page, title: page.t("frameworks.title"), json: .api(.frameworks), main: [
            .h1(page.text("frameworks.title")),
            .ul(.class("cards"), .forEach(frameworks) { framework in
                .li(
                    .h2(.a(.href(SiteURL.framework(framework.code).path), page.name(framework.names))),
                    .p(page.text("frameworks.counts", ["goals": "\(framework.goalCount)", "targets": "\(framework.targetCount)"]),
                       .escapedText(" · "), .a(.href(SiteURL.convention(framework.convention).path), .escapedText(framework.convention)),
                       .unwrap(framework.adoptedBy) { .group(.escapedText(" · "), .escapedText($0)) })
                )
            }),
        ])
    }
}
