import Fluent
import SQLKit
import Vapor

/// What each SQLite connection is set to beyond SQLite's defaults.
///
/// The page cache: SQLite keeps 2 MiB of pages per connection unless told otherwise, so a search
/// (a few thousand rows of the index looked up by rowid, then their sizes for ranking) read most
/// pages again from the file system, one `pread` each. 16 MiB holds what searches and pages read
/// on a database of `synergia seed --scale` (BENCHMARKS.md, "Search under load"); Fluent's SQLite
/// pool has one connection per event loop, so that is 16 MiB a core at most.
enum SQLiteSettings {
    static let pageCacheKiB = 16 * 1024

    /// Sets this connection's page cache.
    static func apply(on db: any Database) async throws {
        try await db.sql.raw("PRAGMA cache_size = \(unsafeRaw: "-\(pageCacheKiB)")").run()
    }

    /// Sets every pooled connection's page cache: the pool keeps one connection per event loop
    /// open for as long as it works. One opened later (after an error closed one) gets the setting
    /// with its first write (``SQLiteWriter/prepared(_:)``); until then it only reads more slowly.
    static func applyToPool(_ app: Application) async throws {
        for loop in app.eventLoopGroup.makeIterator() {
            guard let db = app.databases.database(logger: app.logger, on: loop) else { continue }
            try await apply(on: db)
        }
    }
}
