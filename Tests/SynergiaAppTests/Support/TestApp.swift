import Fluent
import Foundation
import SQLKit
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor
import VaporTesting

/// Which database the app tests run on: in-memory SQLite by default, PostgreSQL when
/// `SYNERGIA_TEST_DATABASE_URL` names one (as CI's second run does).
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SYNERGIA_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// PostgreSQL when configured; otherwise a fresh SQLite file in the temporary folder (a file,
    /// as in production: WAL, several connections, real locking; an in-memory database is
    /// shared-cache and locks differently).
    static func settings() throws -> DatabaseSettings {
        if let url = postgresURL { return try DatabaseSettings.postgres(url, variable: "SYNERGIA_TEST_DATABASE_URL") }
        return .sqliteFile(path: FileManager.default.temporaryDirectory.appendingPathComponent("synergia-test-\(UUID().uuidString).sqlite").path)
    }
}

/// Tests on PostgreSQL share one database, so they take turns; SQLite tests each have
/// their own in-memory database and run in parallel.
actor DatabaseTurns {
    static let shared = DatabaseTurns()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// Runs `body` with a configured, migrated Synergia app on a fresh database.
func withSynergia(demo: Bool = false, configure adjust: (inout SynergiaSettings) -> Void = { _ in },
                  _ body: (Application) async throws -> Void) async throws {
    let onPostgres = TestDatabase.postgresURL != nil
    if onPostgres { await DatabaseTurns.shared.acquire() }
    let app = try await Application.make(.testing)
    let database = try TestDatabase.settings()
    defer {
        if case .sqliteFile(let path) = database {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
    do {
        var settings = SynergiaSettings(database: database, bcryptCost: 4, demo: demo)
        adjust(&settings)
        try await configure(app, settings: settings)
        if onPostgres, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await prepareDatabase(app)
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        if onPostgres { await DatabaseTurns.shared.release() }
        throw error
    }
    try await app.asyncShutdown()
    if onPostgres { await DatabaseTurns.shared.release() }
}

/// Creates an account directly (as `synergia user add` does).
@discardableResult
func makeUser(_ app: Application, email: String, role: Role, party: String? = nil, convention: String? = nil,
              password: String = "correct horse battery") async throws -> UserModel {
    try await AccountService.create(.init(email: email, password: password, role: role, party: party, convention: convention),
                                    hasher: app.password.async, on: app.db)
}
