import Fluent
import SQLKit

extension Database {
    /// This database as SQLKit sees it. Both drivers Synergia uses (SQLite and PostgreSQL) are
    /// SQL databases, so this never fails for a database `configure` set up.
    public var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Synergia runs on SQL databases only (SQLite or PostgreSQL), not \(type(of: self))")
        }
        return sql
    }

    /// Whether this is PostgreSQL (row locks, `FOR UPDATE`); otherwise it is SQLite.
    public var isPostgres: Bool { sql.dialect.name == "postgresql" }
}
