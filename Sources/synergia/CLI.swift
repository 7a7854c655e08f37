import Foundation
import Logging
import SynergiaApp
import Vapor

/// What every database command shares: settings from the environment, an application,
/// a migrated database, a clean shutdown, and one clear line when something fails.
enum CLI {
    /// `migrate: false` opens the database as it is, changing nothing (for `audit verify`).
    static func withApplication(arguments: [String] = ["synergia"], demo: Bool = false, backgroundJobs: Bool = false,
                                migrate: Bool = true, _ body: (Application) async throws -> Void) async throws {
        let environmentName = ProcessInfo.processInfo.environment["SYNERGIA_ENV"] ?? "development"
        var environment = Environment(name: environmentName, arguments: arguments)
        try LoggingSystem.bootstrap(from: &environment)
        var settings: SynergiaSettings
        do {
            settings = try SynergiaSettings.from(environment: ProcessInfo.processInfo.environment,
                                                 production: environment == .production)
        } catch {
            throw CLIError("\(error)")
        }
        settings.demo = demo
        settings.backgroundJobs = backgroundJobs
        let app = try await Application.make(environment)
        do {
            try await configure(app, settings: settings)
            do {
                if migrate { try await prepareDatabase(app) }
            } catch {
                throw CLIError("cannot open the database (\(settings.database)): \(String(describing: error))")
            }
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

/// A failure explained in one line; exits with status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
