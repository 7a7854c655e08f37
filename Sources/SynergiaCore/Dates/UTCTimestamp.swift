import Foundation

/// The calendar fields of an instant in UTC, for the text formats of
/// iCalendar, Atom and Internet mail. Dates outside years 1–9999 (or not
/// finite) are clamped so that formatting never fails or crashes.
struct UTCTimestamp: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// 1 = Sunday … 7 = Saturday.
    var weekday: Int

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z as seconds since 1970.
    private static let earliest: TimeInterval = -62_135_596_800
    private static let latest: TimeInterval = 253_402_300_799

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    init(_ date: Date) {
        var seconds = date.timeIntervalSince1970
        if !seconds.isFinite { seconds = seconds.isNaN ? 0 : (seconds > 0 ? Self.latest : Self.earliest) }
        seconds = min(max(seconds.rounded(.down), Self.earliest), Self.latest)
        let parts = Self.calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .weekday],
            from: Date(timeIntervalSince1970: seconds)
        )
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
        hour = parts.hour ?? 0
        minute = parts.minute ?? 0
        second = parts.second ?? 0
        weekday = parts.weekday ?? 5
    }

    /// `YYYYMMDD`, as in iCalendar DATE values.
    var basicDate: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }
    /// `YYYYMMDDTHHMMSSZ`, as in iCalendar UTC DATE-TIME values.
    var basicDateTime: String { basicDate + "T" + pad(hour, 2) + pad(minute, 2) + pad(second, 2) + "Z" }
    /// `YYYY-MM-DDTHH:MM:SSZ`, RFC 3339.
    var rfc3339: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
    }
    /// `Wed, 25 Nov 2026 13:27:00 +0000`, RFC 5322 §3.3.
    var rfc5322: String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let dayName = days[min(max(weekday - 1, 0), 6)]
        let monthName = months[min(max(month - 1, 0), 11)]
        return "\(dayName), \(pad(day, 2)) \(monthName) \(pad(year, 4)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)) +0000"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
