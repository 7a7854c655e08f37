import Fluent
import FluentSQL
import SQLKit
import Foundation
import SynergiaCore
import Vapor

/// A personal token for the JSON API. Only its SHA-256 is stored; the token itself is shown
/// once, when it is made. Writes through `/api` are authorized by a token, never by the
/// session cookie, so a page on another site cannot make them.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "name") public var name: String
    @Field(key: "token_sha256") public var tokenSHA256: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    public init() {}

    /// A new random token: `syn_` and 43 URL-safe characters (256 bits).
    static func newToken() -> String { "syn_" + CSRFMiddleware.newToken() }

    static func digest(_ token: String) -> String { SHA256Hex.digest(Data(token.utf8)) }
}

struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_sha256", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .unique(on: "token_sha256")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).delete()
    }
}

/// Reads `Authorization: Bearer <token>` and marks the request as authorized by a token.
/// Only under `/api`: a token never stands in for a signed-in person on the pages and their forms.
struct APITokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard request.url.path.hasPrefix("/api/") else { return }
        let digest = APITokenModel.digest(bearer.token)
        // A token found current is kept under the generations read after this request arrived:
        // a revocation or a change of its account in any process moves them on, so it is refused
        // or seen changed at its next request, as a session is (``SessionCache``). Read before
        // the token, so a revocation after that read is never kept as current.
        let cache = request.application.synergia.apiTokenCache
        let generations = try await request.generations()
        let now = Date()
        if let kept = cache.entry(digest, at: generations, now: now) {
            request.apiTokenUser = kept.account.copy()
            return
        }
        // One indexed read of the token joined to its account.
        guard let row = try await request.db.sql.raw("""
            SELECT u.*, t.id AS token_id, t.last_used_at AS token_last_used_at
            FROM \(ident: APITokenModel.schema) t JOIN \(ident: UserModel.schema) u ON u.id = t.user_id
            WHERE t.token_sha256 = \(bind: digest)
            """).first() else { return }
        let tokenID = try row.decode(column: "token_id", as: UUID.self)
        var lastUsedAt = try row.decode(column: "token_last_used_at", as: Date?.self) ?? .distantPast
        // Noted at most every ten minutes (``SessionStore/touchInterval``, after which a kept
        // token is read again): a read, not a write, for most requests.
        if now.timeIntervalSince(lastUsedAt) > SessionStore.touchInterval {
            try await request.db.write { tx in
                try await tx.sql.update(APITokenModel.schema).set("last_used_at", to: now).where("id", .equal, tokenID).run()
            }
            lastUsedAt = now
        }
        // Not `auth.login`: that would also put the account in the session and hand back a
        // session cookie, which outlives the token. The token authorizes this request only.
        let user = try row.decode(fluentModel: UserModel.self)
        // (A last use in the future, by a process whose clock is ahead, counts as now.)
        cache.keep(digest, .init(account: user.copy(), sessionID: tokenID, createdAt: now, lastSeenAt: min(lastUsedAt, now), expiresAt: .distantFuture,
                                 generations: generations))
        request.apiTokenUser = user
    }
}

extension Request {
    private struct APITokenUserKey: StorageKey { typealias Value = UserModel }

    /// The account whose API token authorized this request (nil for a session or the public).
    var apiTokenUser: UserModel? {
        get { storage[APITokenUserKey.self] }
        set { storage[APITokenUserKey.self] = newValue }
    }

    /// The account of the API token, having checked the policy for `action`: 401 without a
    /// valid token (a session cookie does not count), 403 when the policy refuses.
    func requireAPIUser(for action: Action = .manageOwnAccount) throws -> UserModel {
        guard let user = apiTokenUser else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "error.api-token")
        }
        guard AuthorizationPolicy.permits(user.actor, action) else { throw Abort(.forbidden) }
        return user
    }
}
