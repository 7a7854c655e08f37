import Foundation

/// The start or end of a calendar event.
public enum EventTime: Sendable, Equatable {
    /// A whole day (an all-day event), written as `VALUE=DATE`. As an event's
    /// `end`, it is the event's last day, inclusive.
    case date(year: Int, month: Int, day: Int)
    /// An instant, written in UTC (`…Z`).
    case dateTime(Date)
}

/// One meeting (or other dated item) in an iCalendar feed.
public struct CalendarEvent: Sendable, Equatable {
    /// A globally unique, stable identifier, e.g. `cop-16@synergia.example`.
    public var uid: String
    public var summary: String
    public var description: String?
    public var location: String?
    /// A page about the event.
    public var url: String?
    public var start: EventTime
    /// The end: for an all-day event its last day (inclusive), for a timed one the instant it ends.
    public var end: EventTime
    /// When the event's data last changed.
    public var updated: Date

    public init(
        uid: String, summary: String, description: String? = nil, location: String? = nil, url: String? = nil,
        start: EventTime, end: EventTime, updated: Date
    ) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.start = start
        self.end = end
        self.updated = updated
    }
}

/// Writes RFC 5545 iCalendar files (`text/calendar`) of meetings, so people
/// can subscribe to the meeting calendar in their own calendar program.
///
/// Output uses CRLF line endings, escapes TEXT values (backslash, semicolon,
/// comma, newline) and folds content lines at 75 octets without splitting a
/// UTF-8 character.
public enum ICalendarWriter {
    /// The most octets in one content line, not counting its CRLF (RFC 5545 §3.1).
    public static let maxLineOctets = 75

    /// A complete VCALENDAR object with one VEVENT per event.
    /// - Parameter now: the time written as each event's DTSTAMP.
    public static func calendar(name: String, events: [CalendarEvent], now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Synergia//Meetings//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escapeText(name),
        ]
        let stamp = UTCTimestamp(now).basicDateTime
        for event in events {
            lines += eventLines(event, stamp: stamp)
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    static func eventLines(_ event: CalendarEvent, stamp: String) -> [String] {
        let (start, end) = timeProperties(start: event.start, end: event.end)
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + escapeText(event.uid),
            "DTSTAMP:" + stamp,
            "DTSTART" + start,
            "DTEND" + end,
            "SUMMARY:" + escapeText(event.summary),
        ]
        if let location = event.location { lines.append("LOCATION:" + escapeText(location)) }
        if let url = event.url.map(cleanURI), !url.isEmpty { lines.append("URL:" + url) }
        if let description = event.description { lines.append("DESCRIPTION:" + escapeText(description)) }
        lines.append("LAST-MODIFIED:" + UTCTimestamp(event.updated).basicDateTime)
        lines.append("END:VEVENT")
        return lines
    }

    /// The DTSTART and DTEND suffixes (parameters, colon and value). Both use
    /// the value type of `start`; an end before the start is raised to it.
    static func timeProperties(start: EventTime, end: EventTime) -> (String, String) {
        switch start {
        case .date:
            let first = day(of: start)
            var last = day(of: end)
            if last < first { last = first }
            // RFC 5545 §3.6.1: DTEND of an all-day event is the day after its last day.
            let after = UTCTimestamp.calendar.date(byAdding: .day, value: 1, to: last) ?? last
            return (";VALUE=DATE:" + UTCTimestamp(first).basicDate, ";VALUE=DATE:" + UTCTimestamp(after).basicDate)
        case .dateTime(let startDate):
            var endDate: Date
            switch end {
            case .dateTime(let date): endDate = date
            case .date: endDate = UTCTimestamp.calendar.date(byAdding: .day, value: 1, to: day(of: end)) ?? day(of: end)
            }
            if endDate < startDate { endDate = startDate }
            return (":" + UTCTimestamp(startDate).basicDateTime, ":" + UTCTimestamp(endDate).basicDateTime)
        }
    }

    /// Midnight UTC of the day of an event time (out-of-range fields are normalised by the calendar).
    static func day(of time: EventTime) -> Date {
        switch time {
        case .date(let year, let month, let day):
            let clamp = { (value: Int, low: Int, high: Int) in min(max(value, low), high) }
            let parts = DateComponents(year: clamp(year, 1, 9999), month: clamp(month, -1000, 1000), day: clamp(day, -100_000, 100_000))
            return UTCTimestamp.calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
        case .dateTime(let date):
            return UTCTimestamp.calendar.startOfDay(for: date)
        }
    }

    /// Escapes a TEXT value (RFC 5545 §3.3.11): `\` `;` `,` and newlines; drops other control characters.
    public static func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A URI value with any whitespace and control characters removed.
    static func cleanURI(_ uri: String) -> String {
        String(String.UnicodeScalarView(uri.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
    }

    /// Folds one content line (RFC 5545 §3.1): no physical line longer than
    /// 75 octets, continuation lines starting with a space, and breaks only
    /// between Unicode scalars, never inside a UTF-8 sequence.
    public static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > maxLineOctets {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }

    /// Undoes folding: removes every CRLF followed by a space or tab. Works on
    /// Unicode scalars, so a continuation line that starts with a combining
    /// mark unfolds correctly too.
    public static func unfold(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\r", index + 2 < scalars.count, scalars[index + 1] == "\n",
               scalars[index + 2] == " " || scalars[index + 2] == "\t" {
                index += 3
                continue
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }
}
