import Fluent
import Foundation
import SynergiaCore

/// A news item or event announcement from a convention's secretariat, in one stream for all.
public final class NewsItemModel: Model, @unchecked Sendable {
    public static let schema = "news_items"
    @ID(key: .id) public var id: UUID?
    @Field(key: "convention_code") public var conventionCode: String
    @Field(key: "kind") public var kind: NewsKind
    @Field(key: "title") public var title: String
    @Field(key: "summary") public var summary: String
    @Field(key: "language") public var language: String
    @OptionalField(key: "link") public var link: String?
    @OptionalField(key: "event_date") public var eventDate: String?
    @Field(key: "published_at") public var publishedAt: Date
    public init() {}
}

struct CreateNewsTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NewsItemModel.schema)
            .id()
            .field("convention_code", .string, .required, .references(ConventionModel.schema, "code"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("language", .string, .required)
            .field("link", .string)
            .field("event_date", .string)
            .field("published_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NewsItemModel.schema).delete()
    }
}
