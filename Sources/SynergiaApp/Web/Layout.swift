import Plot
import SynergiaCore
import Vapor

/// The frame of every page: language and direction, skip link, header with navigation and
/// the language switcher, the demo banner, the page's main content and the footer.
public enum Layout {
    /// `json`: the page's JSON twin, announced as an alternate representation; `feed`: an Atom feed of
    /// this page's own (a search's), announced with the site's feeds, with its title.
    /// `scripts`: the site's own scripts the page enhances itself with (by asset name; the page works without them).
    static func render(_ page: PageContext, title: String, json: SiteURL? = nil, feed: (url: SiteURL, title: String)? = nil,
                       scripts: [String] = [], main: [Node<HTML.BodyContext>]) -> String {
        let html = HTML(
            .attribute(named: "lang", value: page.language.code),
            .attribute(named: "dir", value: page.language.isRightToLeft ? "rtl" : "ltr"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) · Synergia"),
                .link(.rel(.stylesheet), .href(SiteURL.asset("synergia.css", version: page.assetVersion).path)),
                .link(.rel(.stylesheet), .href(SiteURL.asset("print.css", version: page.assetVersion).path), .attribute(named: "media", value: "print")),
                .unwrap(json) { .link(.rel(.alternate), .type("application/json"), .href($0.path)) },
                .forEach(Feed.Name.announced(on: page.path)) { feed in
                    .link(.rel(.alternate), .type("application/atom+xml"), .attribute(named: "title", value: page.t(feed.titleKey).attributeEscaped),
                          .href(SiteURL.feed(feed).path))
                },
                .unwrap(feed) {
                    .link(.rel(.alternate), .type("application/atom+xml"), .attribute(named: "title", value: $0.title.attributeEscaped),
                          .href($0.url.path.attributeEscaped))
                },
                .forEach(scripts) { .script(.src(SiteURL.asset($0, version: page.assetVersion).path), .attribute(named: "defer", value: "defer")) }
            ),
            .body(
                .a(.class("skip"), .href("#main"), page.text("nav.skip")),
                header(page),
                .if(page.demo || page.user?.isDemo == true,
                    .p(.class("demo-banner"), .attribute(named: "role", value: "note"), page.text("demo.banner"))),
                .main(.id("main"), .group(main)),
                .footer(
                    .p(page.text("footer.about")),
                    .p(.a(.href(SiteURL.openAPI.path), page.text("footer.api")))
                )
            )
        )
        return html.render()
    }

    static func header(_ page: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("site"),
            .a(.class("brand"), .href(SiteURL.home.path), .escapedText("Synergia")),
            .nav(
                .attribute(named: "aria-label", value: page.t("nav.main")),
                .ul(
                    navItem(page, "/conventions", "nav.conventions"),
                    navItem(page, "/frameworks", "nav.frameworks"),
                    navItem(page, "/crosswalks", "nav.crosswalks"),
                    navItem(page, "/parties", "nav.parties"),
                    navItem(page, "/reporting", "nav.reporting"),
                    navItem(page, "/indicators", "nav.indicators"),
                    navItem(page, "/progress", "nav.progress"),
                    navItem(page, "/decisions", "nav.decisions"),
                    navItem(page, "/meetings", "nav.meetings"),
                    navItem(page, "/advisory-group", "nav.advisory-group"),
                    navItem(page, "/news", "nav.news"),
                    navItem(page, "/cooperation", "nav.cooperation"),
                    .if(page.user != nil, navItem(page, "/account", "nav.account"),
                        else: navItem(page, "/sign-in", "nav.sign-in"))
                )
            ),
            .if(page.path != SiteURL.search(.init()).path, SearchPage.View.form(page, query: "", id: "site-search")),
            .nav(
                .class("languages"),
                .attribute(named: "aria-label", value: page.t("nav.languages")),
                .ul(.forEach(Language.unOrder) { language in
                    .li(.a(
                        .href(page.url(withLanguage: language).attributeEscaped),
                        .attribute(named: "lang", value: language.code),
                        .attribute(named: "hreflang", value: language.code),
                        .if(language == page.language, .attribute(named: "aria-current", value: "true")),
                        .escapedText(language.nativeName)))
                })
            )
        )
    }

    static func navItem(_ page: PageContext, _ href: String, _ key: String) -> Node<HTML.ListContext> {
        let current = page.path == href || page.path.hasPrefix(href + "/")
        return .li(.a(.href(href), .if(current, .attribute(named: "aria-current", value: "page")), page.text(key)))
    }

    /// An `<input>` with only the attributes that apply (Plot has no conditional attributes).
    /// `describedBy`: the field's error (it is then invalid); `hint`: its format hint.
    static func input(type: HTMLInputType, name: String, value: String, required: Bool, autocomplete: String?,
                      describedBy: String?, hint: String? = nil) -> Node<HTML.FormContext> {
        var attributes: [Attribute<HTML.InputContext>] = [.type(type), .id(name), .name(name)]
        if type != .password { attributes.append(.value(value.attributeEscaped)) }
        if required { attributes.append(.required(true)) }
        if let autocomplete { attributes.append(.attribute(named: "autocomplete", value: autocomplete)) }
        if describedBy != nil { attributes.append(.attribute(named: "aria-invalid", value: "true")) }
        let described = [hint, describedBy].compactMap { $0 }
        if !described.isEmpty { attributes.append(.attribute(named: "aria-describedby", value: described.joined(separator: " "))) }
        return .selfClosedElement(named: "input", attributes: attributes)
    }

    /// The `<option>`s of a select, one selected. Without their end tags, which HTML lets an
    /// option leave out before the next option or the select's end: a report's section has 24
    /// selects of six options, and the tags were a twentieth of its page.
    public static func options(_ items: [(value: String, label: String)], selected: String?) -> Node<HTML.SelectContext> {
        var html = ""
        for item in items {
            html += "<option value=\"" + item.value.attributeEscaped + (item.value == selected ? "\" selected>" : "\">")
            html += item.label.attributeEscaped
        }
        return .raw(html)
    }

    /// A hidden field carrying the form token; every form includes it.
    public static func csrfField(_ page: PageContext) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(page.csrfToken))
    }

    /// A labelled form field with its error shown next to it (and tied to it for screen readers).
    public static func field(_ page: PageContext, name: String, labelKey: String, type: HTMLInputType = .text,
                             value: String = "", error: String? = nil, autocomplete: String? = nil,
                             required: Bool = true) -> Node<HTML.FormContext> {
        let errorID = "\(name)-error"
        // A date is entered as an ISO date, whatever the browser's picker shows: the field says so.
        let hintID = type == .date ? "\(name)-format" : nil
        return .div(
            .class(error == nil ? "field" : "field invalid"),
            .label(.for(name), page.text(labelKey)),
            input(type: type, name: name, value: value, required: required, autocomplete: autocomplete,
                  describedBy: error == nil ? nil : errorID, hint: hintID),
            .unwrap(hintID) { .p(.id($0), .class("note"), page.text("form.date-format")) },
            .unwrap(error) { .p(.id(errorID), .class("error"), page.text($0)) }
        )
    }
}

extension Response {
    /// An HTML page response.
    public static func html(_ body: String, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: body))
    }

    /// A CSV download of `body` (written with ``SpreadsheetCSV``, so no cell runs as a formula).
    public static func csv(_ body: String, filename: String? = nil) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        if let filename { headers.contentDisposition = .init(.attachment, filename: filename) }
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
