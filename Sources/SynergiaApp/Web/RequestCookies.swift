import Vapor

/// The cookies a request came with, by name: the `name=value` pairs of its `Cookie` headers
/// (RFC 6265 §4.2), parsed once per request. Vapor's `req.cookies` parses the header again at
/// each read through its general directive parser, which cost a signed-in request more than
/// the session check itself (BENCHMARKS.md). As Vapor does, a pair without `=` is skipped, a
/// value in double quotes is taken without them, and a name sent twice keeps its last value.
struct RequestCookies: Sendable {
    private let values: [Substring: Substring]

    init(_ headers: HTTPHeaders) {
        var values: [Substring: Substring] = [:]
        for line in headers[.cookie] {
            for pair in line.split(separator: ";") {
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
