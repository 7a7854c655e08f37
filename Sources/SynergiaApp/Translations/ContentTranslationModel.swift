import Fluent
import Foundation
import SynergiaCore

/// A translation of one field of a record people wrote (a news item's title, a meeting's
/// description) into one of the six languages (issue 13). The record keeps its original text
/// and the language it was written in; readers see their language when it is here.
public final class ContentTranslationModel: Model, @unchecked Sendable {
    public static let schema = "content_translations"
    @ID(key: .id) public var id: UUID?
    /// ``TranslatedKind``'s raw value.
    @Field(key: "subject_kind") public var subjectKind: String
    /// The record's id or code.
    @Field(key: "subject_id") public var subjectID: String
    @Field(key: "field") public var field: String
    @Field(key: "language") public var language: String
    @Field(key: "text") public var text: String
    @Field(key: "updated_by") public var updatedBy: String
    @Field(key: "updated_at") public var updatedAt: Date
    public init() {}
}

/// `content_translations` (public: its writes move the content generation on, so kept pages show
/// a new translation at once).
struct CreateContentTranslations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ContentTranslationModel.schema)
            .id()
            .field("subject_kind", .string, .required)
            .field("subject_id", .string, .required)
            .field("field", .string, .required)
            .field("language", .string, .required)
            .field("text", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "subject_kind", "subject_id", "field", "language")
            .create()
        try await ContentGeneration.addTrigger(to: ContentTranslationModel.schema, on: database)
    }

    func revert(on database: any Database) async throws {
        try await ContentGeneration.dropTrigger(from: ContentTranslationModel.schema, on: database)
        try await database.schema(ContentTranslationModel.schema).delete()
    }
}

/// The language a meeting's title and description were written in. Registered right after the
/// meetings' table: later migrations read meetings (to index them for search) through the model.
struct AddMeetingLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MeetingModel.schema).field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeetingModel.schema).deleteField("language").update()
    }
}

/// Puts the translations of news and meetings saved before they were indexed into the search
/// index (``ContentTranslationStore/reindex(_:subject:in:)``), each record in its own write.
struct IndexContentTranslations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for kind in [TranslatedKind.news, .meeting] {
            let subjects = try await ContentTranslationModel.query(on: database).filter(\.$subjectKind == kind.rawValue).all(\.$subjectID)
            for subject in Set(subjects).sorted() {
                try await database.write { tx in try await ContentTranslationStore.reindex(kind, subject: subject, in: tx) }
            }
        }
    }

    func revert(on database: any Database) async throws {}
}
