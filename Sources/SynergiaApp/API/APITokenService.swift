import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// A person's API tokens: made (the token is shown once; only its SHA-256 is kept) and revoked,
/// each audited.
public enum APITokenService {
    /// A new token named `name` for `user`; returns the token itself.
    public static func create(named name: String, for user: UserModel, on db: any Database) async throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw Refusal("error.token.name") }
        let token = APITokenModel.newToken()
        let row = APITokenModel()
        row.$user.id = try user.requireID()
        row.name = String(name.prefix(100))
        row.tokenSHA256 = APITokenModel.digest(token)
        try await db.write { tx in
            try await row.createInWrite(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "api-token.created", subject: .other("user/\(user.email)"), after: row.name)
        }
        return token
    }

    /// Revokes `user`'s token `id` (404 when `user` has none with that id): the owner is checked
    /// by the delete itself, in the transaction that records it.
    static func revoke(_ id: UUID, of user: UserModel, on db: any Database) async throws {
        let owner = try user.requireID()
        try await db.write { tx in
            struct Row: Decodable { var name: String }
            let deleted = try await tx.sql.delete(from: APITokenModel.schema).where("id", .equal, id).where("user_id", .equal, owner)
                .returning("name").all(decoding: Row.self)
            guard let row = deleted.first else { throw Abort(.notFound) }
            try await AuditLog.record(tx, actor: user.email, action: "api-token.revoked", subject: .other("user/\(user.email)"), before: row.name)
        }
    }
}
