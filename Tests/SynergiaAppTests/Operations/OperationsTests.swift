import Fluent
import Foundation
import SQLKit
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Operations")
struct OperationsTests {
    @Test("/healthz and /readyz answer when the database is there")
    func health() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app)
            #expect(try await browser.get("/healthz").body == "{\"status\":\"ok\"}")
            #expect(try await browser.get("/readyz").status == .ok)
        }
    }

    @Test("a bad DATABASE_URL is refused with a message that names it")
    func badDatabaseURL() throws {
        #expect(throws: SettingsError.self) { try DatabaseSettings.from(environment: ["DATABASE_URL": "mysql://x@y/z"]) }
        do {
            _ = try DatabaseSettings.from(environment: ["DATABASE_URL": "postgres://user:secret@/nodb"])
            Issue.record("accepted a URL without host")
        } catch {
            #expect("\(error)".contains("DATABASE_URL"))
            #expect(!"\(error)".contains("secret"), "the password is never printed")
        }
        #expect(try DatabaseSettings.from(environment: [:]) == .sqliteFile(path: "synergia.sqlite"))
        #expect(try DatabaseSettings.from(environment: ["SYNERGIA_DB": "/tmp/x.sqlite"]) == .sqliteFile(path: "/tmp/x.sqlite"))
    }

    @Test("backup: a consistent SQLite copy, or pg_dump instructions on PostgreSQL")
    func backup() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synergia-backup-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if TestDatabase.postgresURL != nil {
            try await withSynergia { app async throws in
                let message = try await DatabaseBackup.run(app, to: "synergia.dump")
                #expect(message.contains("pg_dump"))
                #expect(!message.contains("synergia:synergia@"), "the password is not printed")
            }
            return
        }
        let app = try await Application.make(.testing)
        do {
            let source = directory.appendingPathComponent("live.sqlite").path
            try await configure(app, settings: SynergiaSettings(database: .sqliteFile(path: source), bcryptCost: 4))
            try await prepareDatabase(app)
            try await makeUser(app, email: "kept@example.org", role: .bureau)
            let target = directory.appendingPathComponent("copy.sqlite").path
            let message = try await DatabaseBackup.run(app, to: target)
            #expect(message.contains("Backed up"))
            await #expect(throws: SettingsError.self) { try await DatabaseBackup.run(app, to: target) }
            try await app.asyncShutdown()

            // The copy is a working Synergia database with the account in it.
            let restored = try await Application.make(.testing)
            try await configure(restored, settings: SynergiaSettings(database: .sqliteFile(path: target), bcryptCost: 4))
            try await prepareDatabase(restored)
            #expect(try await UserModel.query(on: restored.db).filter(\.$email == "kept@example.org").first() != nil)
            try await restored.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    @Test("runs on PostgreSQL when SYNERGIA_TEST_DATABASE_URL is set", .enabled(if: TestDatabase.postgresURL != nil))
    func postgres() async throws {
        try await withSynergia { app async throws in
            let sql = try #require(app.db as? any SQLDatabase)
            let row = try await sql.raw("SELECT version() AS v").first()
            let version = try row?.decode(column: "v", as: String.self) ?? ""
            print("PostgreSQL tests ran against: \(version)")
            #expect(version.hasPrefix("PostgreSQL"))
        }
    }
}
