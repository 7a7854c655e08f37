import Fluent
import FluentPostgresDriver
import SQLKit
import Vapor

/// Two more numbers the database moves on in the writing transaction, beside
/// ``ContentGeneration``: `workspace` with every committed change to what only those preparing
/// a report see and a kept report page shows (comments, assignments, draft indicator values),
/// and `sessions` with every session that ends or changes (a
/// sign-out, a revocation, a purge; not the renewal of one in use). What is kept in memory for
/// a signed-in reader (``SessionCache``, ``WorkspacePageCache``) is kept under all the
/// generations it depends on, so no process serves it after such a write, whoever made it.
///
/// On PostgreSQL every bump first takes the content generation's row lock, so two writers
/// always lock the generation rows in the same order (content first) and never deadlock on them.
enum PrivateGenerations {
    static let table = "private_generations"
    static let sessionTable = SessionStore.table
    /// API tokens: a revoked or reassigned token moves `sessions` on, as an ended session does
    /// (``AddAPITokenGenerationTriggers``), so a token found current may be kept in memory.
    static let tokenTable = APITokenModel.schema

    /// The workspace's tables: every write to one of them moves `workspace` on.
    /// (A kept report page reads these three; add a table here before a kept page reads it.)
    static let workspaceTables = ["question_comments", "section_assignments", "indicator_draft_values", "report_visits"]
    /// Workspace tables made by migrations that run after ``CreatePrivateGenerations``; each adds its own trigger.
    static let laterWorkspaceTables = ["report_visits"]

    /// Tables nothing kept in memory reads: sign-in limits, the outbox, the audit chain, PDFs, import staging, answer history (shown on its
    /// own pages, never kept), saved searches (read by their owner's page and the e-mails, never kept),
    /// Fluent's own, the generations themselves, and the search index's digests and
    /// SQLite's FTS5 tables (written only beside `search_entries`, which is public).
    static let unwatchedTables = [
        "sign_in_throttle", "sign_in_failures", "notifications", "audit_log", "audit_head", "report_pdfs",
        "indicator_import_rows", "answer_history", "_fluent_migrations", "_fluent_sessions", "_fluent_enums",
        ContentGeneration.table, table, SearchIndex.sources, SavedSearchModel.schema,
    ] + CreateSearchIndex.sqliteShadowTables

    /// The session columns whose change ends or narrows a session (`last_seen_at` and a later
    /// `expires_at` are its renewal while in use).
    static let sessionChange = """
        NEW.token_sha256 <> OLD.token_sha256 OR NEW.user_id <> OLD.user_id OR NEW.epoch <> OLD.epoch \
        OR NEW.created_at <> OLD.created_at OR NEW.expires_at < OLD.expires_at
        """

    /// The API token columns whose change makes it another token (`last_used_at`, `name` do not).
    static let tokenChange = "NEW.token_sha256 <> OLD.token_sha256 OR NEW.user_id <> OLD.user_id"
}

/// The three generations, read together.
struct Generations: Sendable, Equatable {
    var content: Int64
    var workspace: Int64
    var sessions: Int64

    static func current(on db: any Database) async throws -> Generations {
        let row: (content: Int64?, workspace: Int64?, sessions: Int64?)?
        struct Row: Decodable { var content: Int64?; var workspace: Int64?; var sessions: Int64? }
        func unprepared() async throws -> (Int64?, Int64?, Int64?)? {
            try await db.sql.raw(SQLQueryString(Statement.sql)).first(decoding: Row.self).map { ($0.content, $0.workspace, $0.sessions) }
        }
        if let postgres = db as? any PostgresDatabase {
            do {
                row = try await Statement.run(on: postgres, logger: db.logger)
            } catch {
                // The connection that failed was closed (PostgresNIO would repeat a failed prepare's
                // error on it for ever); this read goes unprepared, on another.
                row = try await unprepared()
            }
        } else {
            row = try await unprepared()
        }
        guard let content = row?.content, let workspace = row?.workspace, let sessions = row?.sessions else {
            // Without its rows nothing would move on: refuse rather than serve what may be old.
            throw Abort(.serviceUnavailable, reason: "generation rows missing")
        }
        return Generations(content: content, workspace: workspace, sessions: sessions)
    }

    /// The read of the three, the one statement every request waits for (shared). On PostgreSQL
    /// it is prepared once per connection: parsing and planning it again for each read cost the
    /// server more than running it (pgbench: 144 µs a read unprepared, 59 µs prepared).
    struct Statement: PostgresPreparedStatement {
        static let name = "synergia_generations"
        static let sql = """
            SELECT (SELECT value FROM content_generation WHERE id = 1) AS content,
                   (SELECT value FROM private_generations WHERE name = 'workspace') AS workspace,
                   (SELECT value FROM private_generations WHERE name = 'sessions') AS sessions
            """
        typealias Row = (Int64?, Int64?, Int64?)

        func makeBindings() -> PostgresBindings { PostgresBindings() }
        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }

        /// The read on a pooled connection; a connection on which it fails is closed, so that the
        /// pool opens a new one: PostgresNIO keeps a failed prepare's error for the connection's
        /// life, and a statement dropped by the server (`DISCARD ALL`) or made invalid by a
        /// migration would otherwise fail every read on it.
        static func run(on postgres: any PostgresDatabase, logger: Logger) async throws -> Row? {
            try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    do {
                        var first: Row?
                        for try await row in try await connection.execute(Statement(), logger: logger) where first == nil { first = row }
                        return first
                    } catch {
                        try? await connection.close().get()
                        throw error
                    }
                }
            }.get()
        }
    }

    /// The generations a kept page depends on (the session is checked for every request anyway).
    var withoutSessions: Generations { Generations(content: content, workspace: workspace, sessions: 0) }
}

/// Creates `private_generations` and its triggers.
struct CreatePrivateGenerations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("CREATE TABLE private_generations (name VARCHAR(16) PRIMARY KEY, value BIGINT NOT NULL)").run()
        // Starting from the clock, as every bump does, so a rebuilt database never repeats an old value.
        let now = database.isPostgres ? "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"
            : "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"
        try await sql.raw("INSERT INTO private_generations (name, value) VALUES ('workspace', \(unsafeRaw: now)), ('sessions', \(unsafeRaw: now))").run()
        if database.isPostgres {
            try await sql.raw("""
                CREATE FUNCTION private_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE flag text := 'synergia.moved_' || TG_ARGV[0];
                BEGIN
                  IF coalesce(current_setting(flag, true), '') <> txid_current()::text THEN
                    PERFORM value FROM content_generation WHERE id = 1 FOR UPDATE;
                    UPDATE private_generations
                      SET value = greatest(value + 1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint) WHERE name = TG_ARGV[0];
                    PERFORM set_config(flag, txid_current()::text, true);
                  END IF;
                  RETURN NULL;
                END $$
                """).run()
        }
        for table in PrivateGenerations.workspaceTables where !PrivateGenerations.laterWorkspaceTables.contains(table) {
            try await Self.addTrigger(on: table, events: ["INSERT", "UPDATE", "DELETE"], generation: "workspace", on: database)
        }
        try await Self.addTrigger(on: PrivateGenerations.sessionTable, events: ["DELETE"], generation: "sessions", on: database)
        try await Self.addTrigger(on: PrivateGenerations.sessionTable, events: ["UPDATE"], when: PrivateGenerations.sessionChange,
                             generation: "sessions", on: database)
    }

    /// Moves `generation` on after each of `events` on `table` (when `when` holds, if given).
    static func addTrigger(on table: String, events: [String], when: String? = nil, generation: String, on database: any Database) async throws {
        let sql = database.sql
        let condition = when.map { "WHEN (\($0))" } ?? ""
        if database.isPostgres {
            let name = "private_generation_\(events.joined(separator: "_").lowercased())"
            let pgCondition = condition.replacingOccurrences(of: " <> ", with: " IS DISTINCT FROM ")
            try await sql.raw("""
                CREATE CONSTRAINT TRIGGER \(ident: name) AFTER \(unsafeRaw: events.joined(separator: " OR ")) ON \(ident: table)
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW \(unsafeRaw: pgCondition) EXECUTE FUNCTION private_generation_bump(\(literal: generation))
                """).run()
            if events.contains("DELETE") {
                try await sql.raw("""
                    CREATE TRIGGER private_generation_truncate AFTER TRUNCATE ON \(ident: table)
                    FOR EACH STATEMENT EXECUTE FUNCTION private_generation_bump(\(literal: generation))
                    """).run()
            }
        } else {
            for event in events {
                try await sql.raw("""
                    CREATE TRIGGER \(ident: "private_generation_\(table)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: table)
                    \(unsafeRaw: condition)
                    BEGIN UPDATE private_generations
                      SET value = max(value + 1, CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)) WHERE name = \(literal: generation); END
                    """).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await ContentGeneration.drop(PrivateGenerations.table, prefix: "private_generation",
                                         triggersOn: PrivateGenerations.workspaceTables.filter { !PrivateGenerations.laterWorkspaceTables.contains($0) }
                                            + [PrivateGenerations.sessionTable],
                                         postgresTriggers: ["private_generation_insert_update_delete", "private_generation_delete",
                                                            "private_generation_update", "private_generation_truncate"],
                                         on: database)
    }
}

/// Moves `sessions` on when an API token is revoked (deleted) or made another's, so that
/// ``APITokenAuthenticator`` may keep a token found current under the generations.
struct AddAPITokenGenerationTriggers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await CreatePrivateGenerations.addTrigger(on: PrivateGenerations.tokenTable, events: ["DELETE"], generation: "sessions", on: database)
        try await CreatePrivateGenerations.addTrigger(on: PrivateGenerations.tokenTable, events: ["UPDATE"], when: PrivateGenerations.tokenChange,
                                                      generation: "sessions", on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        let table = PrivateGenerations.tokenTable
        if database.isPostgres {
            for name in ["private_generation_delete", "private_generation_update", "private_generation_truncate"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: name) ON \(ident: table)").run()
            }
        } else {
            for event in ["delete", "update"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: "private_generation_\(table)_\(event)")").run()
            }
        }
    }
}
