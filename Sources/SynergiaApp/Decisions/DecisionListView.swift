import Plot

/// The imported decisions.
enum DecisionListView {
    static func render(_ page: PageContext, _ decisions: [DecisionSummaryDTO]) -> String {
        Layout.render(page, title: page.t("decisions.title"), json: .api(.decisions), main: [
            .h1(page.text("decisions.title")),
            .p(.a(.href(SiteURL.actionItems.path), page.text("actions.title"))),
            .if(decisions.isEmpty, .p(page.text("decisions.none")), else: .table(
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), page.text("decisions.symbol")),
                    .th(.attribute(named: "scope", value: "col"), page.text("decisions.decision-title")),
                    .th(.attribute(named: "scope", value: "col"), page.text("decisions.meeting")),
                    .th(.attribute(named: "scope", value: "col"), page.text("actions.title"))
                )),
                .tbody(.forEach(decisions) { decision in
                    .tr(
                        .th(.attribute(named: "scope", value: "row"),
                            .a(.href(SiteURL.decisionVersion(decision.slug, language: decision.language).path),
                               .text("\(decision.convention) \(decision.symbol)")), .text(" (\(decision.language))")),
                        .td(.attribute(named: "lang", value: decision.language.attributeEscaped), .text(decision.title ?? "")),
                        .td(.text(decision.meeting ?? "")),
                        .td(.text("\(decision.actionItemCount)"))
                    )
                })
            )),
        ])
    }
}
