import Fluent
import SQLKit
import SynergiaCore
import Foundation

/// One language version of a decision, as imported: its header, its parsed structure (kept
/// whole, as JSON) and the text it came from.
public final class DecisionModel: Model, @unchecked Sendable {
    public static let schema = "decisions"
    @ID(key: .id) public var id: UUID?
    /// `XII/6`, `15/4`.
    @Field(key: "symbol") public var symbol: String
    /// The symbol in a URL: `XII-6`.
    @Field(key: "slug") public var slug: String
    @Field(key: "language") public var language: String
    @Field(key: "convention_code") public var conventionCode: String
    @OptionalField(key: "title") public var title: String?
    @OptionalField(key: "meeting") public var meeting: String?
    @Field(key: "parsed") public var parsed: String
    @Field(key: "source_text") public var sourceText: String
    @Field(key: "warning_count") public var warningCount: Int
    @Timestamp(key: "imported_at", on: .create) public var importedAt: Date?
    @Children(for: \.$decision) public var actionItems: [ActionItemModel]
    public init() {}
}

/// Something a decision asks of someone, followed up until done.
public final class ActionItemModel: Model, @unchecked Sendable {
    public static let schema = "action_items"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "decision_id") public var decision: DecisionModel
    @Field(key: "paragraph") public var paragraph: String
    @OptionalField(key: "subparagraph") public var subparagraph: String?
    @Field(key: "position") public var position: Int
    @Field(key: "verb") public var verb: String
    @Field(key: "addressee") public var addressee: String
    /// Deadline ids (`SBI-1`, `COP-13`) or ISO dates, comma-separated; empty when none.
    @Field(key: "deadlines") public var deadlines: String
    /// The earliest due day of its deadlines, when known (ISO date), for sorting and overdue.
    @OptionalField(key: "due_date") public var dueDate: String?
    @Field(key: "subject_to_resources") public var subjectToResources: Bool
    @Field(key: "text") public var text: String
    @Field(key: "status") public var status: ActionItemStatus
    @Field(key: "notes") public var notes: String
    /// 0 as imported, then +1 per follow-up saved (two secretariat members editing at once: the second is told).
    @Field(key: "version") public var version: Int
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

/// A reference from a decision to another decision or a document, for "cites" and "cited by".
public final class DecisionReferenceModel: Model, @unchecked Sendable {
    public static let schema = "decision_references"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "decision_id") public var decision: DecisionModel
    /// As the parser normalizes it: `decision X/20`, `UNEP/CBD/COP/12/24`, `A/RES/66/288`.
    @Field(key: "reference") public var reference: String
    @Field(key: "paragraph") public var paragraph: String
    public init() {}
}

struct CreateDecisionTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DecisionModel.schema)
            .id()
            .field("symbol", .string, .required)
            .field("slug", .string, .required)
            .field("language", .string, .required)
            .field("convention_code", .string, .required, .references(ConventionModel.schema, "code"))
            .field("title", .string)
            .field("meeting", .string)
            .field("parsed", .string, .required)
            .field("source_text", .string, .required)
            .field("warning_count", .int, .required)
            .field("imported_at", .datetime)
            .unique(on: "convention_code", "symbol", "language")
            .create()
        try await database.schema(ActionItemModel.schema)
            .id()
            .field("decision_id", .uuid, .required, .references(DecisionModel.schema, "id"))
            .field("paragraph", .string, .required)
            .field("subparagraph", .string)
            .field("position", .int, .required)
            .field("verb", .string, .required)
            .field("addressee", .string, .required)
            .field("deadlines", .string, .required)
            .field("due_date", .string)
            .field("subject_to_resources", .bool, .required)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("notes", .string, .required)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(DecisionReferenceModel.schema)
            .id()
            .field("decision_id", .uuid, .required, .references(DecisionModel.schema, "id"))
            .field("reference", .string, .required)
            .field("paragraph", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DecisionReferenceModel.schema).delete()
        try await database.schema(ActionItemModel.schema).delete()
        try await database.schema(DecisionModel.schema).delete()
    }
}

/// Versions of action items' follow-up, so two edits at once are a conflict, not a lost edit.
struct AddActionItemVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ActionItemModel.schema).field("version", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ActionItemModel.schema).deleteField("version").update()
    }
}

/// What the decisions list and a decision's page look up by: a decision's versions by slug (the list
/// groups and orders by it), and a version's action items.
struct AddDecisionListIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.raw("CREATE INDEX IF NOT EXISTS decisions_slug ON decisions (slug, symbol)").run()
        try await database.sql.raw("CREATE INDEX IF NOT EXISTS action_items_decision ON action_items (decision_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP INDEX IF EXISTS decisions_slug").run()
        try await database.sql.raw("DROP INDEX IF EXISTS action_items_decision").run()
    }
}
