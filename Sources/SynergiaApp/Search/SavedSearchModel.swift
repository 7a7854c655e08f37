import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// A search a signed-in reader saved, with how often they want its new results by e-mail.
///
/// `checkedThrough` is how far the results have been looked at (Unix seconds): the next e-mail
/// holds what entered the index after it. `nextDueAt` is when that e-mail is due. The database
/// keeps one saved search per reader and search (`signature`, the search's canonical query string).
final class SavedSearchModel: Model, @unchecked Sendable {
    static let schema = "saved_searches"
    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "signature") var signature: String
    @Field(key: "q") var q: String
    @OptionalField(key: "kind") var kind: String?
    @OptionalField(key: "convention_code") var convention: String?
    @OptionalField(key: "language") var language: String?
    @OptionalField(key: "year") var year: Int?
    @Field(key: "frequency") var frequency: SavedSearchFrequency
    /// The language the reader read Synergia in when saving: their e-mails are in it.
    @Field(key: "mail_language") var mailLanguage: String
    @Field(key: "checked_through") var checkedThrough: Int64
    @Field(key: "next_due_at") var nextDueAt: Int64
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}

    /// The search it saved, as the search page reads one.
    var parameters: SearchPage.Parameters {
        var p = SearchPage.Parameters()
        p.q = q
        p.kind = kind.flatMap(SearchKind.init(rawValue:))
        p.convention = convention
        p.language = language
        p.year = year
        return p
    }
}

/// How often a saved search's new results are sent.
enum SavedSearchFrequency: String, Codable, Sendable, CaseIterable {
    case daily, weekly

    var seconds: Int64 { self == .daily ? 86_400 : 7 * 86_400 }
    var catalogKey: String { "saved-search.\(rawValue)" }
}

struct CreateSavedSearches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SavedSearchModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("signature", .string, .required)
            .field("q", .string, .required)
            .field("kind", .string)
            .field("convention_code", .string)
            .field("language", .string)
            .field("year", .int)
            .field("frequency", .string, .required)
            .field("mail_language", .string, .required)
            .field("checked_through", .int64, .required)
            .field("next_due_at", .int64, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id", "signature")
            .create()
        try await database.sql.create(index: "saved_searches_due").on(SavedSearchModel.schema).column("next_due_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SavedSearchModel.schema).delete()
    }
}
