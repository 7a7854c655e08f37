import Plot
import SynergiaCore

extension SavedSearches {
    enum View {
        static func render(_ page: PageContext, _ model: Model, saved: Bool) -> String {
            Layout.render(page, title: page.t("saved-search.title"), json: .apiSavedSearches, main: [
                .h1(page.text("saved-search.title")),
                .if(saved, .p(.class("notice"), .attribute(named: "role", value: "status"), page.text("saved-search.saved"))),
                .p(page.text("saved-search.about", ["limit": String(model.limit)])),
                .if(model.items.isEmpty, .p(page.text("saved-search.none")), else: .table(
                    .thead(.tr(.th(page.text("saved-search.search")), .th(page.text("saved-search.frequency")), .th(page.text("saved-search.feed")),
                               .th(.span(.class("visually-hidden"), page.text("saved-search.delete"))))),
                    .tbody(.forEach(model.items) { item in row(page, item) }))),
                .p(.a(.href(SiteURL.account.path), page.text("nav.account"))),
            ])
        }

        static func row(_ page: PageContext, _ item: Item) -> Node<HTML.TableContext> {
            let filters = [item.kind.map { page.t($0.catalogKey) }, item.convention, item.language.flatMap { Language(rawValue: $0)?.nativeName },
                           item.year.map(String.init)].compactMap { $0 }
            return .tr(
                .td(.a(.href(item.search.attributeEscaped), .escapedText("“\(item.query)”")), .if(!filters.isEmpty, .escapedText(" · " + filters.joined(separator: " · ")))),
                .td(page.text("saved-search.\(item.frequency)")),
                .td(.a(.href(item.feed.attributeEscaped), .attribute(named: "type", value: "application/atom+xml"), .escapedText("Atom"))),
                .td(.form(.class("inline"), .method(.post), .action(SiteURL.savedSearchDelete(item.id).path), Layout.csrfField(page),
                          .button(.type(.submit), .attribute(named: "aria-label", value: page.t("saved-search.delete-one", ["query": item.query]).attributeEscaped),
                                  page.text("saved-search.delete")))))
        }
    }
}
