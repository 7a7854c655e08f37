import Plot
import SynergiaCore

/// The imported decisions, a page at a time: each with its title in the reader's language where that
/// version exists, and links to every language version.
enum DecisionListView {
    static func render(_ page: PageContext, _ list: DecisionList) -> String {
        Layout.render(page, title: page.t("decisions.title"), json: .api(.decisions), main: [
            .h1(page.text("decisions.title")),
            .p(.a(.href(SiteURL.actionItems.path), page.text("actions.title"))),
            .if(list.decisions.isEmpty, .p(page.text("decisions.none")), else: .group(
                .p(.id("decision-count"), page.text("decisions.count", ["count": String(list.total)])),
                .table(
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), page.text("decisions.symbol")),
                        .th(.attribute(named: "scope", value: "col"), page.text("decisions.decision-title")),
                        .th(.attribute(named: "scope", value: "col"), page.text("decisions.meeting")),
                        .th(.attribute(named: "scope", value: "col"), page.text("decisions.versions")),
                        .th(.attribute(named: "scope", value: "col"), page.text("actions.title"))
                    )),
                    .tbody(.forEach(list.decisions) { row(page, $0) })),
                pager(page, list))),
        ])
    }

    static func row(_ page: PageContext, _ decision: DecisionList.Entry) -> Node<HTML.TableContext> {
        .tr(
            .th(.attribute(named: "scope", value: "row"),
                .a(.href(SiteURL.decisionVersion(decision.slug, language: decision.titleLanguage).path),
                   .escapedText("\(decision.convention) \(decision.symbol)"))),
            .td(.attribute(named: "lang", value: decision.titleLanguage.attributeEscaped), .escapedText(decision.title ?? "")),
            .td(.escapedText(decision.meeting ?? "")),
            .td(.group(decision.languages.enumerated().map { index, language in
                .group(.if(index > 0, .escapedText(" · ")),
                       .a(.href(SiteURL.decisionVersion(decision.slug, language: language).path),
                          .attribute(named: "lang", value: language.attributeEscaped),
                          .escapedText(Language(rawValue: language)?.nativeName ?? language)))
            })),
            .td(page.number(decision.actionItemCount))
        )
    }

    static func pager(_ page: PageContext, _ list: DecisionList) -> Node<HTML.BodyContext> {
        .if(list.pages > 1, .nav(.class("pager"), .attribute(named: "aria-label", value: page.t("decisions.pages").attributeEscaped),
            .if(list.page > 1, .a(.rel(.prev), .href(SiteURL.decisionsPage(list.page - 1).path), page.text("search.previous"))),
            .escapedText(" \(page.t("search.page", ["page": String(list.page), "pages": String(list.pages)])) "),
            .if(list.page < list.pages, .a(.rel(.next), .href(SiteURL.decisionsPage(list.page + 1).path), page.text("search.next")))))
    }
}
