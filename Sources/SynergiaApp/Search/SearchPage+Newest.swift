import Fluent
import Foundation
import SQLKit
import SynergiaCore

extension SearchPage {
    /// A search's newest results: those that entered the index, as they are now, in `(after, through]`
    /// (Unix seconds; open where nil), newest first. For a search's Atom feed and a saved search's e-mail.
    struct Newest: Sendable {
        var entries: [Entry]
        /// All results in the window (more than `entries` when the limit cut them).
        var total: Int
        var terms: [String]

        struct Entry: Decodable, Sendable {
            var kind: String
            var path: String
            var title: String
            var body: String
            var language: String
            var convention_code: String?
            var year: Int?
            var source: String
            var entry_digest: String?
            var updated_at: Int64
        }
    }

    static func newest(_ parameters: Parameters, after: Int64? = nil, through: Int64? = nil, limit: Int, counting: Bool = false,
                       on db: any Database) async throws -> Newest {
        let query = try SearchQuery(parameters.q)
        guard !query.isEmpty else { return Newest(entries: [], total: 0, terms: []) }
        let match = SearchMatch(query: query, postgres: db.isPostgres)
        var window: SQLQueryString = filters(parameters)
        if let after { window = window + " AND e.updated_at > \(bind: after)" }
        if let through { window = window + " AND e.updated_at <= \(bind: through)" }
        let entries = try await db.sql.raw("""
            SELECT e.kind, e.path, e.title, e.body, e.language, e.convention_code, e.year, e.source, e.entry_digest, e.updated_at FROM \(match.from)
            WHERE \(match.condition)\(window) ORDER BY e.updated_at DESC, e.seq DESC LIMIT \(literal: limit)
            """).all(decoding: Newest.Entry.self)
        var total = entries.count
        if counting && entries.count == limit {
            struct Count: Decodable { var n: Int }
            total = try await db.sql.raw("SELECT count(*) AS n FROM \(match.from) WHERE \(match.condition)\(window)")
                .first(decoding: Count.self)?.n ?? total
        }
        return Newest(entries: entries, total: total, terms: query.terms)
    }
}

extension SearchPage.Newest.Entry {
    var updated: Date { Date(timeIntervalSince1970: TimeInterval(updated_at)) }

    /// A permanent id for the entry as it is: a UUID made of its source and what it says (a changed text is a
    /// new entry; the same answer in an amended version of a report is the same entry).
    var atomID: String {
        let hex = Array(SHA256Hex.digest(Data("\(source) \(entry_digest ?? "\(path) \(language) \(title)")".utf8)).prefix(32))
        guard hex.count == 32 else { return "urn:uuid:00000000-0000-0000-0000-000000000000" }
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }
        return "urn:uuid:" + parts.joined(separator: "-")
    }
}
