import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import PostgresNIO
import SQLiteNIO

/// What a database error means for the code that caused it, the same on both databases.
enum DatabaseFailure {
    /// A unique index refused a row: someone else created the same thing first.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        if let error = error as? SQLiteError {
            return error.reason == .constraintUniqueFailed || error.reason == .constraintPrimaryKeyFailed
        }
        return sqlState(of: error) == "23505"
    }

    /// The transaction lost a race the database resolved by aborting it (a deadlock or a
    /// serialization failure on PostgreSQL, a busy database on SQLite); running it again is safe.
    static func isRetryable(_ error: any Error) -> Bool {
        if let error = error as? SQLiteError {
            return error.reason == .busy || error.reason == .busyTimeout || error.reason == .locked || error.reason == .busyInSnapshot
        }
        guard let state = sqlState(of: error) else { return false }
        return state == "40001" || state == "40P01"
    }

    /// The database cannot store the text it was given (PostgreSQL: a NUL character, an invalid byte sequence).
    static func isUnstorableText(_ error: any Error) -> Bool {
        sqlState(of: error) == "22021" || sqlState(of: error) == "22P05"
    }

    static func sqlState(of error: any Error) -> String? {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
        return nil
    }
}
