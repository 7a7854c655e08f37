import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// The public search index: what a reader can find, kept by the write that publishes it.
///
/// Documents come in *sources* (one decision, one news item, one Party's published report in a
/// cycle, the shipped reference files). A source is replaced whole, in the caller's transaction, so
/// the index never shows a text its page does not: a rolled-back write leaves the index as it was.
/// Only published content is ever given to it (drafts have no source).
///
/// Storage: `search_entries` on both databases, with the folded title and body; on SQLite an FTS5
/// table with the trigram tokenizer, kept by triggers; on PostgreSQL a `pg_trgm` GIN index over
/// the folded text and a `tsvector` for ranking. See ``CreateSearchIndex``.
enum SearchIndex {
    static let entries = "search_entries"
    static let sources = "search_sources"
    /// Rows per `INSERT` (under both databases' limits on bound values).
    static let batch = 400
    /// Characters of a document's body that are indexed (an answer or a meeting can be long).
    static let maxBody = 100_000
    /// Moves on when the folding or the documents' shape changes, so `search rebuild` rewrites every source.
    /// 2: each entry has its digest and the time it last changed.
    static let format = 2
    /// Each entry's digest, and when it entered the index as it is now (Unix seconds): what a search's
    /// Atom feed and a saved search's e-mail call new. An entry a source keeps unchanged keeps its time.
    static let dateColumns = "entry_digest TEXT, updated_at BIGINT NOT NULL DEFAULT 0"

    /// Makes `source` hold exactly `documents`, in `db`'s transaction. Nothing is written when the
    /// source holds them already (the digest of the documents is kept per source): no write at all,
    /// so a start that finds the index current takes no write lock. Two writers of one source take
    /// turns (its row is locked), so a source is never doubled.
    static func replace(_ source: String, with documents: [SearchDocument], on db: any Database) async throws {
        let sql = db.sql
        let documents = documents.map { document in
            var document = document
            if document.body.count > maxBody { document.body = String(document.body.prefix(maxBody)) }
            return document
        }
        let digest = "\(format):" + SHA256Hex.digest(try CanonicalJSON.encode(documents))
        struct Stored: Decodable { var digest: String }
        let select = sql.select().column("digest").from(sources).where("source", .equal, source)
        if try await select.first(decoding: Stored.self)?.digest == digest { return }
        try await sql.raw("INSERT INTO search_sources (source, digest) VALUES (\(bind: source), '') ON CONFLICT (source) DO NOTHING").run()
        // Read again under the row's lock: another writer may have just replaced it.
        if try await (db.isPostgres ? select.for(.update) : select).first(decoding: Stored.self)?.digest == digest { return }
        // What stays as it was keeps its time; what is new or changed is new now.
        struct Dated: Decodable { var entry_digest: String?; var updated_at: Int64 }
        var since: [String: Int64] = [:]
        for row in try await sql.select().column("entry_digest").column("updated_at").from(entries).where("source", .equal, source)
            .all(decoding: Dated.self) {
            if let digest = row.entry_digest { since[digest] = row.updated_at }
        }
        let now = Int64(Date().timeIntervalSince1970)
        try await sql.delete(from: entries).where("source", .equal, source).run()
        for start in stride(from: 0, to: documents.count, by: batch) {
            let rows = try documents[start..<min(start + batch, documents.count)].map { d -> [any SQLExpression] in
                let title = SearchText.fold(d.title), body = SearchText.fold(d.body)
                let entryDigest = try Self.entryDigest(d)
                return [SQLBind(source), SQLBind(d.kind.rawValue), SQLBind(d.path), SQLBind(d.title), SQLBind(d.body), SQLBind(d.language),
                        SQLBind(d.convention), SQLBind(d.year), SQLBind(d.group), SQLBind(title), SQLBind(body),
                        SQLBind(SearchText.bigrams(title + " " + body)), SQLBind(entryDigest), SQLBind(since[entryDigest] ?? now)]
            }
            try await sql.insert(into: entries)
                .columns("source", "kind", "path", "title", "body", "language", "convention_code", "year", "group_key", "title_folded", "body_folded",
                         "bigrams", "entry_digest", "updated_at")
                .rows(rows).run()
        }
        try await sql.update(sources).set("digest", to: digest).where("source", .equal, source).run()
    }

    /// The digest of what a document says, not where it is: a report's answer keeps its digest (and its
    /// date) when an amended version of the report, at another address, is published saying the same.
    static func entryDigest(_ document: SearchDocument) throws -> String {
        var content = document
        content.path = ""
        return SHA256Hex.digest(try CanonicalJSON.encode(content))
    }

    /// Adds the entries' digest and date (``dateColumns``) to a `search_entries` made without them.
    static func addDateColumns(on db: any Database) async throws {
        struct Column: Decodable { var name: String }
        let columns = try await db.sql.raw(db.isPostgres
            ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'search_entries'"
            : "SELECT name FROM pragma_table_info('search_entries')").all(decoding: Column.self).map(\.name)
        if !columns.contains("entry_digest") {
            try await db.sql.raw("ALTER TABLE search_entries ADD COLUMN entry_digest TEXT").run()
        }
        if !columns.contains("updated_at") {
            try await db.sql.raw("ALTER TABLE search_entries ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0").run()
        }
    }

    /// Takes `source` out of the index.
    static func remove(_ source: String, on db: any Database) async throws {
        try await replace(source, with: [], on: db)
    }
}
