import Fluent
import Foundation

/// A comment on a question of a report, for the people preparing and reviewing it (never public).
public final class QuestionCommentModel: Model, @unchecked Sendable {
    public static let schema = "question_comments"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: ReportModel
    @Field(key: "question_id") public var questionID: String
    @Field(key: "author") public var author: String
    @Field(key: "text") public var text: String
    /// The language the comment was written in (the page's or the client's); nil for comments
    /// written before Synergia recorded it.
    @OptionalField(key: "language") public var language: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}

/// A section of a report assigned by the focal point to a contributor (never public).
public final class SectionAssignmentModel: Model, @unchecked Sendable {
    public static let schema = "section_assignments"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: ReportModel
    @Field(key: "section_id") public var sectionID: String
    @Field(key: "assignee") public var assignee: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}

struct CreateCollaborationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(QuestionCommentModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("question_id", .string, .required)
            .field("author", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(SectionAssignmentModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("section_id", .string, .required)
            .field("assignee", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "report_id", "section_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SectionAssignmentModel.schema).delete()
        try await database.schema(QuestionCommentModel.schema).delete()
    }
}

/// Each comment knows its language (issue 13): a column, empty for the comments written before.
struct AddCommentLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(QuestionCommentModel.schema).field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(QuestionCommentModel.schema).deleteField("language").update()
    }
}
