import Foundation
import Testing
@testable import SynergiaCore

@Suite("RFC 3339 timestamps")
struct RFC3339Tests {
    /// 2026-11-26T13:33:20.250Z
    static let instant = Date(timeIntervalSince1970: 1_795_700_000.25)

    @Test(arguments: [
        "2026-11-26T13:33:20.250Z", "2026-11-26T13:33:20.25Z", "2026-11-26T13:33:20.250000000Z",
        "2026-11-26t13:33:20.25z", "2026-11-26T14:33:20.25+01:00", "2026-11-26T08:03:20.25-05:30",
    ])
    func readsTheSameInstantWrittenInEachAllowedWay(text: String) {
        #expect(RFC3339.parse(text) == Self.instant)
    }

    @Test func secondsWithoutAFraction() {
        #expect(RFC3339.parse("2026-11-26T13:33:20Z") == Date(timeIntervalSince1970: 1_795_700_000))
        #expect(RFC3339.parse("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(RFC3339.parse("2024-02-29T23:59:59Z") == Date(timeIntervalSince1970: 1_709_251_199))
    }

    @Test(arguments: [
        "", "2026-11-26", "2026-11-26T13:33:20", "2026-11-26 13:33:20Z", "2026-11-26T13:33:20Z ",
        "2026-11-26T13:33:20.Z", "2026-11-26T13:33:20.1234567890Z",
        "2026-11-25T13:40:00.2500000000000000000000000000000000000000000000000000000000000Z",
        "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
        "2026-11-26T24:00:00Z", "2026-11-26T23:60:00Z", "2026-11-26T23:59:60Z", "0000-01-01T00:00:00Z",
        "2026-11-26T13:33:20+1:00", "2026-11-26T13:33:20+24:00", "2026-11-26T13:33:20+0100",
        "+2026-11-26T13:33:20Z", "２０２６-11-26T13:33:20Z", "2026-1-26T13:33:20Z", "2026-11-26T13:33:20ZZ",
    ])
    func refusesWhatIsNotATimestamp(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    /// Instants from 1600 to 9999 read back as Foundation wrote them. (Before October 1582 ICU
    /// writes Julian calendar dates, where RFC 3339 means the proleptic Gregorian calendar.)
    @Test func agreesWithFoundationAcrossTheCalendar() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let seconds = Double(Int64.random(in: -11_676_096_000...253_402_300_799, using: &generator))
            let date = Date(timeIntervalSince1970: seconds + Double(Int.random(in: 0...999, using: &generator)) / 1000)
            let text = formatter.string(from: date)
            let parsed = RFC3339.parse(text)
            #expect(parsed.map { abs($0.timeIntervalSince(date)) < 0.001 } == true, "\(text)")
        }
    }
}
