import Foundation

/// Everything that configures one Synergia process, read from the environment.
public struct SynergiaSettings: Sendable {
    public var database: DatabaseSettings
    /// Mark cookies `Secure` (sent over HTTPS only). On by default in production.
    public var secureCookies: Bool
    /// bcrypt cost; tests lower it to stay fast.
    public var bcryptCost: Int
    /// Show the demo banner (the server runs with demo content).
    public var demo: Bool
    /// Run background work (notification delivery); on for `serve`, off for tests and one-off commands.
    public var backgroundJobs: Bool

    public init(database: DatabaseSettings, secureCookies: Bool = false, bcryptCost: Int = 12, demo: Bool = false,
                backgroundJobs: Bool = false) {
        self.database = database
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.demo = demo
        self.backgroundJobs = backgroundJobs
    }

    /// Reads `DATABASE_URL`, `SYNERGIA_DB` and `SYNERGIA_SECURE_COOKIES` (`1` or `0`).
    public static func from(environment: [String: String], production: Bool) throws -> SynergiaSettings {
        let secure = environment["SYNERGIA_SECURE_COOKIES"].map { $0 == "1" || $0.lowercased() == "true" } ?? production
        return SynergiaSettings(database: try DatabaseSettings.from(environment: environment), secureCookies: secure)
    }
}
