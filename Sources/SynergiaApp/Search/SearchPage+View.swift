import Plot
import SynergiaCore

extension SearchPage {
    enum View {
        static func render(_ page: PageContext, _ parameters: Parameters, _ model: Model) -> String {
            let title = model.query.isEmpty ? page.t("search.title") : page.t("search.title-for", ["query": model.query])
            let feed = model.query.isEmpty ? nil : (url: SiteURL.searchFeed(parameters), title: page.t("saved-search.feed-title", ["query": model.query]))
            return Layout.render(page, title: title, json: .apiSearch(parameters), feed: feed, main: [
                .h1(page.text("search.title")),
                form(page, query: model.query),
                // Not Plot's `.if`: it would build both branches.
                model.query.isEmpty ? .group(.p(page.text("search.hint")), examples(page)) : .group(results(page, parameters, model), follow(page, parameters)),
            ])
        }

        /// A search that could not be read (too long, too many words, a bad filter): the message and the box again.
        static func refused(_ page: PageContext, query: String, reason: String) -> String {
            Layout.render(page, title: page.t("search.title"), main: [
                .h1(page.text("search.title")),
                .div(.class("alert"), .attribute(named: "role", value: "alert"), .p(page.text(reason))),
                form(page, query: query),
            ])
        }

        /// The search box: on this page, and (smaller) in every page's header.
        static func form(_ page: PageContext, query: String, id: String = "q") -> Node<HTML.BodyContext> {
            .form(.class("search"), .method(.get), .action(SiteURL.search(.init()).path),
                  .attribute(named: "role", value: "search"),
                  .label(.for(id), .if(id != "q", .class("visually-hidden")), page.text("search.label")),
                  .input(.type(.search), .id(id), .name("q"), .value(query.attributeEscaped),
                         .attribute(named: "maxlength", value: String(SearchQuery.maxLength))),
                  .button(.type(.submit), page.text("search.submit")))
        }

        /// Searches to try, one in each language, each its own language's word for wetlands.
        static let exampleQueries: [(Language, String)] = [(.english, "wetlands"), (.french, "zones humides"), (.spanish, "humedales"),
                                                           (.russian, "водно-болотные"), (.arabic, "الأراضي الرطبة"), (.chinese, "湿地")]

        static func examples(_ page: PageContext) -> Node<HTML.BodyContext> {
            .p(.class("examples"), .escapedText(page.t("search.examples") + " "),
               .group(exampleQueries.enumerated().map { index, example in
                   .group(.if(index > 0, .escapedText(" · ")),
                          .a(.href(SiteURL.search(.init(q: example.1)).path.attributeEscaped), .attribute(named: "lang", value: example.0.code),
                             .attribute(named: "dir", value: example.0.isRightToLeft ? "rtl" : "ltr"), .escapedText(example.1)))
               }))
        }

        /// How to follow a search: its Atom feed, and for a signed-in reader, saving it for e-mails of new results.
        static func follow(_ page: PageContext, _ p: Parameters) -> Node<HTML.BodyContext> {
            let search = p.with()
            let hidden: [(String, String?)] = [("q", search.q), ("kind", search.kind?.rawValue), ("convention", search.convention),
                                               ("language", search.language), ("year", search.year.map(String.init))]
            return .section(.class("follow"), .attribute(named: "aria-labelledby", value: "follow-title"),
                .h2(.id("follow-title"), page.text("saved-search.follow")),
                .p(.a(.href(SiteURL.searchFeed(search).path.attributeEscaped), .attribute(named: "type", value: "application/atom+xml"), page.text("saved-search.feed"))),
                .if(page.user == nil,
                    .p(.a(.href(SiteURL.signIn(next: SiteURL.search(search).path).path.attributeEscaped), page.text("saved-search.sign-in"))),
                    else: .form(.id("save-search"), .method(.post), .action(SiteURL.saveSearch.path), Layout.csrfField(page),
                        .forEach(hidden) { name, value in .unwrap(value) { .input(.type(.hidden), .name(name), .value($0.attributeEscaped)) } },
                        .label(.for("frequency"), page.text("saved-search.frequency")),
                        .select(.id("frequency"), .attribute(named: "name", value: "frequency"),
                                Layout.options(SavedSearchFrequency.allCases.map { ($0.rawValue, page.t($0.catalogKey)) }, selected: nil)),
                        .button(.type(.submit), page.text("saved-search.save")))))
        }

        static func results(_ page: PageContext, _ parameters: Parameters, _ model: Model) -> Node<HTML.BodyContext> {
            .group(
                .p(.id("search-count"), page.text("search.count", ["count": String(model.total), "query": model.query])),
                facets(page, parameters, model),
                .if(model.results.isEmpty, .p(page.text("search.none")), else: .ol(.class("search-results"), .forEach(model.results) { result(page, $0) })),
                pager(page, parameters, model)
            )
        }

        static func result(_ page: PageContext, _ result: Model.Result) -> Node<HTML.ListContext> {
            .li(.attribute(named: "lang", value: result.language.attributeEscaped),
                .attribute(named: "dir", value: Language(rawValue: result.language)?.isRightToLeft == true ? "rtl" : "ltr"),
                .p(.class("meta"), .span(.attribute(named: "lang", value: page.language.code), page.text(result.kind.catalogKey)),
                   .unwrap(result.convention) { .escapedText(" · \($0)") }, .unwrap(result.year) { .escapedText(" · \($0)") },
                   .escapedText(" · \(Language(rawValue: result.language)?.nativeName ?? result.language)")),
                .h2(.a(.href(result.path.attributeEscaped), marked(result.title))),
                .if(!result.excerpt.parts.isEmpty, .p(marked(result.excerpt))),
                .unwrap(result.inReaderLanguage) { counterpart in
                    .div(.class("counterpart"), .attribute(named: "lang", value: counterpart.language.attributeEscaped),
                         .attribute(named: "dir", value: page.language.isRightToLeft ? "rtl" : "ltr"),
                         .p(.class("meta"), page.text("search.in-your-language")),
                         .p(.a(.href(counterpart.path.attributeEscaped), .escapedText(counterpart.title))),
                         .p(marked(counterpart.excerpt)))
                })
        }

        /// An excerpt with the words of the query in `<mark>`.
        static func marked<C>(_ excerpt: SearchExcerpt) -> Node<C> {
            .group(excerpt.parts.map { part in part.match ? .element(named: "mark", nodes: [.escapedText(part.text)]) : .escapedText(part.text) })
        }

        static func facets(_ page: PageContext, _ p: Parameters, _ model: Model) -> Node<HTML.BodyContext> {
            .nav(.class("facets"), .attribute(named: "aria-label", value: page.t("search.filters").attributeEscaped),
                 facet(page, "search.filter-kind", model.facets.kinds, current: p.kind?.rawValue, all: p.with(kind: .some(nil)),
                       label: { page.t("search.kind-\($0)") }, link: { p.with(kind: .some(SearchKind(rawValue: $0))) }),
                 facet(page, "search.filter-convention", model.facets.conventions, current: p.convention, all: p.with(convention: .some(nil)),
                       label: { $0 }, link: { p.with(convention: .some($0)) }),
                 facet(page, "search.filter-language", model.facets.languages, current: p.language, all: p.with(language: .some(nil)),
                       label: { Language(rawValue: $0)?.nativeName ?? $0 }, link: { p.with(language: .some($0)) }),
                 facet(page, "search.filter-year", model.facets.years, current: p.year.map(String.init), all: p.with(year: .some(nil)),
                       label: { $0 }, link: { p.with(year: .some(Int($0))) }))
        }

        static func facet(_ page: PageContext, _ key: String, _ values: [Model.Facet], current: String?, all: Parameters,
                          label: (String) -> String, link: (String) -> Parameters) -> Node<HTML.BodyContext> {
            .if(!values.isEmpty, .div(
                .h2(page.text(key)),
                .ul(
                    .li(.a(.href(SiteURL.search(all).path.attributeEscaped), .if(current == nil, .attribute(named: "aria-current", value: "true")),
                           page.text("search.all"))),
                    .forEach(values) { facet in
                        .li(.a(.href(SiteURL.search(link(facet.value)).path.attributeEscaped),
                               .if(current == facet.value, .attribute(named: "aria-current", value: "true")),
                               .escapedText(label(facet.value)), .escapedText(" (\(facet.count))")))
                    })))
        }

        static func pager(_ page: PageContext, _ p: Parameters, _ model: Model) -> Node<HTML.BodyContext> {
            let pages = min(model.pages, Parameters.maxPage)
            var p = p
            p.page = model.page
            var previous = p, next = p
            previous.page -= 1
            next.page += 1
            return .if(pages > 1, .nav(.class("pager"), .attribute(named: "aria-label", value: page.t("search.pages").attributeEscaped),
                .if(p.page > 1, .a(.rel(.prev), .href(SiteURL.search(previous).path.attributeEscaped), page.text("search.previous"))),
                .escapedText(" \(page.t("search.page", ["page": String(p.page), "pages": String(pages)])) "),
                .if(p.page < pages, .a(.rel(.next), .href(SiteURL.search(next).path.attributeEscaped), page.text("search.next")))))
        }
    }
}
