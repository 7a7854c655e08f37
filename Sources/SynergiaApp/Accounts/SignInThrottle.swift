import Fluent
import Foundation
import SQLKit
import Vapor

/// Slows password guessing without locking the owner out (OWASP ASVS 2.2.1). Every attempt is
/// counted before the password is checked, in one transaction per attempt, so attempts made at
/// the same moment are counted one by one:
///
/// - per address and client: five attempts, then a wait before each further one that doubles
///   from 30 seconds up to 15 minutes; the count starts again only after an hour without attempts.
/// - per client (any address): 100 attempts per 15 minutes (a whole office behind one address
///   mistypes less than that).
/// - per address from every client: after 20 failures within an hour, one attempt per 40 seconds
///   (at most 90 guesses an hour, however many machines try) — except from a client that signed
///   in to the account before, so the owner is not held up by an attack from elsewhere.
///
/// A client is its IPv4 address, or the /64 network of its IPv6 address. Counts live in the
/// database, so the limits hold across every `serve` process.
enum SignInThrottle {
    static let table = "sign_in_throttle"
    static let freeAttemptsPerAccountAndClient = 5
    static let firstDelay: TimeInterval = 30
    static let longestDelay: TimeInterval = 15 * 60
    static let quietPeriod: TimeInterval = 60 * 60
    static let attemptsPerClient = 100
    static let clientWindow: TimeInterval = 15 * 60
    static let failuresBeforePacing = 20
    static let pacing: TimeInterval = 40
    static let knownClientFor: TimeInterval = 90 * 24 * 3600

    enum Decision: Equatable, Sendable {
        case allowed
        /// Try again after this many seconds.
        case wait(seconds: Int)
    }

    /// The client as the limits count it: an IPv4 address, or the /64 of an IPv6 one.
    static func clientGroup(_ address: String) -> String {
        guard let bytes = CIDR.parse(address), bytes.count == 16 else { return address }
        return bytes.prefix(8).map { String(format: "%02x", $0) }.joined() + "::/64"
    }

    /// Counts an attempt to sign in to `email` from `client` and says whether it may go ahead.
    static func attempt(email: String, client rawClient: String, on db: any Database, now: Date = Date()) async throws -> Decision {
        let client = clientGroup(rawClient)
        return try await db.write { tx in
            var account = try await row("account:\(email)|\(client)", in: tx, now: now)
            var perClient = try await row("client:\(client)", in: tx, now: now)
            var address = try await row("email:\(email)", in: tx, now: now)
            let known = try await exists("known:\(email)|\(client)", since: now.addingTimeInterval(-knownClientFor), in: tx)
            if now.timeIntervalSince(account.lastAttempt) > quietPeriod { account.attempts = 0; account.blockedUntil = nil }
            if now.timeIntervalSince(perClient.windowStart) > clientWindow { perClient.attempts = 0; perClient.windowStart = now }
            if now.timeIntervalSince(address.windowStart) > quietPeriod { address.attempts = 0; address.windowStart = now }

            if let blocked = account.blockedUntil, blocked > now { return .wait(seconds: seconds(until: blocked, from: now)) }
            if perClient.attempts >= attemptsPerClient {
                return .wait(seconds: seconds(until: perClient.windowStart.addingTimeInterval(clientWindow), from: now))
            }
            if !known, address.attempts >= failuresBeforePacing, now.timeIntervalSince(address.lastAttempt) < pacing {
                return .wait(seconds: seconds(until: address.lastAttempt.addingTimeInterval(pacing), from: now))
            }
            account.attempts += 1
            account.lastAttempt = now
            if account.attempts >= freeAttemptsPerAccountAndClient {
                let doublings = Double(account.attempts - freeAttemptsPerAccountAndClient)
                account.blockedUntil = now.addingTimeInterval(min(longestDelay, firstDelay * pow(2, doublings)))
            }
            perClient.attempts += 1
            perClient.lastAttempt = now
            address.lastAttempt = now
            for row in [account, perClient, address] { try await save(row, in: tx) }
            return .allowed
        }
    }

    /// The attempt's password was wrong: it counts towards pacing the address.
    static func failed(email: String, on db: any Database, now: Date = Date()) async throws {
        try await db.write { tx in
            var address = try await row("email:\(email)", in: tx, now: now)
            if now.timeIntervalSince(address.windowStart) > quietPeriod { address.attempts = 0; address.windowStart = now }
            address.attempts += 1
            try await save(address, in: tx)
        }
    }

    /// The attempt succeeded: its address-and-client count is cleared and the client is known to the account.
    static func succeeded(email: String, client rawClient: String, on db: any Database, now: Date = Date()) async throws {
        let client = clientGroup(rawClient)
        try await db.write { tx in
            try await tx.sql.delete(from: table).where("key", .equal, "account:\(email)|\(client)").run()
            var known = try await row("known:\(email)|\(client)", in: tx, now: now)
            known.lastAttempt = now
            try await save(known, in: tx)
        }
    }

    /// Removes counts nobody needs any more (an hour and more without attempts; clients not seen for 90 days).
    static func purge(on db: any Database, now: Date = Date()) async throws {
        try await db.write { tx in
            try await tx.sql.delete(from: table).where("last_attempt_at", .lessThan, now.addingTimeInterval(-knownClientFor)).run()
            try await tx.sql.delete(from: table).where("key", .notLike, "known:%")
                .where("last_attempt_at", .lessThan, now.addingTimeInterval(-2 * quietPeriod)).run()
        }
    }

    struct Row { var key: String; var attempts: Int; var windowStart: Date; var lastAttempt: Date; var blockedUntil: Date? }

    private static func seconds(until date: Date, from now: Date) -> Int { max(1, Int(date.timeIntervalSince(now).rounded(.up))) }

    /// The key's row, locked (made when missing).
    private static func row(_ key: String, in tx: WriteContext, now: Date) async throws -> Row {
        try await tx.sql.insert(into: table).columns("key", "attempts", "window_start", "last_attempt_at", "blocked_until")
            .values(SQLBind(key), SQLBind(0), SQLBind(now), SQLBind(Date.distantPast), SQLBind(Date?.none))
            .ignoringConflicts(with: ["key"]).run()
        struct Stored: Decodable { var attempts: Int; var window_start: Date; var last_attempt_at: Date; var blocked_until: Date? }
        guard let stored = try await tx.sql.select().columns("attempts", "window_start", "last_attempt_at", "blocked_until").from(table)
            .where("key", .equal, key).for(.update).first(decoding: Stored.self) else { throw Abort(.internalServerError) }
        return Row(key: key, attempts: stored.attempts, windowStart: stored.window_start, lastAttempt: stored.last_attempt_at,
                   blockedUntil: stored.blocked_until)
    }

    private static func exists(_ key: String, since: Date, in tx: WriteContext) async throws -> Bool {
        struct Stored: Decodable { var key: String }
        return try await tx.sql.select().column("key").from(table).where("key", .equal, key).where("last_attempt_at", .greaterThan, since)
            .first(decoding: Stored.self) != nil
    }

    private static func save(_ row: Row, in tx: WriteContext) async throws {
        try await tx.sql.update(table).set("attempts", to: row.attempts).set("window_start", to: row.windowStart)
            .set("last_attempt_at", to: row.lastAttempt).set("blocked_until", to: row.blockedUntil).where("key", .equal, row.key).run()
    }
}

struct CreateSignInThrottle: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SignInThrottle.table)
            .field("key", .string, .identifier(auto: false))
            .field("attempts", .int, .required)
            .field("window_start", .datetime, .required)
            .field("last_attempt_at", .datetime, .required)
            .field("blocked_until", .datetime)
            .create()
        try await database.schema("sign_in_failures").delete()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInThrottle.table).delete()
    }
}
