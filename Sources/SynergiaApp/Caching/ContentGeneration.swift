import Fluent
import SQLKit

/// A number the database moves on with every committed change to anything a public page or
/// API shows, in the same transaction as the change: triggers on every public table move the
/// one row of `content_generation` on. A cached public page is kept under the generation it
/// was built at and served only while the generation is unchanged, so no reader sees a page
/// older than the last write, whichever process (or the CLI) made it.
///
/// The new value is at least the clock in microseconds, so it keeps growing across a restore of
/// an older backup. On PostgreSQL the row is moved on once per transaction, at its commit (a
/// deferred trigger): its lock is the last one a writer takes, so two writers never wait for
/// each other's locks in opposite orders on its account.
enum ContentGeneration {
    static let table = "content_generation"

    /// Tables shown to the public: every write to one of them invalidates cached pages.
    static let publicTables = [
        "conventions", "frameworks", "goals", "targets", "parties", "party_memberships", "reference_versions",
        "decisions", "decision_references", "action_items", "meetings", "agenda_items", "meeting_documents",
        "meeting_participants", "document_transmissions", "advisory_calls", "advisory_nominations",
        "advisory_observers", "news_items", "reporting_cycles", "reports", "answers", "element_values", "indicator_series", "indicator_values", "national_indicators",
        "progress_assessments", "target_links", "users", SearchIndex.entries, ContentTranslationModel.schema,
        IndicatorStatementModel.schema, NationalTargetModel.schema, AttachmentModel.schema, NationalTargetDocumentModel.schema,
    ]

    /// Public tables made by migrations that run after ``CreateContentGeneration``; each adds its own trigger.
    static let laterPublicTables = [SearchIndex.entries, ContentTranslationModel.schema, IndicatorStatementModel.schema,
                                     NationalTargetModel.schema, AttachmentModel.schema, NationalTargetDocumentModel.schema]

    /// Tables no public page or API reads: the workspace's (``PrivateGenerations/workspaceTables``,
    /// which move the workspace generation on), sessions (which move the session generation
    /// on), and those no cached answer depends on.
    static var privateTables: [String] {
        PrivateGenerations.workspaceTables + PrivateGenerations.unwatchedTables + [PrivateGenerations.sessionTable, PrivateGenerations.tokenTable]
    }

    /// The current generation.
    static func current(on db: any Database) async throws -> Int64 {
        struct Row: Decodable { var value: Int64 }
        return try await db.sql.select().column("value").from(table).where("id", .equal, 1).first(decoding: Row.self)?.value ?? 0
    }
}

/// Creates `content_generation` and the triggers that move it on. A later migration that adds a
/// public table adds its trigger with ``ContentGeneration/addTrigger(to:on:)``; a test fails
/// while any table is in neither list.
struct CreateContentGeneration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("CREATE TABLE content_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO content_generation (id, value) VALUES (1, 1)").run()
        if database.isPostgres {
            // Once per transaction: a transaction-local setting remembers that this one moved it on.
            try await sql.raw("""
                CREATE FUNCTION content_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF coalesce(current_setting('synergia.generation_moved', true), '') <> txid_current()::text THEN
                    UPDATE content_generation
                      SET value = greatest(value + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint) WHERE id = 1;
                    PERFORM set_config('synergia.generation_moved', txid_current()::text, true);
                  END IF;
                  RETURN NULL;
                END $$
                """).run()
        }
        for table in ContentGeneration.publicTables where !ContentGeneration.laterPublicTables.contains(table) {
            try await ContentGeneration.addTrigger(to: table, on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await ContentGeneration.drop(ContentGeneration.table, prefix: "content_generation", triggersOn: ContentGeneration.publicTables.filter { !ContentGeneration.laterPublicTables.contains($0) },
                                         postgresTriggers: ["content_generation_bump", "content_generation_truncate"], on: database)
    }
}

extension ContentGeneration {
    /// Undoes a generation's migration: the triggers named `prefix_TABLE_EVENT` (SQLite) or
    /// `postgresTriggers` on each of `tables`, the function `prefix_bump()` (PostgreSQL) and the table.
    static func drop(_ generationTable: String, prefix: String, triggersOn tables: [String], postgresTriggers: [String],
                     on database: any Database) async throws {
        let sql = database.sql
        for table in tables {
            if database.isPostgres {
                for name in postgresTriggers { try await sql.raw("DROP TRIGGER IF EXISTS \(ident: name) ON \(ident: table)").run() }
            } else {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(ident: "\(prefix)_\(table)_\(event)")").run()
                }
            }
        }
        if database.isPostgres { try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: prefix)_bump()").run() }
        try await sql.raw("DROP TABLE \(ident: generationTable)").run()
    }
}

extension ContentGeneration {
    /// Takes away what ``addTrigger(to:on:)`` made on `table` (none there: nothing happens).
    static func dropTrigger(from table: String, on database: any Database) async throws {
        let sql = database.sql
        if database.isPostgres {
            for name in ["content_generation_bump", "content_generation_truncate"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: name) ON \(ident: table)").run()
            }
        } else {
            for event in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: "content_generation_\(table)_\(event)")").run()
            }
        }
    }

    /// Makes every committed insert, update or delete on `table` move the generation on.
    /// PostgreSQL: a row trigger deferred to the commit (once per transaction), and one for TRUNCATE;
    /// SQLite: row triggers (one write transaction at a time, so no lock order to keep).
    static func addTrigger(to table: String, on database: any Database) async throws {
        let sql = database.sql
        if database.isPostgres {
            try await sql.raw("""
                CREATE CONSTRAINT TRIGGER content_generation_bump AFTER INSERT OR UPDATE OR DELETE ON \(ident: table)
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION content_generation_bump()
                """).run()
            try await sql.raw("""
                CREATE TRIGGER content_generation_truncate AFTER TRUNCATE ON \(ident: table)
                FOR EACH STATEMENT EXECUTE FUNCTION content_generation_bump()
                """).run()
        } else {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER \(ident: "content_generation_\(table)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: table)
                    BEGIN UPDATE content_generation
                      SET value = max(value + 1, CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)) WHERE id = 1; END
                    """).run()
            }
        }
    }
}
