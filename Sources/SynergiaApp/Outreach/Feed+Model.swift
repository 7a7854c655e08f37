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
