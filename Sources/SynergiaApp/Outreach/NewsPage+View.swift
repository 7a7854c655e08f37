import Plot
import SynergiaCore

extension NewsPage {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            Layout.render(page, title: page.t("news.title"), json: .api(.news), main: [
                .h1(page.text("news.title")),
                .p(page.text("news.feeds"), .escapedText(" "),
                   .a(.href(SiteURL.feed(.news).path), page.text("news.feed-news")), .escapedText(" · "),
                   .a(.href(SiteURL.feed(.events).path), page.text("news.feed-events")), .escapedText(" · "),
                   .a(.href(SiteURL.feed(.decisions).path), page.text("news.feed-decisions")), .escapedText(" · "),
                   .a(.href(SiteURL.feed(.reports).path), page.text("news.feed-reports")), .escapedText(" · "),
                   .a(.href(SiteURL.calendar.path), page.text("meetings.calendar-feed"))),
                .if(model.items.isEmpty, .p(page.text("news.none")), else: .ul(.class("news"), .forEach(model.items) { item in
                    let (title, summary) = (shown(page, item, "title"), shown(page, item, "summary"))
                    return .li(.id("news-\(item.id)"),
                        .h2(TranslationsPage.View.marked(title.language), .a(.href(SiteURL.newsItem(item.id).path), .escapedText(title.text))),
                        meta(page, item),
                        .p(TranslationsPage.View.marked(summary.language), .escapedText(summary.text)),
                        .unwrap(item.link.flatMap(SafeLink.href)) { .p(.a(.href($0), page.text("news.read-more"))) })
                })),
                .if(!model.postable.isEmpty, form(page, model.postable)),
            ])
        }

        /// Convention, kind, date of publication and, for an event, its date.
        static func meta(_ page: PageContext, _ item: NewsItemDTO) -> Node<HTML.BodyContext> {
            .p(.small(.escapedText("\(item.convention) · "), page.text("news.kind-\(item.kind.rawValue)"),
                      .escapedText(" · "), .time(.datetime(ISODate.string(item.publishedAt)), .escapedText(ISODate.string(item.publishedAt))),
                      .unwrap(item.eventDate) { .group(.escapedText(" · "), page.text("news.event-on", ["date": $0])) }))
        }

        /// The item's `field` in the reader's language when it was translated into it, else as written.
        static func shown(_ page: PageContext, _ item: NewsItemDTO, _ field: String) -> WrittenText.Shown {
            TranslatedField.shown(field == "title" ? item.title : item.summary, language: item.language, field: field, item.translations,
                                  to: page.language)
        }

        /// One item on its own page: what a search result, a feed entry and an e-mail link to; in the
        /// reader's language when translated into it (said under it), with the link to its translations
        /// for a secretariat that may post for its convention (`canTranslate`) or when it has some.
        static func item(_ page: PageContext, _ item: NewsItemDTO, canTranslate: Bool = false) -> String {
            let (title, summary) = (shown(page, item, "title"), shown(page, item, "summary"))
            return Layout.render(page, title: title.text, json: .apiNewsItem(item.id), main: [
                // The item in the language shown (the summary marked apart when it is in another).
                .article(TranslationsPage.View.marked(title.language),
                         .h1(.escapedText(title.text)),
                         meta(page, item),
                         .p(summary.language == title.language ? .empty : TranslationsPage.View.attributes(summary.language), .escapedText(summary.text)),
                         .unwrap(item.link.flatMap(SafeLink.href)) { .p(.a(.href($0), page.text("news.read-more"))) }),
                ReportPage.QuestionView.languageNote(page, summary),
                .if(canTranslate || !item.translations.isEmpty,
                    .p(.a(.id("translations-link"), .href(SiteURL.translations(.news, item.id.uuidString).path), page.text("translations.title")))),
                .p(.a(.href(SiteURL.news.path), page.text("news.title"))),
            ])
        }

        static func form(_ page: PageContext, _ postable: [Model.Convention]) -> Node<HTML.BodyContext> {
            .group(
                .h2(page.text("news.post")),
                .form(.method(.post), .action(SiteURL.news.path), Layout.csrfField(page),
                      .div(.class("field"), .label(.for("convention"), page.text("parties.convention")),
                           .select(.id("convention"), .attribute(named: "name", value: "convention"),
                                   Layout.options(postable.map { ($0.code, $0.shortName) }, selected: nil))),
                      .div(.class("field"), .label(.for("kind"), page.text("news.kind")),
                           .select(.id("kind"), .attribute(named: "name", value: "kind"),
                                   Layout.options(NewsKind.allCases.map { ($0.rawValue, page.t("news.kind-\($0.rawValue)")) }, selected: NewsKind.news.rawValue))),
                      Layout.field(page, name: "title", labelKey: "meetings.meeting-title"),
                      .div(.class("field"), .label(.for("summary"), page.text("news.summary")), .textarea(.id("summary"), .name("summary"), .rows(4))),
                      Layout.field(page, name: "eventDate", labelKey: "news.event-date", type: .date, required: false),
                      Layout.field(page, name: "link", labelKey: "meetings.link", type: .url, required: false),
                      .input(.type(.hidden), .name("language"), .value(page.language.code)),
                      .button(.type(.submit), page.text("news.post"))))
        }
    }
}
