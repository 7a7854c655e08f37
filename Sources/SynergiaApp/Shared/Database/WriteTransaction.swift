import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit

/// One write that depends on what it read, with everything it needs to be atomic: the
/// transaction's database, row locks for the rows it reads before changing them, and the
/// audit entries it records (chained in the same transaction, so a write and its entry
/// exist together or not at all).
///
/// Open one with ``FluentKit/Database/write(_:)``; never start a transaction any other way for
/// a write that reads first.
public struct WriteContext: Sendable {
    /// The transaction. Every read and write of the operation goes through it.
    public let db: any Database
    let audit: AuditBuffer

    /// `db` as SQLKit sees it.
    public var sql: any SQLDatabase { db.sql }

    /// Locks the rows of `table` where `column` equals `value` until the transaction ends, so
    /// what is read next cannot change before this transaction commits. PostgreSQL takes row
    /// locks (`SELECT … FOR UPDATE`); SQLite's write transactions hold the whole database.
    public func lock(_ table: String, where column: String, equals value: some Encodable & Sendable) async throws {
        guard db.isPostgres else { return }
        _ = try await sql.select().column(column).from(table).where(SQLIdentifier(column), .equal, SQLBind(value))
            .for(.update).all()
    }

    /// Takes the transaction-long lock named `name` (PostgreSQL's advisory lock on its hash): writes
    /// that take the same name take turns, without locking any row others read or point at (a
    /// foreign key's insert waits on a locked row). SQLite's write transactions hold the whole database.
    public func lock(named name: String) async throws {
        guard db.isPostgres else { return }
        _ = try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: name)))").all()
    }

    /// ``lock(_:where:equals:)`` on rows named by two columns.
    public func lock(_ table: String, where column: String, equals value: some Encodable & Sendable,
                     and second: String, equals secondValue: some Encodable & Sendable) async throws {
        guard db.isPostgres else { return }
        _ = try await sql.select().column(column).from(table).where(SQLIdentifier(column), .equal, SQLBind(value))
            .where(SQLIdentifier(second), .equal, SQLBind(secondValue)).for(.update).all()
    }
}

extension Database {
    /// Runs `body` as one write transaction: all of it or nothing.
    ///
    /// - SQLite: one write transaction at a time in this process (others wait their turn, they
    ///   never fail with "database is locked"), which takes the database's write lock at its
    ///   first statement, and waits up to 10 s for another process's writer.
    /// - PostgreSQL: `READ COMMITTED` with explicit row locks (``WriteContext/lock(_:where:equals:)``)
    ///   and compare-and-set updates; a transaction the server aborts as a deadlock or a
    ///   serialization failure is run again (up to 4 times).
    ///
    /// The audit entries recorded through the context are chained at the end, in the same transaction.
    public func write<T: Sendable>(_ body: @escaping @Sendable (WriteContext) async throws -> T) async throws -> T {
        if isPostgres {
            var attempt = 0
            while true {
                attempt += 1
                do {
                    return try await transaction { db in try await WriteContext.run(body, on: db) }
                } catch where attempt < 4 && DatabaseFailure.isRetryable(error) {
                    try await Task.sleep(for: .milliseconds(Int.random(in: 5...40) * attempt))
                }
            }
        }
        return try await SQLiteWriter.mutex.withLock {
            try await withConnection { db in
                let connection = try await SQLiteWriter.prepared(db)
                // `IMMEDIATE` takes the write lock now, before anything is read: a read
                // transaction that later wants to write can fail at once when another connection
                // wrote in between. (Fluent's own transaction would begin a deferred one.)
                try await db.sql.raw("BEGIN IMMEDIATE").run()
                let result: T
                do {
                    result = try await WriteContext.run(body, on: db)
                    try await db.sql.raw("COMMIT").run()
                } catch {
                    do {
                        try await db.sql.raw("ROLLBACK").run()
                    } catch {
                        // A connection left inside its transaction would hold the write lock and
                        // fail every later BEGIN: closed, the pool opens a new one instead.
                        try? await connection.close().get()
                    }
                    throw error
                }
                return result
            }
        }
    }
}

extension WriteContext {
    static func run<T: Sendable>(_ body: @Sendable (WriteContext) async throws -> T, on db: any Database) async throws -> T {
        let context = WriteContext(db: db, audit: AuditBuffer())
        let result = try await body(context)
        try await AuditLog.flush(context)
        return result
    }
}

/// SQLite has one writer at a time; in this process, writers take turns here instead of
/// spinning on the database's lock.
enum SQLiteWriter {
    static let mutex = AsyncMutex()
    private static let prepared = PreparedConnections()

    /// The leased connection under `db`, made to wait up to 10 s for another process's writer
    /// (SQLiteNIO's own busy handler retries at once, for ever) and given its page cache
    /// (``SQLiteSettings``), once per connection: the settings stay with it.
    static func prepared(_ db: any Database) async throws -> SQLiteConnection {
        guard let sqlite = db as? any SQLiteDatabase else { preconditionFailure("a write on SQLite without an SQLite connection") }
        let connection = try await sqlite.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
        if !prepared.contains(connection) {
            try await db.sql.raw("PRAGMA busy_timeout = 10000").run()
            try await SQLiteSettings.apply(on: db)
            prepared.insert(connection)
        }
        return connection
    }

    /// The connections already prepared, held weakly: a closed connection's entry never stands
    /// for a new one that happens to reuse its address.
    final class PreparedConnections: @unchecked Sendable {
        private struct Entry { weak var connection: SQLiteConnection? }
        private let lock = NSLock()
        private var entries: [ObjectIdentifier: Entry] = [:]

        func contains(_ connection: SQLiteConnection) -> Bool {
            lock.withLock { entries[ObjectIdentifier(connection)]?.connection === connection }
        }

        /// Remembered once its setting is made.
        func insert(_ connection: SQLiteConnection) {
            lock.withLock {
                if entries.count > 64 { entries = entries.filter { $0.value.connection != nil } }
                entries[ObjectIdentifier(connection)] = Entry(connection: connection)
            }
        }
    }
}

extension Model {
    /// Creates the row inside a write. A write that PostgreSQL aborts (a deadlock) is run again;
    /// a model built before the write then already counts as stored, so it is reset first and
    /// inserted afresh (with a new id when it had one).
    func createInWrite(on db: any Database) async throws {
        if _$id.exists {
            _$id.exists = false
            id = nil
        }
        try await create(on: db)
    }
}
