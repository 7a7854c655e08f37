import Fluent
import Foundation
import SynergiaCore

/// A Party's statement that it has no data for an indicator, or that the indicator is not
/// relevant to it, with the reason. One per Party and indicator; it gives way to data: while the
/// Party has published values for the indicator, it cannot be made, and data imported or
/// published later takes it away (in the same transaction, under the series' lock).
final class IndicatorStatementModel: Model, @unchecked Sendable {
    static let schema = "indicator_statements"
    @ID(key: .id) var id: UUID?
    @Field(key: "party_code") var partyCode: String
    @Field(key: "indicator") var indicator: String
    @Field(key: "kind") var kind: IndicatorStatementKind
    @Field(key: "reason") var reason: String
    /// The language the reason is written in, when known.
    @OptionalField(key: "language") var language: String?
    @Field(key: "stated_by") var statedBy: String
    @Field(key: "stated_at") var statedAt: Date

    init() {}
}

struct CreateIndicatorStatements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorStatementModel.schema)
            .id()
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("indicator", .string, .required)
            .field("kind", .string, .required)
            .field("reason", .string, .required)
            .field("language", .string)
            .field("stated_by", .string, .required)
            .field("stated_at", .datetime, .required)
            .unique(on: "party_code", "indicator")
            .create()
        try await ContentGeneration.addTrigger(to: IndicatorStatementModel.schema, on: database)
    }

    func revert(on database: any Database) async throws {
        try await ContentGeneration.dropTrigger(from: IndicatorStatementModel.schema, on: database)
        try await database.schema(IndicatorStatementModel.schema).delete()
    }
}

/// What a page or the JSON shows of a statement.
struct IndicatorStatementDTO: Codable, Sendable, Equatable {
    var kind: IndicatorStatementKind
    var reason: String
    var language: String?
    var statedAt: Date

    init(_ row: IndicatorStatementModel) {
        kind = row.kind
        reason = row.reason
        language = row.language
        statedAt = row.statedAt
    }
}
