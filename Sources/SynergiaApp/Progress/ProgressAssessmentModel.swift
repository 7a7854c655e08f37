import Fluent
import Foundation
import SynergiaCore

/// A Party's assessment of its progress toward one target in one reporting cycle.
public final class ProgressAssessmentModel: Model, @unchecked Sendable {
    public static let schema = "progress_assessments"
    @ID(key: .id) public var id: UUID?
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "framework") public var framework: String
    @Field(key: "target") public var target: String
    /// The reporting cycle, e.g. `2026`.
    @Field(key: "cycle") public var cycle: String
    @Field(key: "category") public var category: ProgressCategory
    @Field(key: "confidence") public var confidence: Confidence
    @Field(key: "evidence") public var evidence: String
    /// Indicator codes cited as evidence, comma-separated.
    @Field(key: "indicators") public var indicators: String
    /// The email of who recorded it, or `report/<id>` when a published report stated it.
    @Field(key: "assessed_by") public var assessedBy: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

struct CreateProgressTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProgressAssessmentModel.schema)
            .id()
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("framework", .string, .required)
            .field("target", .string, .required)
            .field("cycle", .string, .required)
            .field("category", .string, .required)
            .field("confidence", .string, .required)
            .field("evidence", .string, .required)
            .field("indicators", .string, .required)
            .field("assessed_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "party_code", "framework", "target", "cycle")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProgressAssessmentModel.schema).delete()
    }
}

/// The index the progress overview reads: the assessments of one cycle, by target and category.
struct AddProgressCycleIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "progress_assessments_by_cycle").on(ProgressAssessmentModel.schema)
            .column("cycle").column("framework").column("target").column("category").column("party_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "progress_assessments_by_cycle").run()
    }
}

/// A reporting cycle as dashboards count it: the year reports are due, 2000–2100.
struct ProgressCycle: Sendable, Equatable {
    let year: Int
    var text: String { String(year) }

    init?(_ text: String) {
        guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(text), (2000...2100).contains(year) else { return nil }
        self.year = year
    }
}
