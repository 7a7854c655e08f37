import Fluent
import Foundation
import SynergiaCore
import Vapor

/// An indicator a Party defined for its own national targets, linked to the global indicators
/// and framework targets it informs. Its code is the Party's code and a local code, `KE-FOREST-1`;
/// only that Party has data for it.
public final class NationalIndicatorModel: Model, @unchecked Sendable {
    public static let schema = "national_indicators"
    @ID(key: .id) public var id: UUID?
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "code") public var code: String
    /// In the language the Party wrote it in.
    @Field(key: "name") public var name: String
    @Field(key: "unit") public var unit: String
    @Field(key: "definition") public var definition: String
    /// Registry indicator codes, comma-separated.
    @Field(key: "global_indicators") public var globalIndicators: String
    /// `FRAMEWORK/CODE`, comma-separated.
    @Field(key: "targets") public var targets: String
    @Field(key: "created_by") public var createdBy: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}

    /// The indicator as the registry's type, for the indicator page and exports.
    var asDefinition: IndicatorDefinition {
        IndicatorDefinition(
            code: code, name: LocalizedText(english: name),
            definition: self.definition.isEmpty ? .unknown : .known(LocalizedText(english: self.definition)),
            unit: unit.isEmpty ? .unknown : .known(unit), custodian: .known(partyCode),
            targets: Self.list(targets).compactMap { target in
                let parts = target.split(separator: "/").map(String.init)
                return parts.count == 2 ? IndicatorTargetLink(framework: parts[0], code: parts[1]) : nil
            },
            kind: .national)
    }

    static func list(_ text: String) -> [String] { text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
}

struct CreateNationalIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NationalIndicatorModel.schema)
            .id()
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("definition", .string, .required)
            .field("global_indicators", .string, .required)
            .field("targets", .string, .required)
            .field("created_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NationalIndicatorModel.schema).delete()
    }
}

/// A national indicator as the API returns it.
public struct NationalIndicatorDTO: Content, Equatable {
    public var party: String
    public var code: String
    public var name: String
    public var unit: String
    public var definition: String
    public var globalIndicators: [String]
    /// `FRAMEWORK/CODE`.
    public var targets: [String]

    init(_ row: NationalIndicatorModel) {
        party = row.partyCode
        code = row.code
        name = row.name
        unit = row.unit
        definition = row.definition
        globalIndicators = NationalIndicatorModel.list(row.globalIndicators)
        targets = NationalIndicatorModel.list(row.targets)
    }
}
