import Foundation
import SynergiaCore

extension Feed {
    enum View {
        /// The feed as Atom XML. An empty feed is as new as `emptyUpdated` (the server's start), not 1970.
        static func atom(_ feed: Feed, site: SiteAddress, emptyUpdated: Date) -> String {
            let url = site.absolute(.feed(feed.name))
            return AtomFeedWriter.feed(id: url, title: feed.title, selfLink: url, alternateLink: site.absolute(.home),
                                       updated: feed.entries.map(\.updated).max() ?? emptyUpdated, authorName: "Synergia", entries: feed.entries)
        }
    }
}
