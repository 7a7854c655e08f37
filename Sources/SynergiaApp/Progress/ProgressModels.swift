import Fluent
import Foundation
import SQLKit
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
    /// A ``ProgressCategory`` raw value.
    @Field(key: "category") public var category: String
    /// `low`, `medium`, `high`; `not-stated` when it came from a published report.
    @Field(key: "confidence") public var confidence: String
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

extension ProgressAggregation {
    /// The counts keyed by the categories' raw values, as the JSON and CSV give them.
    static func byRawValue(_ counts: Counts) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
    }
}

/// The index the progress overview reads: the assessments of one cycle, by target and category.
struct AddProgressCycleIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).create(index: "progress_assessments_by_cycle").on(ProgressAssessmentModel.schema)
            .column("cycle").column("framework").column("target").column("category").column("party_code").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "progress_assessments_by_cycle").run()
    }
}
