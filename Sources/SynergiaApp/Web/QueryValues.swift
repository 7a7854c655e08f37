import Vapor

/// A request's query string as names and values, read once per request as a browser's form writes
/// it (`application/x-www-form-urlencoded`: `+` is a space, `%E6%B9%BF` bytes of UTF-8). A name
/// given twice has its last value, as Vapor's own `req.query` reads it; a value that is not valid
/// percent-encoded UTF-8 is absent (never guessed at).
///
/// Vapor's `req.query["name"]` parses the whole query string again for every name it is asked
/// for, and Foundation's `URLComponents` again for the language switcher: on a search page that
/// was a twentieth of the request's work.
struct QueryValues: Sendable {
    /// In the order given.
    private(set) var pairs: [(name: String, value: String)] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for field in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(parts[0]), !name.isEmpty, let value = parts.count > 1 ? Self.decoded(parts[1]) : "" else { continue }
            pairs.append((name, value))
        }
    }

    /// The last value given for `name`.
    subscript(name: String) -> String? { pairs.last { $0.name == name }?.value }

    /// Every name with its last value.
    var dictionary: [String: String] { Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }) }

    /// Form decoding of one name or value; nil when a `%` is not followed by two hex digits or the
    /// bytes are not UTF-8.
    static func decoded(_ text: Substring) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Request {
    private struct QueryValuesKey: StorageKey { typealias Value = QueryValues }

    /// This request's query values, read once.
    var queryValues: QueryValues {
        if let values = storage[QueryValuesKey.self] { return values }
        let values = QueryValues(url.query)
        storage[QueryValuesKey.self] = values
        return values
    }
}
