import SynergiaCore
import Vapor

/// Chooses each request's language (the `lang` query of the switcher, then the cookie,
/// then `Accept-Language`) and remembers an explicit choice in a cookie.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookieName = "synergia-lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Read once for the whole request (``QueryValues``).
        let explicit = request.queryValues["lang"]
        let language = LanguageNegotiation.choose(
            explicit: explicit,
            cookie: request.parsedCookies[Self.cookieName],
            acceptLanguage: request.headers.first(name: .acceptLanguage))
        request.language = language
        let response = try await next.respond(to: request)
        if let explicit, Language(code: explicit) != nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: language.code, maxAge: 365 * 24 * 3600, path: "/",
                isSecure: request.application.synergia.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        response.headers.replaceOrAdd(name: .contentLanguage, value: language.code)
        // Added to what the response varies on already (a kept page also varies on Accept-Encoding).
        response.headers.add(name: .vary, value: "Accept-Language, Cookie")
        return response
    }
}

extension Request {
    private struct LanguageKey: StorageKey { typealias Value = Language }

    /// The language of this request's pages and messages.
    public var language: Language {
        get { storage[LanguageKey.self] ?? .english }
        set { storage[LanguageKey.self] = newValue }
    }

    /// The catalog of this request's language.
    public var catalog: Catalog { application.synergia.catalogs[language] }
}
