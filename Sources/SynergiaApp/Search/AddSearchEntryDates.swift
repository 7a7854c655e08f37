import Fluent
import SQLKit

/// Gives the entries of an index made before saved searches their digest and date
/// (``SearchIndex/dateColumns``), then rewrites every source (its format moved on), so each entry
/// is dated from now on. An index created since has the columns already and is left as it is.
struct AddSearchEntryDates: AsyncMigration {
    let templates: ReportingService.Templates

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await SearchIndex.addDateColumns(on: database)
        try await sql.raw("CREATE INDEX IF NOT EXISTS search_entries_updated ON search_entries (updated_at)").run()
        try await SearchBackfill.run(templates: templates, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX IF EXISTS search_entries_updated").run()
    }
}
