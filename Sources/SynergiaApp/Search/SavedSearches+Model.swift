import Fluent
import SynergiaCore
import Vapor

/// A reader's saved searches (`/account/searches`) and its JSON twin: each search, how often its new
/// results are e-mailed, its feed, and a button to stop it.
enum SavedSearches {
    struct Item: Content, Sendable {
        var id: UUID
        var query: String
        var kind: SearchKind?
        var convention: String?
        var language: String?
        var year: Int?
        var frequency: String
        /// The search, and its Atom feed (site paths).
        var search: String
        var feed: String

        init(_ saved: SavedSearchModel) throws {
            let p = saved.parameters
            id = try saved.requireID()
            query = saved.q
            kind = p.kind
            convention = p.convention
            language = p.language
            year = p.year
            frequency = saved.frequency.rawValue
            search = SiteURL.search(p).path
            feed = SiteURL.searchFeed(p).path
        }
    }

    struct Model: Content, Sendable {
        var items: [Item]
        var limit: Int
    }
}
