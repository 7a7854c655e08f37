import Foundation

/// Instants written as RFC 3339 (ISO 8601) date-times: `2026-11-25T13:40:00Z`,
/// `2026-11-25T13:40:00.250Z`, `2026-11-25T14:40:00+01:00`.
///
/// Read by hand, field by field, and never handed to ICU: Foundation's
/// `ISO8601DateFormatter` crashed the process (a division by zero in ICU's
/// `SimpleDateFormat::subParse`) on a fraction of sixty digits that an
/// uploaded offline package carried, found by the package fuzzer.
public enum RFC3339 {
    /// At most nanoseconds: a longer fraction is refused, not rounded.
    public static let maximumFractionDigits = 9

    /// The instant `text` names, or nil when it is not an RFC 3339 date-time
    /// with a real calendar date in years 0001–9999.
    public static func parse(_ text: String) -> Date? {
        var reader = Reader(Array(text.utf8))
        guard let year = reader.digits(4), reader.take(UInt8(ascii: "-")),
              let month = reader.digits(2), reader.take(UInt8(ascii: "-")),
              let day = reader.digits(2), reader.takeAny(of: "Tt"),
              let hour = reader.digits(2), reader.take(UInt8(ascii: ":")),
              let minute = reader.digits(2), reader.take(UInt8(ascii: ":")),
              let second = reader.digits(2) else { return nil }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= MeetingCalendar.lastDay(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        var fraction = 0.0
        if reader.take(UInt8(ascii: ".")) {
            guard let (value, count) = reader.fraction(), count <= maximumFractionDigits else { return nil }
            fraction = value
        }
        var offset = 0
        if reader.takeAny(of: "Zz") {
            offset = 0
        } else if let sign = reader.sign() {
            guard let offsetHours = reader.digits(2), reader.take(UInt8(ascii: ":")),
                  let offsetMinutes = reader.digits(2), offsetHours <= 23, offsetMinutes <= 59 else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard reader.atEnd else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar
    /// (Howard Hinnant's `days_from_civil`).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func takeAny(of characters: String) -> Bool {
            characters.utf8.contains { take($0) }
        }

        /// +1 for `+`, -1 for `-`, nil for anything else.
        mutating func sign() -> Int? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }

        /// Exactly `count` ASCII digits as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard bytes.count - index >= count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        /// One or more digits after the decimal point: their value and how many there were.
        /// Stops counting value past nine digits so that a long run cannot overflow.
        mutating func fraction() -> (Double, Int)? {
            var numerator = 0, denominator = 1, count = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                if count < RFC3339.maximumFractionDigits {
                    numerator = numerator * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                    denominator *= 10
                }
                count += 1
                index += 1
            }
            return count == 0 ? nil : (Double(numerator) / Double(denominator), count)
        }
    }
}
