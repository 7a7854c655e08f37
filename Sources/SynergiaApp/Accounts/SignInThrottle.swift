import Fluent
import Foundation
import SQLKit
import Vapor

/// Slows password guessing without locking the owner out (OWASP ASVS 2.2.1). Every attempt is
/// counted before the password is checked, in one transaction per attempt, so attempts made at
/// the same moment are counted one by one:
///
/// - per e-mail address and client: five attempts, then a wait before each further attempt that
///   doubles from 30 seconds up to 15 minutes. The owner, signing in from elsewhere, is not held up.
/// - per client (any e-mail): twenty attempts per 15 minutes.
///
/// A successful sign-in clears its address-and-client count. Counts live in the database, so the
/// limits hold across every `serve` process.
enum SignInThrottle {
    static let table = "sign_in_throttle"
    static let window: TimeInterval = 15 * 60
    static let freeAttemptsPerAccountAndClient = 5
    static let attemptsPerClient = 20
    static let firstDelay: TimeInterval = 30
    static let longestDelay: TimeInterval = 15 * 60

    enum Decision: Equatable, Sendable {
        case allowed
        /// Try again after this many seconds.
        case wait(seconds: Int)
    }

    static func accountKey(email: String, client: String) -> String { "account:\(email)|\(client)" }
    static func clientKey(_ client: String) -> String { "client:\(client)" }

    /// Counts an attempt and says whether it may go ahead.
    static func attempt(email: String, client: String, on db: any Database, now: Date = Date()) async throws -> Decision {
        try await db.write { tx in
            let accountKey = accountKey(email: email, client: client), clientKey = clientKey(client)
            var account = try await row(accountKey, in: tx, now: now)
            var perClient = try await row(clientKey, in: tx, now: now)
            if let blocked = account.blockedUntil, blocked > now { return .wait(seconds: Int(blocked.timeIntervalSince(now).rounded(.up))) }
            if perClient.attempts >= attemptsPerClient {
                return .wait(seconds: Int(perClient.windowStart.addingTimeInterval(window).timeIntervalSince(now).rounded(.up)))
            }
            account.attempts += 1
            perClient.attempts += 1
            if account.attempts >= freeAttemptsPerAccountAndClient {
                let doublings = Double(account.attempts - freeAttemptsPerAccountAndClient)
                account.blockedUntil = now.addingTimeInterval(min(longestDelay, firstDelay * pow(2, doublings)))
            }
            try await save(account, in: tx)
            try await save(perClient, in: tx)
            return .allowed
        }
    }

    /// The attempt succeeded: its address-and-client count is cleared and it no longer counts for the client.
    static func succeeded(email: String, client: String, on db: any Database) async throws {
        try await db.write { tx in
            try await tx.sql.delete(from: table).where("key", .equal, accountKey(email: email, client: client)).run()
            try await tx.sql.update(table).set(SQLIdentifier("attempts"), to: SQLRaw("CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END"))
                .where("key", .equal, clientKey(client)).run()
        }
    }

    struct Row { var key: String; var attempts: Int; var windowStart: Date; var blockedUntil: Date? }

    /// The key's row, locked; a new window when the last one is over.
    private static func row(_ key: String, in tx: WriteContext, now: Date) async throws -> Row {
        try await tx.sql.insert(into: table).columns("key", "attempts", "window_start", "blocked_until")
            .values(SQLBind(key), SQLBind(0), SQLBind(now), SQLBind(Date?.none)).ignoringConflicts(with: ["key"]).run()
        struct Stored: Decodable { var attempts: Int; var window_start: Date; var blocked_until: Date? }
        guard let stored = try await tx.sql.select().columns("attempts", "window_start", "blocked_until").from(table)
            .where("key", .equal, key).for(.update).first(decoding: Stored.self) else { throw Abort(.internalServerError) }
        if now.timeIntervalSince(stored.window_start) > window && (stored.blocked_until ?? .distantPast) <= now {
            return Row(key: key, attempts: 0, windowStart: now, blockedUntil: nil)
        }
        return Row(key: key, attempts: stored.attempts, windowStart: stored.window_start, blockedUntil: stored.blocked_until)
    }

    private static func save(_ row: Row, in tx: WriteContext) async throws {
        try await tx.sql.update(table).set("attempts", to: row.attempts).set("window_start", to: row.windowStart)
            .set("blocked_until", to: row.blockedUntil).where("key", .equal, row.key).run()
    }
}

struct CreateSignInThrottle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SignInThrottle.table)
            .field("key", .string, .identifier(auto: false))
            .field("attempts", .int, .required)
            .field("window_start", .datetime, .required)
            .field("blocked_until", .datetime)
            .create()
        try await database.schema("sign_in_failures").delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInThrottle.table).delete()
    }
}
