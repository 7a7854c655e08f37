import Foundation

/// One fixed JSON form for hashing: keys sorted, no insignificant whitespace, slashes not
/// escaped, dates as ISO 8601 with milliseconds in UTC. The same value always gives the
/// same bytes, whatever the order its dictionaries were built in.
public enum CanonicalJSON {
    /// `value` in canonical form.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(timestamp(date))
        }
        return try encoder.encode(value)
    }

    /// Any JSON document rewritten in canonical form (keys sorted, whitespace removed), so
    /// that equal content received from outside hashes equally.
    public static func canonicalize(_ json: Data) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    }

    /// Whole milliseconds since 1970, truncated towards the past (after rounding to the
    /// microsecond, so a time stored as milliseconds comes back to the same value).
    public static func milliseconds(_ date: Date) -> Int64 {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        return Int64((micros / 1000).rounded(.down))
    }

    /// `date` as `2026-11-25T13:40:00.000Z` (UTC, milliseconds, truncated towards the past).
    public static func timestamp(_ date: Date) -> String {
        let millis = milliseconds(date)
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = millis - seconds * 1000
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        func pad(_ n: Int?, _ width: Int) -> String {
            let text = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T\(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(Int(fraction), 3))Z"
    }
}
