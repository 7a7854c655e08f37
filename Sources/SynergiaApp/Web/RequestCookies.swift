import Vapor

/// The cookies a request came with, by name: the `name=value` pairs of its `Cookie` headers
/// (RFC 6265 §4.2), parsed once per request. Vapor's `req.cookies` parses the header again at
/// each read through its general directive parser, which cost a signed-in request more than
/// the session check itself (BENCHMARKS.md). As Vapor does, pairs are split on `;` and `,` (no
/// cookie value may hold either), a pair without `=` is skipped, a value in double quotes is
/// taken without them, and a name sent twice keeps its last value. Values are as sent: whoever
/// reads a token checks its form (``RequestCookies/token(_:)``).
struct RequestCookies: Sendable {
    private let values: [Substring: Substring]

    init(_ headers: HTTPHeaders) {
        var values: [Substring: Substring] = [:]
        for line in headers[.cookie] {
            for pair in line.split(whereSeparator: { $0 == ";" || $0 == "," }) {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = Self.trimmed(pair[..<equals])
                var value = Self.trimmed(pair[pair.index(after: equals)...])
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
                if !name.isEmpty { values[name] = value }
            }
        }
        self.values = values
    }

    /// The value of the cookie `name`, if the request has one.
    subscript(name: String) -> String? {
        values[Substring(name)].map(String.init)
    }

    /// The value of the cookie `name` if it has the form of this site's tokens (session, form
    /// token): 43 characters of base64url, nothing else. A planted cookie of another form is
    /// taken as no cookie, so nothing but such a token reaches a page or a query.
    func token(_ name: String) -> String? {
        guard let value = values[Substring(name)], value.utf8.count == 43,
              value.utf8.allSatisfy({ byte in
                  (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
              }) else { return nil }
        return String(value)
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}

extension Request {
    private struct RequestCookiesKey: StorageKey { typealias Value = RequestCookies }

    /// The request's cookies, parsed once (the language, the session and the form token each read one).
    var parsedCookies: RequestCookies {
        if let parsed = storage[RequestCookiesKey.self] { return parsed }
        let parsed = RequestCookies(headers)
        storage[RequestCookiesKey.self] = parsed
        return parsed
    }
}
