import Fluent
import Foundation
import SQLKit
import Vapor

/// Backs up the database: SQLite with `VACUUM INTO` (a transactionally consistent copy,
/// taken while other connections keep reading and writing); PostgreSQL with pg_dump.
public enum DatabaseBackup {
    /// Writes the copy and returns what to tell the person.
    public static func run(_ app: Application, to file: String) async throws -> String {
        switch app.synergia.settings.database {
        case .postgres(let url):
            let safe = DatabaseSettings.redacted(url.absoluteString)
            return """
            Synergia is on PostgreSQL; back it up with PostgreSQL's own tool, e.g.:
              pg_dump --format=custom --file=\(file) "\(safe)"
            (give the password with PGPASSWORD or ~/.pgpass). Restore with pg_restore --clean --dbname=URL \(file).
            """
        case .sqliteMemory:
            throw SettingsError("an in-memory database cannot be backed up")
        case .sqliteFile(let path):
            guard !FileManager.default.fileExists(atPath: file) else {
                throw SettingsError("\(file) exists already; choose a new file name")
            }
            guard let sql = app.db as? any SQLDatabase else { throw SettingsError("not an SQL database") }
            try await sql.raw("VACUUM INTO \(bind: file)").run()
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            return "Backed up \(path) to \(file) (\(size) bytes)."
        }
    }
}
