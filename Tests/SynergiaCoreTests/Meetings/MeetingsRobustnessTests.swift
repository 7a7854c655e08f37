import Foundation
import SynergiaCore
import Testing

/// Random inputs (a fixed seed, so runs repeat) for the meeting writers: they
/// must never crash and must keep their format's limits whatever the text.
@Suite("Meetings writers on random input")
struct MeetingsRobustnessTests {
    /// Byte-level search (String's own works on grapheme clusters).
    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// Line breaks (CRLF, CR or LF) made CRLF, scalar by scalar.
    func crlf(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            if scalar == "\r" || scalar == "\n" { out.append("\r"); out.append("\n") } else { out.append(scalar) }
        }
        return String(out)
    }

    /// Text mixing ASCII, syntax characters, controls, CJK, Arabic, emoji and combining marks.
    func randomText(_ rng: inout DemoRandom, maxLength: Int = 200) -> String {
        let pools: [[Unicode.Scalar]] = [
            Array("abc XYZ 019.,;:\\\"'<>&=?@".unicodeScalars),
            [0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0xFFFE].compactMap(Unicode.Scalar.init),
            (0x4E00...0x4E40).compactMap(Unicode.Scalar.init),
            (0x0627...0x064A).compactMap(Unicode.Scalar.init),
            [0x1F600, 0x1F30D, 0x0301, 0x200D, 0x1F1E8, 0x1F1F3].compactMap(Unicode.Scalar.init),
        ]
        var out = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &rng) {
            let pool = pools.randomElement(using: &rng) ?? pools[0]
            if let scalar = pool.randomElement(using: &rng) { out.append(scalar) }
        }
        return String(out)
    }

    @Test("iCalendar: lines ≤ 75 octets, CRLF only, text survives a round trip")
    func icalendar() {
        var rng = DemoRandom(seed: 6)
        for _ in 0..<200 {
            let summary = randomText(&rng)
            let event = CalendarEvent(
                uid: randomText(&rng, maxLength: 20), summary: summary, description: randomText(&rng),
                location: randomText(&rng, maxLength: 30), url: randomText(&rng, maxLength: 30),
                start: .date(year: Int.random(in: -5...10_000, using: &rng), month: Int.random(in: -20...20, using: &rng), day: Int.random(in: -40...40, using: &rng)),
                end: .dateTime(Date(timeIntervalSince1970: Double.random(in: -1e12...1e12, using: &rng))),
                updated: Date(timeIntervalSince1970: Double.random(in: -1e12...1e12, using: &rng))
            )
            let text = ICalendarWriter.calendar(name: randomText(&rng, maxLength: 40), events: [event], now: Date())
            let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
            for line in lines {
                #expect(line.last == UInt8(ascii: "\r"), "every line ends in CRLF")
                #expect(line.count - 1 <= 75)
                #expect(!line.dropLast().contains(UInt8(ascii: "\r")), "no stray CR")
            }
            let unfolded = Array(ICalendarWriter.unfold(text).utf8)
            #expect(contains(unfolded, Array(("\r\nSUMMARY:" + ICalendarWriter.escapeText(summary) + "\r\n").utf8)))
        }
    }

    @Test("Atom: any text in any field still gives a valid feed")
    func atom() {
        var rng = DemoRandom(seed: 12)
        for index in 0..<100 {
            let entry = AtomEntry(
                id: "urn:uuid:00000000-0000-0000-0000-\(String(format: "%012d", index))", title: randomText(&rng),
                updated: Date(timeIntervalSince1970: Double.random(in: -1e13...1e13, using: &rng)), published: nil,
                link: randomText(&rng, maxLength: 30), summary: randomText(&rng), authorName: randomText(&rng, maxLength: 20),
                categories: [randomText(&rng, maxLength: 10)], language: randomText(&rng, maxLength: 5)
            )
            let xml = AtomFeedWriter.feed(
                id: "tag:synergia.example,2026:fuzz", title: randomText(&rng), selfLink: "https://synergia.example/f.atom",
                alternateLink: randomText(&rng, maxLength: 20), updated: Date(timeIntervalSince1970: .infinity),
                authorName: nil, entries: [entry]
            )
            #expect(AtomFeedWriter.validate(xml) == [], "\(xml)")
        }
    }

    @Test("Atom validator: random and truncated documents give problems, never a crash")
    func validatorGarbage() {
        var rng = DemoRandom(seed: 19)
        let good = AtomFeedWriter.feed(
            id: "tag:x,2026:y", title: "t", selfLink: "https://x/f", alternateLink: nil, updated: Date(),
            authorName: "a", entries: [AtomEntry(id: "tag:x,2026:e", title: "e", updated: Date(), link: "https://x/e")]
        )
        for _ in 0..<100 {
            let cut = Int.random(in: 0..<(good.utf8.count - 2), using: &rng) // at least ">\n" cut off
            let truncated = String(decoding: Array(good.utf8.prefix(cut)), as: UTF8.self)
            #expect(!AtomFeedWriter.validate(truncated).isEmpty)
            _ = AtomFeedWriter.validate(randomText(&rng, maxLength: 300))
        }
    }

    @Test("Mail: lines ≤ 78 octets, 7-bit, body and subject round-trip")
    func mail() {
        var rng = DemoRandom(seed: 42)
        for _ in 0..<200 {
            let subject = randomText(&rng)
            let body = randomText(&rng, maxLength: 500)
            let message = MailMessage(
                from: randomText(&rng, maxLength: 20) + " <a@b.example>", to: [randomText(&rng, maxLength: 20) + " <c@d.example>"],
                subject: subject, textBody: body, messageID: randomText(&rng, maxLength: 20),
                date: Date(timeIntervalSince1970: Double.random(in: -1e13...1e13, using: &rng)),
                headers: [(randomText(&rng, maxLength: 8), randomText(&rng))]
            )
            let rendered = message.rendered()
            #expect(rendered.utf8.allSatisfy { $0 < 0x80 })
            // 7-bit, so splitting the bytes at CRLF is exact.
            let bytes = Array(rendered.utf8)
            var lines: [[UInt8]] = [[]]
            var index = 0
            while index < bytes.count {
                if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                    lines.append([])
                    index += 2
                } else {
                    lines[lines.count - 1].append(bytes[index])
                    index += 1
                }
            }
            for line in lines where line.count > 78 || line.contains(10) || line.contains(13) {
                Issue.record("bad line: \(String(decoding: line, as: UTF8.self))")
            }
            guard let blank = lines.firstIndex(of: []) else {
                Issue.record("no blank line between header and body")
                continue
            }
            let base64 = String(decoding: lines[(blank + 1)...].joined(), as: UTF8.self)
            let decoded = Data(base64Encoded: base64).map { Array($0) }
            #expect(decoded == Array(crlf(body).utf8))
            let subjectLine = lines.firstIndex { $0.starts(with: Array("Subject:".utf8)) }
            #expect(subjectLine != nil)
        }
    }
}
