import Foundation
import Vapor

/// Protects every form against cross-site request forgery with a double-submit token:
/// a random value in an HTTP-only, `SameSite=Strict` cookie that each form repeats in its
/// hidden `_csrf` field. A state-changing request to a page route without a matching
/// token is refused with 403 and changes nothing. The JSON API takes no cookies'
/// authority for writes, so it is not covered here.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "synergia-csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cookie: String? = request.cookies[Self.cookieName]?.string
        let existing = cookie.flatMap { $0.count == 43 ? $0 : nil }
        let token = existing ?? Self.newToken()
        request.csrfToken = token

        if Self.isStateChanging(request.method), !request.url.path.hasPrefix("/api/") {
            // The body is collected here, before the route, so the token can be read; upload
            // routes say how large a body they take.
            let limit = request.route?.largeBodyLimit ?? request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
            let submitted = try? request.content.get(String.self, at: Self.fieldName)
            guard let existing, let submitted, Self.constantTimeEqual(existing, submitted) else {
                throw Abort(.forbidden, reason: "error.csrf")
            }
        }
        let response = try await next.respond(to: request)
        if existing == nil {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: request.application.synergia.settings.secureCookies,
                isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    static func isStateChanging(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }

    static func newToken() -> String {
        let bytes = [UInt8].random(count: 32)
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token every form on this request's page must carry.
    public var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }
}
