import Fluent
import Foundation

extension APITokens {
    static func query(of user: UserModel, created: String? = nil, on db: any Database) async throws -> Model {
        let rows = try await APITokenModel.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).all()
        return Model(tokens: try rows.map { .init(id: try $0.requireID(), name: $0.name, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt) },
                     created: created)
    }
}
