import Crypto
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
        let existing = request.parsedCookies.token(Self.cookieName)
        let token = existing ?? Self.newToken()
        request.csrfToken = token

        if Self.isStateChanging(request.method), !request.url.path.hasPrefix("/api/") {
            // The body is collected here, before the route, so the token can be read; upload
            // routes say how large a body they take.
            let limit = request.route?.largeBodyLimit ?? request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
            let submitted = (try? request.content.get(String.self, at: Self.fieldName)).map(Self.unmasked)
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
        base64URLEncoded(randomBytes(32))
    }

    /// `count` bytes from the system's secure generator, in one call (Vapor's `[UInt8].random(count:)`
    /// asks the kernel once per byte).
    static func randomBytes(_ count: Int) -> [UInt8] {
        count == 0 ? [] : SymmetricKey(size: .init(bitCount: count * 8)).withUnsafeBytes { Array($0) }
    }

    /// The token as a form carries it: a fresh random pad, then the token XOR the pad, so the
    /// bytes differ in every response and a compressed page's length tells nothing of the token
    /// (BREACH). The cookie holds the token itself.
    static func masked(_ token: String) -> String {
        guard let bytes = base64URLDecoded(token) else { return token }
        let pad = randomBytes(bytes.count)
        return base64URLEncoded(pad + zip(pad, bytes).map { $0 ^ $1 })
    }

    /// The token of a submitted form field: unmasked, or as it came when it was never masked.
    static func unmasked(_ field: String) -> String {
        guard field.count == 86, let bytes = base64URLDecoded(field), bytes.count == 64 else { return field }
        return base64URLEncoded(zip(bytes[..<32], bytes[32...]).map { $0 ^ $1 })
    }

    /// Base64url without padding. Byte by byte around Vapor's base64 (Foundation's string
    /// replacements cost more than the rest of the token's work).
    static func base64URLEncoded(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.base64Bytes().compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: byte
            }
        }, as: UTF8.self)
    }

    /// The bytes of base64url text (padded or not); nil when it is not base64url (a `+` or `/` of
    /// plain base64 included).
    static func base64URLDecoded(_ text: String) -> [UInt8]? {
        var base64: [UInt8] = []
        base64.reserveCapacity(text.utf8.count + 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): base64.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): base64.append(UInt8(ascii: "/"))
            case UInt8(ascii: "+"), UInt8(ascii: "/"): return nil
            default: base64.append(byte)
            }
        }
        base64.append(contentsOf: repeatElement(UInt8(ascii: "="), count: (4 - base64.count % 4) % 4))
        return [UInt8](decodingBase64: base64)
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
