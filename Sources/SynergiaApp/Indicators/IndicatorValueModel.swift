import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// One value of an indicator for a Party and period (and disaggregation), stored once and
/// used by every report and dashboard that shows the indicator.
public final class IndicatorValueModel: Model, @unchecked Sendable {
    public static let schema = "indicator_values"
    @ID(key: .id) public var id: UUID?
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "indicator") public var indicator: String
    /// `2015` or `2015-2017`.
    @Field(key: "period") public var period: String
    @Field(key: "period_start") public var periodStart: Int
    @Field(key: "value") public var value: Double
    @Field(key: "unit") public var unit: String
    @OptionalField(key: "lower") public var lower: Double?
    @OptionalField(key: "upper") public var upper: Double?
    /// `key=value;key=value`, keys sorted; empty for the total.
    @Field(key: "disaggregation") public var disaggregation: String
    @Field(key: "source") public var source: String
    @Field(key: "comment") public var comment: String
    @Field(key: "entered_by") public var enteredBy: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}

    var point: IndicatorDataPoint? {
        guard let period = IndicatorPeriod(period) else { return nil }
        return IndicatorDataPoint(party: partyCode, indicator: indicator, period: period, value: value, unit: unit, lower: lower,
                                  upper: upper, disaggregation: Self.parse(disaggregation), source: source, comment: comment)
    }

    static func key(_ disaggregation: [String: String]) -> String {
        disaggregation.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    static func parse(_ key: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in key.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { result[parts[0]] = parts[1] }
        }
        return result
    }
}

struct CreateIndicatorTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorValueModel.schema)
            .id()
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("indicator", .string, .required)
            .field("period", .string, .required)
            .field("period_start", .int, .required)
            .field("value", .double, .required)
            .field("unit", .string, .required)
            .field("lower", .double)
            .field("upper", .double)
            .field("disaggregation", .string, .required)
            .field("source", .string, .required)
            .field("comment", .string, .required)
            .field("entered_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "party_code", "indicator", "period", "disaggregation")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorValueModel.schema).delete()
    }
}

/// The index the indicator pages and exports read: one indicator's values across Parties.
struct AddIndicatorValueIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "indicator_values_by_indicator").on(IndicatorValueModel.schema)
            .column("indicator").column("disaggregation").column("party_code").column("period_start").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "indicator_values_by_indicator").run()
    }
}
