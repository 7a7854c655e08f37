import Foundation

/// Calendar dates written as ISO 8601 `YYYY-MM-DD`, as forms and files give them.
public enum ISODate {
    /// The day of `date` in UTC, as `YYYY-MM-DD`.
    public static func string(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
    }

    /// Whether `text` is a real calendar date `YYYY-MM-DD` between 1900 and 2200.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1900...2200).contains(year) && (1...12).contains(month) && day >= 1 && day <= MeetingCalendar.lastDay(year: year, month: month)
    }
}
