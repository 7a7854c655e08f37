import Fluent
import FluentSQL
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Signed-in sessions, kept in the database so every `serve` process shares them. The browser
/// holds a random 256-bit token; the database holds only its SHA-256, the account, and the
/// account's session epoch at sign-in. A session counts only while that epoch is the account's
/// current one, so a password change or "sign out everywhere" ends every session at once, in
/// every process, by moving the epoch on.
enum SessionStore {
    static let table = "user_sessions"
    static let cookieName = "synergia-session"
    /// How long a session lasts without use.
    static let lifetime: TimeInterval = 7 * 24 * 3600
    /// How long a session lasts at most, however much it is used.
    static let longestLifetime: TimeInterval = 30 * 24 * 3600
    /// `last_seen_at` is written at most this often (a read, not a write, for most requests).
    static let touchInterval: TimeInterval = 10 * 60

    /// The signed-in account of `token`, if the session is current: one indexed read of the
    /// session joined to its account under the account's current epoch. With `cache` and the
    /// `generations` read when the request began, a session found current before is taken from
    /// the cache while no session ended and no account changed since (``SessionCache``); a
    /// sign-out or revocation in any process still counts at the next request. `database` is
    /// asked for only when the cache cannot answer.
    static func user(token: String, on database: () -> any Database, now: Date = Date(),
                     cache: SessionCache? = nil, generations: Generations? = nil) async throws -> (user: UserModel, sessionID: UUID)? {
        let digest = SHA256Hex.digest(Data(token.utf8))
        if let cache, let generations, let kept = cache.entry(digest, at: generations, now: now) {
            return (kept.account.copy(), kept.sessionID)
        }
        let db = database()
        guard let row = try await db.sql.raw("""
            SELECT u.*, s.id AS session_id, s.created_at AS session_created_at, s.last_seen_at AS session_last_seen_at,
                   s.expires_at AS session_expires_at
            FROM \(ident: table) s JOIN \(ident: UserModel.schema) u ON u.id = s.user_id AND u.session_epoch = s.epoch
            WHERE s.token_sha256 = \(bind: digest)
            """).first() else { return nil }
        let sessionID = try row.decode(column: "session_id", as: UUID.self)
        let createdAt = try row.decode(column: "session_created_at", as: Date.self)
        var lastSeenAt = try row.decode(column: "session_last_seen_at", as: Date.self)
        var expiresAt = try row.decode(column: "session_expires_at", as: Date.self)
        guard expiresAt > now, now.timeIntervalSince(createdAt) < longestLifetime else { return nil }
        let user = try row.decode(fluentModel: UserModel.self)
        if now.timeIntervalSince(lastSeenAt) > touchInterval {
            try await db.write { tx in
                try await tx.sql.update(table).set("last_seen_at", to: now).set("expires_at", to: now.addingTimeInterval(lifetime))
                    .where("id", .equal, sessionID).run()
            }
            (lastSeenAt, expiresAt) = (now, now.addingTimeInterval(lifetime))
        }
        if let cache, let generations {
            cache.keep(digest, .init(account: user.copy(), sessionID: sessionID, createdAt: createdAt, lastSeenAt: lastSeenAt,
                                     expiresAt: expiresAt, generations: generations))
        }
        return (user, sessionID)
    }

    /// Starts a session for `user` and returns its token (for the cookie).
    static func start(for user: UserModel, client: String, on db: any Database, now: Date = Date()) async throws -> String {
        let token = CSRFMiddleware.newToken()
        try await db.write { tx in try await tx.sql.insert(into: table).columns("id", "token_sha256", "user_id", "epoch", "client", "created_at", "last_seen_at", "expires_at")
            .values(SQLBind(UUID()), SQLBind(SHA256Hex.digest(Data(token.utf8))), SQLBind(try user.requireID()), SQLBind(user.sessionEpoch),
                    SQLBind(String(client.prefix(64))), SQLBind(now), SQLBind(now), SQLBind(now.addingTimeInterval(lifetime)))
            .run() }
        return token
    }

    /// Ends one session.
    static func end(token: String, on db: any Database) async throws {
        try await db.write { tx in
            try await tx.sql.delete(from: table).where("token_sha256", .equal, SHA256Hex.digest(Data(token.utf8))).run()
        }
    }

    /// Removes sessions that have ended (expired, or made under an epoch that moved on).
    static func purge(on db: any Database, now: Date = Date()) async throws {
        try await db.write { tx in
            try await tx.sql.delete(from: table).where("expires_at", .lessThan, now).run()
            try await tx.sql.delete(from: table).where("created_at", .lessThan, now.addingTimeInterval(-longestLifetime)).run()
        }
    }

    /// Ends every session of the account (in every process), by moving its epoch on and
    /// removing its sessions; inside the caller's write.
    static func endAll(of userID: UUID, in tx: WriteContext) async throws {
        try await tx.sql.update(UserModel.schema).set(SQLIdentifier("session_epoch"), to: SQLRaw("session_epoch + 1"))
            .where("id", .equal, userID).run()
        try await tx.sql.delete(from: table).where("user_id", .equal, userID).run()
    }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: Date().addingTimeInterval(lifetime), maxAge: Int(lifetime), path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

/// Signs in the account of the session cookie, if its session is current; the rest of the
/// request sees it as `req.auth.get(UserModel.self)`.
struct SessionAuthentication: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let synergia = request.application.synergia
        if let token = request.parsedCookies.token(SessionStore.cookieName),
           let found = try await SessionStore.user(token: token, on: { request.db }, cache: synergia.sessionCache,
                                                   generations: try await request.generations()) {
            request.auth.login(found.user)
            request.sessionToken = token
        }
        let response = try await next.respond(to: request)
        if let replacement = request.newSessionToken {
            response.cookies[SessionStore.cookieName] = replacement.isEmpty ? .expired
                : SessionStore.cookie(replacement, secure: request.application.synergia.settings.secureCookies)
        } else if request.sessionToken == nil, request.parsedCookies[SessionStore.cookieName] != nil {
            // A cookie for no current session (ended, expired, or never ours): drop it.
            response.cookies[SessionStore.cookieName] = .expired
        }
        return response
    }
}

extension Request {
    private struct SessionTokenKey: StorageKey { typealias Value = String }
    private struct NewSessionTokenKey: StorageKey { typealias Value = String }

    /// The token of the current session, if the request came with one.
    var sessionToken: String? {
        get { storage[SessionTokenKey.self] }
        set { storage[SessionTokenKey.self] = newValue }
    }

    /// The cookie to send back: a new session's token, or empty to clear it.
    var newSessionToken: String? {
        get { storage[NewSessionTokenKey.self] }
        set { storage[NewSessionTokenKey.self] = newValue }
    }

    /// Signs `user` in with a new session (the old one, if any, is ended: a session id never
    /// survives a sign-in).
    func startSession(for user: UserModel) async throws {
        if let old = sessionToken { try await SessionStore.end(token: old, on: db) }
        auth.login(user)
        let token = try await SessionStore.start(for: user, client: clientAddress, on: db)
        sessionToken = token
        newSessionToken = token
    }

    /// Ends this request's session.
    func endSession() async throws {
        if let token = sessionToken { try await SessionStore.end(token: token, on: db) }
        auth.logout(UserModel.self)
        sessionToken = nil
        newSessionToken = ""
    }
}

struct CreateUserSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("session_epoch", .int, .required, .sql(.default(0))).update()
        try await database.schema(SessionStore.table)
            .id()
            .field("token_sha256", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("epoch", .int, .required)
            .field("client", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_sha256")
            .create()
        try await database.sql.create(index: "user_sessions_by_user").on(SessionStore.table).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SessionStore.table).delete()
        try await database.schema(UserModel.schema).deleteField("session_epoch").update()
    }
}
