import Foundation

/// Known meetings and their dates (`Resources/Reference/meetings.json`), so a deadline such as
/// "before SBI-1" can be placed in time, compared with another, and found overdue.
public struct MeetingCalendar: Sendable {
    public struct Meeting: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var place: String
        /// ISO dates, `yyyy-mm-dd`.
        public var start: String
        public var end: String
    }

    struct File: Codable { var version: Int; var meetings: [Meeting] }

    public let meetings: [String: Meeting]

    public init(meetings: [Meeting]) {
        self.meetings = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id, $0) })
    }

    public static func load() throws -> MeetingCalendar {
        MeetingCalendar(meetings: try ReferenceData.decode(File.self, file: "meetings").meetings)
    }

    /// The day by which a deadline falls due: a meeting's first day, or the date itself
    /// (`2016`, `2016-05` and `2016-05-31` all work; a month or year means its end). `nil`
    /// when the deadline names a meeting whose dates are not known.
    public func dueDate(of deadline: String) -> String? {
        if let meeting = meetings[deadline] { return meeting.start }
        let parts = deadline.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }), (1900...2200).contains(year), parts.first?.count == 4 else { return nil }
        switch parts.count {
        case 1: return "\(year)-12-31"
        case 2: return "\(deadline)-\(String(format: "%02d", Self.lastDay(year: year, month: Int(parts[1]) ?? 12)))"
        default: return deadline
        }
    }

    /// Whether a deadline has passed on `today` (ISO date). Unknown dates never count as passed.
    public func hasPassed(_ deadline: String, today: String) -> Bool {
        guard let due = dueDate(of: deadline) else { return false }
        return due < today
    }

    public static func lastDay(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
