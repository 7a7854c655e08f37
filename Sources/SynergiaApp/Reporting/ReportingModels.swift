import Fluent
import SQLKit
import Foundation
import SynergiaCore

/// A convention's reporting cycle: one template version, opened by the secretariat with a due date.
public final class ReportingCycleModel: Model, @unchecked Sendable {
    public static let schema = "reporting_cycles"
    @ID(key: .id) public var id: UUID?
    @Field(key: "template_id") public var templateID: String
    @Field(key: "template_version") public var templateVersion: Int
    @Field(key: "convention_code") public var conventionCode: String
    @Field(key: "title") public var title: String
    /// ISO dates.
    @Field(key: "opens_on") public var opensOn: String
    @Field(key: "due_on") public var dueOn: String
    @Field(key: "status") public var status: CycleStatus
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}

/// A Party's report in a cycle; amendments are new versions of it.
public final class ReportModel: Model, @unchecked Sendable {
    public static let schema = "reports"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "cycle_id") public var cycle: ReportingCycleModel
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "status") public var status: ReportStatus
    /// 1 for the first submission; an amendment is the next number.
    @Field(key: "version") public var version: Int
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    /// SHA-256 of the canonical submitted content.
    @OptionalField(key: "receipt_sha256") public var receiptSHA256: String?
    /// The submitted content, as hashed, kept for comparison between versions.
    @OptionalField(key: "submitted_content") public var submittedContent: String?
    @OptionalField(key: "published_at") public var publishedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    /// The request to publish (the report in review): when and by whom it was made.
    @OptionalField(key: "review_requested_at") public var reviewRequestedAt: Date?
    @OptionalField(key: "review_requested_by") public var reviewRequestedBy: String?
    /// Why the last request was rejected (the report is back in draft), until the next request.
    @OptionalField(key: "review_note") public var reviewNote: String?
    public init() {}
}

/// A report already in review was sent before requests were dated: its request starts when this
/// runs (so it expires in thirty days and can be decided; its maker is not known).
struct DatePendingPublicationRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as? any SQLDatabase)?.update(ReportModel.schema).set("review_requested_at", to: SQLBind(Date()))
            .where("status", .equal, SQLBind(ReportStatus.inReview.rawValue)).where("review_requested_at", .is, SQLLiteral.null).run()
    }

    func revert(on database: any Database) async throws {}
}

/// Who asked to publish a report, and when; why a request was rejected.
struct AddPublicationRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportModel.schema).field("review_requested_at", .datetime).update()
        try await database.schema(ReportModel.schema).field("review_requested_by", .string).update()
        try await database.schema(ReportModel.schema).field("review_note", .string).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["review_note", "review_requested_by", "review_requested_at"] {
            try await database.schema(ReportModel.schema).deleteField(.string(field)).update()
        }
    }
}

/// The answer to one question of one report, when it is not a shared element's value
/// (or the question is detached from its element).
public final class AnswerModel: Model, @unchecked Sendable {
    public static let schema = "answers"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: ReportModel
    @Field(key: "question_id") public var questionID: String
    /// The answer as JSON.
    @Field(key: "value") public var value: String
    @Field(key: "version") public var version: Int
    /// The question is bound to a shared element but this report keeps its own value.
    @Field(key: "detached") public var detached: Bool
    @Field(key: "updated_by") public var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

/// A Party's value for a shared information element, stored once and reused by every report
/// whose question is bound to the element; with its provenance.
public final class ElementValueModel: Model, @unchecked Sendable {
    public static let schema = "element_values"
    @ID(key: .id) public var id: UUID?
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "element_id") public var elementID: String
    @Field(key: "value") public var value: String
    @Field(key: "version") public var version: Int
    /// The report in which it was last entered.
    @Field(key: "source_report_id") public var sourceReportID: UUID
    @Field(key: "updated_by") public var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

/// Every saved value, kept: the history of answers and element values.
public final class AnswerHistoryModel: Model, @unchecked Sendable {
    public static let schema = "answer_history"
    @ID(key: .id) public var id: UUID?
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "report_id") public var reportID: UUID
    @Field(key: "question_id") public var questionID: String
    @OptionalField(key: "element_id") public var elementID: String?
    @Field(key: "value") public var value: String
    @Field(key: "version") public var version: Int
    @Field(key: "author") public var author: String
    @Timestamp(key: "at", on: .create) public var at: Date?
    public init() {}
}

struct CreateReportingTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportingCycleModel.schema)
            .id()
            .field("template_id", .string, .required)
            .field("template_version", .int, .required)
            .field("convention_code", .string, .required, .references(ConventionModel.schema, "code"))
            .field("title", .string, .required)
            .field("opens_on", .string, .required)
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ReportModel.schema)
            .id()
            .field("cycle_id", .uuid, .required, .references(ReportingCycleModel.schema, "id"))
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("submitted_at", .datetime)
            .field("receipt_sha256", .string)
            .field("submitted_content", .string)
            .field("published_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "cycle_id", "party_code", "version")
            .create()
        try await database.schema(AnswerModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("question_id", .string, .required)
            .field("value", .string, .required)
            .field("version", .int, .required)
            .field("detached", .bool, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "report_id", "question_id")
            .create()
        try await database.schema(ElementValueModel.schema)
            .id()
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("element_id", .string, .required)
            .field("value", .string, .required)
            .field("version", .int, .required)
            .field("source_report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "party_code", "element_id")
            .create()
        try await database.schema(AnswerHistoryModel.schema)
            .id()
            .field("party_code", .string, .required)
            .field("report_id", .uuid, .required)
            .field("question_id", .string, .required)
            .field("element_id", .string)
            .field("value", .string, .required)
            .field("version", .int, .required)
            .field("author", .string, .required)
            .field("at", .datetime)
            .create()
        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("sequence", .int, .required)
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [AuditEntryModel.schema, AnswerHistoryModel.schema, ElementValueModel.schema, AnswerModel.schema,
                       ReportModel.schema, ReportingCycleModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
