import Foundation
import Plot
import SynergiaCore

/// Dates as the reader's language writes them ("18 novembre 2026 à 11:06 UTC", "2026年11月18日"),
/// in UTC (the server does not know the reader's time zone, so it says which one it uses),
/// each in a `<time>` element whose `datetime` keeps the ISO form for machines.
extension PageContext {
    private var locale: Locale { Locale(identifier: language.code) }

    /// A day and time, with the time zone.
    func dateTime(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .shortened, locale: locale, calendar: Self.gregorian, timeZone: .gmt)
            .timeZone(.specificName(.short)))
    }

    /// A day.
    func day(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: Self.gregorian, timeZone: .gmt))
    }

    /// `<time datetime="2026-11-18T11:06:40Z">18 November 2026 at 11:06 AM GMT</time>`.
    func time<C>(_ date: Date) -> Node<C> {
        .element(named: "time", nodes: [.attribute(named: "datetime", value: date.formatted(.iso8601)), .escapedText(dateTime(date))])
    }

    /// A day stored as an ISO date (`2026-12-31`), in the reader's language; as stored when it is not one.
    func day<C>(iso: String) -> Node<C> {
        guard let date = Self.isoDay(iso) else { return .escapedText(iso) }
        return .element(named: "time", nodes: [.attribute(named: "datetime", value: iso.attributeEscaped), .escapedText(day(date))])
    }

    static let gregorian = Calendar(identifier: .gregorian)

    /// Midnight UTC of an ISO day (`YYYY-MM-DD`), or nil.
    static func isoDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts[0].count == 4, (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = gregorian
        calendar.timeZone = .gmt
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
