import Vapor

/// Headers that make every response safer to show: no framing, no MIME sniffing, a strict
/// content security policy (no script at all, except on a page that enhances itself with the site's
/// own script file: ``policy(scripts:)``), no referrer leaks.
/// In production the site is HTTPS only: browsers are told so for a year (HSTS).
struct SecurityHeaders: AsyncMiddleware {
    var production: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        // What a signed-in person (or a token) is shown is theirs: no browser or proxy keeps it.
        if request.sessionToken != nil || request.apiTokenUser != nil || request.newSessionToken != nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        if production {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if !response.headers.contains(name: "Content-Security-Policy") {
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.policy(scripts: false))
        }
        return response
    }

    /// The content security policy: no script, or (`scripts`) only the site's own files (never
    /// inline, never another origin). A page that loads one of its scripts sets the second itself.
    static func policy(scripts: Bool) -> String {
        "default-src 'self'; script-src \(scripts ? "'self'" : "'none'"); object-src 'none'; frame-ancestors 'none'; form-action 'self'"
    }
}
