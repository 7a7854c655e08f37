import Fluent
import SQLKit

/// Creates the search index: `search_entries` and `search_sources` on both databases; on SQLite two
/// external-content FTS5 tables kept in step by triggers, one with the `trigram` tokenizer over the
/// folded text (so Chinese is found without spaces), one of the two-character Chinese words
/// (``SearchText/bigrams(_:)``, for `湿地`, which no trigram holds); on PostgreSQL the `pg_trgm`
/// extension (trusted: the database's owner may create it), a GIN trigram index over the folded
/// text, a weighted `tsvector` for ranking, and a GIN-indexed `tsvector` of the two-character words.
/// Writes to `search_entries` move the content generation on, like those of every public table.
/// Then indexes what a database from before search has published already (``SearchBackfill``).
/// Every step may run again: a run cut short is finished by the next start.
struct CreateSearchIndex: AsyncMigration {
    let templates: ReportingService.Templates

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        let columns = """
            source TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
            language TEXT NOT NULL, convention_code TEXT, year INTEGER, group_key TEXT,
            title_folded TEXT NOT NULL, body_folded TEXT NOT NULL, bigrams TEXT NOT NULL,
            \(SearchIndex.dateColumns)
            """
        if database.isPostgres {
            do {
                try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            } catch {
                throw SettingsError("""
                    search needs PostgreSQL's pg_trgm extension, which this role may not create: as a superuser, \
                    run CREATE EXTENSION pg_trgm; in Synergia's database, then start again (\(String(reflecting: error)))
                    """)
            }
            try await sql.raw("""
                CREATE TABLE IF NOT EXISTS search_entries (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \(unsafeRaw: columns),
                  folded TEXT GENERATED ALWAYS AS (title_folded || ' ' || body_folded) STORED,
                  tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_folded), 'A') || to_tsvector('simple', body_folded)) STORED,
                  bigram_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', bigrams)) STORED)
                """).run()
            try await sql.raw("CREATE INDEX IF NOT EXISTS search_entries_bigrams ON search_entries USING gin (bigram_words)").run()
            try await sql.raw("CREATE INDEX IF NOT EXISTS search_entries_trigrams ON search_entries USING gin (folded gin_trgm_ops)").run()
        } else {
            try await sql.raw("CREATE TABLE IF NOT EXISTS search_entries (seq INTEGER PRIMARY KEY, \(unsafeRaw: columns))").run()
            try await sql.raw("""
                CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title_folded, body_folded, content='search_entries', content_rowid='seq',
                  tokenize='trigram')
                """).run()
            try await sql.raw("""
                CREATE VIRTUAL TABLE IF NOT EXISTS search_bigrams USING fts5(bigrams, content='search_entries', content_rowid='seq',
                  tokenize='unicode61')
                """).run()
            try await sql.raw("""
                CREATE TRIGGER IF NOT EXISTS search_entries_insert AFTER INSERT ON search_entries BEGIN
                  INSERT INTO search_fts (rowid, title_folded, body_folded) VALUES (new.seq, new.title_folded, new.body_folded);
                  INSERT INTO search_bigrams (rowid, bigrams) VALUES (new.seq, new.bigrams); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER IF NOT EXISTS search_entries_delete AFTER DELETE ON search_entries BEGIN
                  INSERT INTO search_fts (search_fts, rowid, title_folded, body_folded) VALUES ('delete', old.seq, old.title_folded, old.body_folded);
                  INSERT INTO search_bigrams (search_bigrams, rowid, bigrams) VALUES ('delete', old.seq, old.bigrams); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER IF NOT EXISTS search_entries_update AFTER UPDATE ON search_entries BEGIN
                  INSERT INTO search_fts (search_fts, rowid, title_folded, body_folded) VALUES ('delete', old.seq, old.title_folded, old.body_folded);
                  INSERT INTO search_fts (rowid, title_folded, body_folded) VALUES (new.seq, new.title_folded, new.body_folded);
                  INSERT INTO search_bigrams (search_bigrams, rowid, bigrams) VALUES ('delete', old.seq, old.bigrams);
                  INSERT INTO search_bigrams (rowid, bigrams) VALUES (new.seq, new.bigrams); END
                """).run()
        }
        // A table made by a start cut short before entries had dates gets them now.
        try await SearchIndex.addDateColumns(on: database)
        try await sql.raw("CREATE INDEX IF NOT EXISTS search_entries_source ON search_entries (source)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS search_entries_group ON search_entries (group_key, language)").run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS search_entries_updated ON search_entries (updated_at)").run()
        try await sql.raw("CREATE TABLE IF NOT EXISTS search_sources (source TEXT PRIMARY KEY, digest TEXT NOT NULL)").run()
        // A run cut short (this migration is not one transaction) left the trigger, or did not get to it.
        try await ContentGeneration.dropTrigger(from: SearchIndex.entries, on: database)
        try await ContentGeneration.addTrigger(to: SearchIndex.entries, on: database)
        try await SearchBackfill.run(templates: templates, on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        if !database.isPostgres {
            try await sql.raw("DROP TABLE IF EXISTS search_fts").run()
            try await sql.raw("DROP TABLE IF EXISTS search_bigrams").run()
        }
        try await sql.raw("DROP TABLE IF EXISTS search_entries").run()
        try await sql.raw("DROP TABLE IF EXISTS search_sources").run()
    }

    /// The tables FTS5 keeps for `search_fts` (SQLite only); no page reads them but through the index.
    static let sqliteShadowTables = ["search_fts", "search_bigrams"].flatMap { [$0, "\($0)_data", "\($0)_idx", "\($0)_docsize", "\($0)_config"] }
}
