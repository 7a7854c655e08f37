import Plot
import SynergiaCore
import Vapor

/// What every page needs from its request: the language and its catalog, the signed-in
/// account, the form token, where it is (for the navigation's current item) and whether the
/// server shows demo content.
public struct PageContext: Sendable {
    public var language: Language
    public var catalog: Catalog
    public var user: SignedInUser?
    public var csrfToken: String
    public var path: String
    public var query: [String: String]
    public var demo: Bool
    public var assetVersion: String

    /// The bits of an account a page shows.
    public struct SignedInUser: Sendable, Equatable {
        public var email: String
        public var displayName: String
        public var role: Role
        public var party: String?
        public var convention: String?
        public var isDemo: Bool
        public var actor: Actor { Actor(role: role, party: party, convention: convention) }
    }

    /// A context for rendering views without a request (view tests).
    public init(language: Language, catalog: Catalog, user: SignedInUser? = nil, csrfToken: String = "token",
                path: String = "/", query: [String: String] = [:], demo: Bool = false, assetVersion: String = "0") {
        self.language = language
        self.catalog = catalog
        self.user = user
        self.csrfToken = csrfToken
        self.path = path
        self.query = query
        self.demo = demo
        self.assetVersion = assetVersion
    }

    /// The text of a catalog key in this page's language.
    public func t(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog[key, arguments] }

    /// The text of a catalog key as a node, marked with `lang` when it fell back to English; each
    /// argument of the other direction than the message (an address in Arabic, an Arabic name in
    /// English) isolated in a `<bdi>` (``Bidi``).
    public func text<C>(_ key: String, _ arguments: [String: String] = [:]) -> Node<C> {
        let (pieces, language) = catalog.pieces(key, arguments)
        if case .words(let text) = pieces.first, pieces.count == 1 { return marked(LocalizedString(text: text, language: language)) }
        let nodes: [Node<C>] = pieces.map { piece in
            switch piece {
            case .words(let text): .escapedText(text)
            case .argument(let value):
                Bidi.needsIsolation(value, in: language) ? .element(named: "bdi", nodes: [.escapedText(value)]) : .escapedText(value)
            }
        }
        return language == self.language ? .group(nodes) : fallback(language, nodes)
    }

    /// How the page's language writes numbers and counts (ICU's rules, through Foundation).
    public var formats: LanguageFormats { LanguageFormats[language] }

    /// A count as the page's language writes it: `1,234`, `1 234`, `1.234`.
    public func number<C>(_ value: Int) -> Node<C> { .escapedText(formats.number(value)) }

    /// A number with a fraction as the page's language writes it (`12,5`).
    public func number<C>(_ value: Double) -> Node<C> { .escapedText(formats.number(value)) }

    /// A measured value as the page's language writes it (`17,5`), with its unit; isolated when
    /// it reads the other way than the page (a value in `percent` on an Arabic page).
    public func quantity<C>(_ value: Double, unit: String = "") -> Node<C> {
        code(unit.isEmpty ? formats.number(value) : formats.number(value) + " " + unit)
    }

    /// Text known to be in `language` (a convention's English short name, a Chinese decision's
    /// meeting), marked with its `lang` (and `dir`) when that is not the page's.
    public func written<C>(in language: Language, _ text: String) -> Node<C> { marked(LocalizedString(text: text, language: language)) }

    /// A code, symbol or address (`XII/6`, `CBD/COP/DEC/XII/6`, `A/RES/66/288`), isolated when it
    /// reads the other way than the page, so that an Arabic sentence keeps its order around it.
    public func code<C>(_ text: String) -> Node<C> {
        Bidi.needsIsolation(text, in: language) ? .element(named: "bdi", nodes: [.escapedText(text)]) : .escapedText(text)
    }

    /// The attributes that give an element the page's own language inside text of another
    /// (a link in the reader's language under a paragraph of a Chinese decision).
    public var ownLanguage: Node<HTML.BodyContext> {
        .group(.attribute(named: "lang", value: language.code), .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"))
    }

    /// The attributes of what a person wrote, in a language Synergia does not record yet: unknown
    /// (`lang=""`, as HTML says) and laid out by its own first letters (`dir="auto"`).
    public static func userWritten<C>() -> Node<C> { .group(.attribute(named: "lang", value: "", ignoreIfValueIsEmpty: false), .attribute(named: "dir", value: "auto")) }

    /// The `lang` and `dir` of what a person wrote in `language`; ``userWritten()`` when it is not recorded.
    public static func written<C>(in language: Language?) -> Node<C> {
        guard let language else { return userWritten() }
        return .group(.attribute(named: "lang", value: language.code), .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"))
    }

    /// A name or title from reference data in this page's language, else English marked with `lang`.
    public func name<C>(_ text: LocalizedText) -> Node<C> { marked(text.resolved(in: language)) }
    public func name<C>(_ values: [String: String]) -> Node<C> { name(LocalizedText(values)) }

    func marked<C>(_ string: LocalizedString) -> Node<C> {
        if string.language == language { return .escapedText(string.text) }
        return fallback(string.language, [.escapedText(string.text)])
    }

    /// Text in another language than the page's, marked with its `lang`; with its `dir` too (which
    /// isolates it) when it is written the other way, as English in an Arabic page.
    func fallback<C>(_ other: Language, _ nodes: [Node<C>]) -> Node<C> {
        .element(named: "span", nodes: [.attribute(named: "lang", value: other.code),
                                        .attribute(named: "dir", value: other.isRightToLeft == language.isRightToLeft ? "" : (other.isRightToLeft ? "rtl" : "ltr"))]
                                        + nodes)
    }

    /// This page in `language`: its query alone, with `lang` (a link relative to the page keeps its path).
    public func url(withLanguage language: Language) -> String {
        var query = self.query
        query["lang"] = language.code
        return "?" + query.sorted(by: { $0.key < $1.key })
            .map { "\($0.key.urlQueryEscaped)=\($0.value.urlQueryEscaped)" }.joined(separator: "&")
    }
}

extension String {
    /// Escaped for a URL query component.
    var urlQueryEscaped: String {
        // Foundation's `urlQueryAllowed` without `&=+?#`.
        SiteURL.percentEncoded(self, keeping: "!$'()*,;:@/")
    }
}

extension Request {
    /// The page context of this request.
    public var page: PageContext {
        var query = queryValues.dictionary
        query["lang"] = nil
        let user = auth.get(UserModel.self).map {
            PageContext.SignedInUser(email: $0.email, displayName: $0.displayName, role: $0.role,
                                     party: $0.partyCode, convention: $0.conventionCode, isDemo: $0.isDemo)
        }
        return PageContext(language: language, catalog: catalog, user: user, csrfToken: CSRFMiddleware.masked(csrfToken), path: url.path,
                           query: query, demo: application.synergia.settings.demo,
                           assetVersion: application.synergia.assets.version)
    }
}

extension String {
    /// Escaped for an HTML attribute value. Plot escapes text nodes but not attribute
    /// values, so every dynamic attribute value goes through this.
    public var attributeEscaped: String {
        // Byte-wise, with a fast path: most text has nothing to escape.
        let bytes = utf8
        guard bytes.contains(where: { $0 == 0x26 || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E || $0 == 0x27 }) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        for byte in bytes {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Node {
    /// Text, escaped for HTML: every `&`, `<` and `>` (Plot's `.text` leaves what looks like an
    /// entity as it is, so `&amp;` written by a person showed as `&`, and a textarea sent it back
    /// changed). Quotes need no escaping in text, only in attribute values (``String/attributeEscaped``).
    /// Byte by byte: Plot's escaping works per character and dominated long pages.
    public static func escapedText(_ text: String) -> Node { .raw(text.textEscaped) }
}

extension String {
    /// Escaped for an HTML text node (`&`, `<`, `>`); see ``Node/escapedText(_:)``.
    public var textEscaped: String {
        let bytes = utf8
        guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        for byte in bytes {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
