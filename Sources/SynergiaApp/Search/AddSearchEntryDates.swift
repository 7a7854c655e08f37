import Fluent
import SQLKit

/// Gives the entries of an index made before saved searches their digest and date
/// (``SearchIndex/dateColumns``), then rewrites every source (its format moved on), so each entry
/// is dated from now on. An index created since has the columns already and is left as it is.
struct AddSearchEntryDates: AsyncMigration {
    let templates: ReportingService.Templates

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        struct Column: Decodable { var name: String }
        let columns = try await sql.raw(database.isPostgres
            ? "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'search_entries'"
            : "SELECT name FROM pragma_table_info('search_entries')").all(decoding: Column.self).map(\.name)
        if !columns.contains("entry_digest") {
            try await sql.raw("ALTER TABLE search_entries ADD COLUMN entry_digest TEXT").run()
        }
        if !columns.contains("updated_at") {
            try await sql.raw("ALTER TABLE search_entries ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0").run()
        }
        try await sql.raw("CREATE INDEX IF NOT EXISTS search_entries_updated ON search_entries (updated_at)").run()
        try await SearchBackfill.run(templates: templates, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX IF EXISTS search_entries_updated").run()
    }
}
