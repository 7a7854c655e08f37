import Fluent

extension AdminUsers {
    static func query(created: Bool, on db: any Database) async throws -> Model {
        Model(users: try await UserModel.query(on: db).sort(\.$email).all().map(AccountDTO.init),
              conventions: try await ReferenceQueries.conventions(on: db).map { .init(code: $0.code, shortName: $0.shortName) },
              created: created)
    }
}
