import Fluent
import SynergiaCore

extension NewsPage {
    static func query(actor: Actor, on db: any Database) async throws -> Model {
        let items = try await NewsItemModel.query(on: db).sort(\.$publishedAt, .descending).limit(200).all()
        let conventions = try await ReferenceQueries.conventions(on: db)
        return Model(items: try await NewsItemDTO.list(items, on: db),
                     postable: conventions.filter { AuthorizationPolicy.permits(actor, .publishNews(convention: $0.code)) }
                        .map { .init(code: $0.code, shortName: $0.shortName) })
    }

    /// A page of the stream, newest first (the API's list).
    static func items(page: Pagination, on db: any Database) async throws -> [NewsItemDTO] {
        try await NewsItemDTO.list(try await NewsItemModel.query(on: db).sort(\.$publishedAt, .descending).onPage(page).all(), on: db)
    }
}
