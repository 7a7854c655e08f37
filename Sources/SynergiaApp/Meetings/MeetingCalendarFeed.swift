import Foundation
import SynergiaCore

/// Meetings as iCalendar events (all-day, from the first to the last day).
enum MeetingCalendarFeed {
    static func calendar(name: String, meetings: [MeetingModel], now: Date) -> String {
        ICalendarWriter.calendar(name: name, events: meetings.compactMap(event), now: now)
    }

    static func event(_ meeting: MeetingModel) -> CalendarEvent? {
        guard let start = day(meeting.startDate), let end = day(meeting.endDate) else { return nil }
        return CalendarEvent(
            uid: "\(meeting.code)@synergia", summary: "\(meeting.code): \(meeting.title)",
            description: meeting.description.isEmpty ? nil : meeting.description,
            location: meeting.place ?? meeting.onlineLink, url: meeting.onlineLink,
            start: start, end: end, updated: meeting.updatedAt ?? Date(timeIntervalSince1970: 0))
    }

    static func day(_ iso: String) -> EventTime? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return .date(year: parts[0], month: parts[1], day: parts[2])
    }
}
