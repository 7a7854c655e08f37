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

    /// Makes `source` hold exactly `documents`, in `db`'s transaction. Nothing is written when the
    /// source holds them already (the digest of the documents is kept per source). Two writers of
    /// one source take turns (its row is locked), so a source is never doubled.
    static func replace(_ source: String, with documents: [SearchDocument], on db: any Database) async throws {
        let sql = db.sql
        let digest = try SHA256Hex.digest(CanonicalJSON.encode(documents))
        try await sql.raw("INSERT INTO search_sources (source, digest) VALUES (\(bind: source), '') ON CONFLICT (source) DO NOTHING").run()
        struct Stored: Decodable { var digest: String }
        var select = sql.select().column("digest").from(sources).where("source", .equal, source)
        if db.isPostgres { select = select.for(.update) }
        if try await select.first(decoding: Stored.self)?.digest == digest { return }
        try await sql.delete(from: entries).where("source", .equal, source).run()
        for start in stride(from: 0, to: documents.count, by: batch) {
            let rows = documents[start..<min(start + batch, documents.count)].map { d -> [any SQLExpression] in
                [SQLBind(source), SQLBind(d.kind.rawValue), SQLBind(d.path), SQLBind(d.title), SQLBind(d.body), SQLBind(d.language),
                 SQLBind(d.convention), SQLBind(d.year), SQLBind(d.group), SQLBind(SearchText.fold(d.title)), SQLBind(SearchText.fold(d.body))]
            }
            try await sql.insert(into: entries)
                .columns("source", "kind", "path", "title", "body", "language", "convention_code", "year", "group_key", "title_folded", "body_folded")
                .rows(rows).run()
        }
        try await sql.update(sources).set("digest", to: digest).where("source", .equal, source).run()
    }

    /// Takes `source` out of the index.
    static func remove(_ source: String, on db: any Database) async throws {
        try await replace(source, with: [], on: db)
    }
}
