import Fluent

extension SavedSearches {
    /// The reader's saved searches, oldest first.
    static func query(for user: UserModel, on db: any Database) async throws -> Model {
        Model(items: try await SavedSearchService.list(of: user, on: db).map(Item.init), limit: SavedSearchService.maxPerUser)
    }
}
