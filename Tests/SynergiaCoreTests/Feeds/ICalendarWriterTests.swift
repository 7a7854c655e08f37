import Foundation
import SynergiaCore
import Testing

@Suite("iCalendar writer (RFC 5545)")
struct ICalendarWriterTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18T11:06:40Z
    let updated = Date(timeIntervalSince1970: 1_790_000_000) // 2026-09-21T14:13:20Z

    /// Physical lines of the output, without their CRLF. Fails if a line ends with a bare LF or CR.
    func physicalLines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "output ends with CRLF")
        lines.removeLast()
        return lines
    }

    /// A tiny unfolder and parser: logical lines as (name with parameters, value).
    func parse(_ text: String) -> [(name: String, value: String)] {
        var logical: [String] = []
        for line in physicalLines(text) {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !logical.isEmpty {
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(String(line))
            }
        }
        return logical.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
    }

    func unescape(_ value: String) -> String {
        var out = ""
        var escaping = false
        for char in value {
            if escaping {
                out.append(char == "n" || char == "N" ? "\n" : char)
                escaping = false
            } else if char == "\\" {
                escaping = true
            } else {
                out.append(char)
            }
        }
        return out
    }

    func event(summary: String = "COP 17", start: EventTime, end: EventTime, description: String? = nil) -> CalendarEvent {
        CalendarEvent(
            uid: "cop-17@synergia.example", summary: summary, description: description, location: "Yerevan, Armenia",
            url: "https://synergia.example/meetings/cop-17", start: start, end: end, updated: updated
        )
    }

    @Test("calendar header, event properties and CRLF endings")
    func structure() {
        let text = ICalendarWriter.calendar(
            name: "CBD meetings", events: [event(start: .date(year: 2026, month: 10, day: 19), end: .date(year: 2026, month: 10, day: 30))], now: now
        )
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        let props = parse(text)
        let names = props.map(\.name)
        #expect(names.first == "BEGIN" && props.first?.value == "VCALENDAR")
        #expect(names.last == "END" && props.last?.value == "VCALENDAR")
        let dict = Dictionary(props.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(dict["VERSION"] == "2.0")
        #expect(dict["PRODID"] == "-//Synergia//Meetings//EN")
        #expect(dict["CALSCALE"] == "GREGORIAN")
        #expect(dict["X-WR-CALNAME"] == "CBD meetings")
        #expect(dict["UID"] == "cop-17@synergia.example")
        #expect(dict["DTSTAMP"] == "20261118T110640Z")
        #expect(dict["LAST-MODIFIED"] == "20260921T141320Z")
        #expect(dict["SUMMARY"] == "COP 17")
        #expect(dict["LOCATION"] == "Yerevan\\, Armenia")
        #expect(dict["URL"] == "https://synergia.example/meetings/cop-17")
        #expect(dict["DESCRIPTION"] == nil, "no DESCRIPTION when there is none")
        #expect(names.contains("DTSTART;VALUE=DATE") && names.contains("DTEND;VALUE=DATE"))
        for required in ["UID", "DTSTAMP", "SUMMARY", "LAST-MODIFIED"] { #expect(names.contains(required)) }
        #expect(names.filter { $0 == "BEGIN" }.count == 2, "VCALENDAR and one VEVENT")
    }

    @Test("an all-day event's DTEND is the day after its last day, across month and year ends")
    func allDayEnd() {
        func ends(_ start: EventTime, _ end: EventTime) -> (String?, String?) {
            let props = parse(ICalendarWriter.calendar(name: "x", events: [event(start: start, end: end)], now: now))
            return (props.first { $0.name == "DTSTART;VALUE=DATE" }?.value, props.first { $0.name == "DTEND;VALUE=DATE" }?.value)
        }
        let cop = ends(.date(year: 2026, month: 10, day: 19), .date(year: 2026, month: 10, day: 30))
        #expect(cop.0 == "20261019" && cop.1 == "20261031")
        let oneDay = ends(.date(year: 2026, month: 12, day: 31), .date(year: 2026, month: 12, day: 31))
        #expect(oneDay.0 == "20261231" && oneDay.1 == "20270101")
        let leap = ends(.date(year: 2028, month: 2, day: 28), .date(year: 2028, month: 2, day: 28))
        #expect(leap.1 == "20280229")
        let backwards = ends(.date(year: 2026, month: 5, day: 10), .date(year: 2026, month: 5, day: 1))
        #expect(backwards.0 == "20260510" && backwards.1 == "20260511", "an end before the start becomes a one-day event")
    }

    @Test("timed events are written in UTC")
    func timedEvent() {
        let start = Date(timeIntervalSince1970: 1_792_400_400) // 2026-10-19T09:00:00Z
        let props = parse(ICalendarWriter.calendar(
            name: "x", events: [event(start: .dateTime(start), end: .dateTime(start.addingTimeInterval(3 * 3600)))], now: now
        ))
        #expect(props.first { $0.name == "DTSTART" }?.value == "20261019T090000Z")
        #expect(props.first { $0.name == "DTEND" }?.value == "20261019T120000Z")
    }

    @Test("TEXT escaping of backslash, semicolon, comma and newlines")
    func escaping() {
        #expect(ICalendarWriter.escapeText(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarWriter.escapeText("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendarWriter.escapeText("bell\u{07}tab\t") == "belltab\t", "control characters dropped, tab kept")
        let description = "Agenda item 3; synergies, cooperation\n\\ end"
        let props = parse(ICalendarWriter.calendar(
            name: "x", events: [event(start: .date(year: 2026, month: 1, day: 1), end: .date(year: 2026, month: 1, day: 1), description: description)], now: now
        ))
        let raw = props.first { $0.name == "DESCRIPTION" }?.value ?? ""
        #expect(raw == #"Agenda item 3\; synergies\, cooperation\n\\ end"#)
        #expect(unescape(raw) == description)
    }

    @Test("a long Chinese summary folds at ≤ 75 octets without splitting characters, and unfolds back")
    func foldingChinese() {
        let summary = String(repeating: "生物多样性公约缔约方大会第十七届会议，关于协同增效的非正式咨询小组；", count: 6)
        let arabic = String(repeating: "مؤتمر الأطراف في اتفاقية التنوع البيولوجي، ", count: 5)
        let text = ICalendarWriter.calendar(
            name: "x",
            events: [event(summary: summary, start: .date(year: 2026, month: 1, day: 1), end: .date(year: 2026, month: 1, day: 2), description: arabic)],
            now: now
        )
        let lines = physicalLines(text)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "every physical line ≤ 75 octets")
        #expect(lines.contains { $0.utf8.count >= 73 && $0.hasPrefix(" ") }, "continuation lines are filled")
        for line in lines {
            // Each physical line is valid UTF-8 by itself: no character is split.
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        let props = parse(text)
        #expect(unescape(props.first { $0.name == "SUMMARY" }?.value ?? "") == summary)
        #expect(unescape(props.first { $0.name == "DESCRIPTION" }?.value ?? "") == arabic)
        #expect(ICalendarWriter.unfold(text).split(separator: "\r\n").contains { $0 == "SUMMARY:" + ICalendarWriter.escapeText(summary) })
    }

    @Test("fold boundaries: 75 octets stay, 76 fold")
    func foldBoundaries() {
        let exact = String(repeating: "a", count: 75)
        #expect(ICalendarWriter.fold(exact) == exact)
        let over = String(repeating: "a", count: 76)
        #expect(ICalendarWriter.fold(over) == String(repeating: "a", count: 75) + "\r\n a")
        // 24 three-octet characters (72 octets) + "SUM" = 75; one more character must move whole.
        let mixed = "SUM" + String(repeating: "中", count: 25)
        let folded = ICalendarWriter.fold(mixed).split(separator: "\r\n").map(String.init)
        #expect(folded.count == 2)
        #expect(folded[0].utf8.count == 75)
        #expect(folded[1] == " 中")
    }

    @Test("empty and odd inputs never crash")
    func oddInputs() {
        let text = ICalendarWriter.calendar(name: "", events: [], now: Date(timeIntervalSince1970: .infinity))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        let weird = CalendarEvent(
            uid: "", summary: "\u{0}\r\n", url: " bad url\n", start: .date(year: 0, month: 13, day: 40),
            end: .dateTime(Date(timeIntervalSince1970: -.infinity)), updated: Date(timeIntervalSince1970: .nan)
        )
        let out = ICalendarWriter.calendar(name: "x", events: [weird], now: now)
        #expect(out.contains("URL:badurl\r\n"))
        #expect(physicalLines(out).allSatisfy { $0.utf8.count <= 75 })
    }
}
