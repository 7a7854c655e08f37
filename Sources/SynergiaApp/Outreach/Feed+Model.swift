import Foundation
import SynergiaCore

/// The Atom feeds of the site: news, events (news of kind event and meetings), imported
/// decisions, published reports. Each entry's link and id are absolute (Atom requires it),
/// built from the configured public URL, never from the request's `Host` header.
struct Feed: Sendable {
    enum Name: String, Sendable, CaseIterable { case news, events, decisions, reports }

    var name: Name
    var entries: [AtomEntry]

    var title: String {
        switch name {
        case .news: "Synergia — news"
        case .events: "Synergia — events"
        case .decisions: "Synergia — decisions"
        case .reports: "Synergia — published national reports"
        }
    }
}

extension Feed.Name {
    /// The feeds a page at `path` announces in its head (`<link rel="alternate">`, which browsers
    /// and feed readers discover): the home page all of them, a list the feed of what it lists.
    static func announced(on path: String) -> [Feed.Name] {
        func under(_ prefix: String) -> Bool { path == prefix || path.hasPrefix(prefix + "/") }
        if path == "/" { return allCases }
        if under("/news") { return [.news, .events] }
        if under("/meetings") { return [.events] }
        if under("/decisions") || under("/action-items") { return [.decisions] }
        if under("/reporting") || under("/reports") { return [.reports] }
        return []
    }

    /// The catalog key of the feed's title, as a page announces it.
    var titleKey: String { "feed.\(rawValue)" }
}
