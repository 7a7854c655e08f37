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
    /// In the language the Party wrote it in (``language``); translations are in ``ContentTranslationModel``.
    @Field(key: "name") public var name: String
    @Field(key: "unit") public var unit: String
    @Field(key: "definition") public var definition: String
    /// Registry indicator codes, comma-separated.
    @Field(key: "global_indicators") public var globalIndicators: String
    /// `FRAMEWORK/CODE`, comma-separated.
    @Field(key: "targets") public var targets: String
    @Field(key: "created_by") public var createdBy: String
    /// The language its name and definition were written in; nil for those defined before Synergia recorded it.
    @OptionalField(key: "language") public var language: String?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}

    /// The indicator as the registry's type, for the indicator page and exports: its name and
    /// definition in the language written and in each translation. (One whose language was not
    /// recorded reads as English, as it did before languages were recorded.)
    func asDefinition(translations: FieldTranslations = [:]) -> IndicatorDefinition {
        func texts(_ original: String, _ field: String) -> LocalizedText {
            var values = Dictionary(uniqueKeysWithValues: (translations[field] ?? [:]).map { ($0.key.code, $0.value) })
            if let language {
                values[language] = original
            } else if values[Language.english.code] == nil {
                values[Language.english.code] = original  // Not recorded: read as English, unless translated into English.
            }
            return LocalizedText(values)
        }
        return IndicatorDefinition(
            code: code, name: texts(name, "name"),
            definition: self.definition.isEmpty ? .unknown : .known(texts(self.definition, "definition")),
            unit: unit.isEmpty ? .unknown : .known(unit), custodian: .known(partyCode),
            targets: Self.list(targets).compactMap { target in
                let parts = target.split(separator: "/").map(String.init)
                return parts.count == 2 ? IndicatorTargetLink(framework: parts[0], code: parts[1]) : nil
            },
            kind: .national, writtenIn: language.flatMap(Language.init(rawValue:)))
    }

    /// `rows` as the registry's type, each with its translations (one query for all).
    static func definitions(_ rows: [NationalIndicatorModel], on db: any Database) async throws -> [IndicatorDefinition] {
        let translations = try await ContentTranslationStore.load(.nationalIndicator, subjects: rows.map(\.code), on: db)
        return rows.map { $0.asDefinition(translations: translations[$0.code] ?? [:]) }
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

/// The language a national indicator's name and definition were written in (issue 13).
struct AddNationalIndicatorLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NationalIndicatorModel.schema).field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NationalIndicatorModel.schema).deleteField("language").update()
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
    /// The language `name` and `definition` were written in (nil: not recorded).
    public var language: String?
    /// The name and definition in other languages: field → language code → text.
    public var translations: [String: [String: String]]

    init(_ row: NationalIndicatorModel, translations: FieldTranslations = [:]) {
        party = row.partyCode
        code = row.code
        name = row.name
        unit = row.unit
        definition = row.definition
        globalIndicators = NationalIndicatorModel.list(row.globalIndicators)
        targets = NationalIndicatorModel.list(row.targets)
        language = row.language
        self.translations = translations.coded
    }

    /// `rows` with their translations (one query for all).
    static func all(_ rows: [NationalIndicatorModel], on db: any Database) async throws -> [NationalIndicatorDTO] {
        let translations = try await ContentTranslationStore.load(.nationalIndicator, subjects: rows.map(\.code), on: db)
        return rows.map { NationalIndicatorDTO($0, translations: translations[$0.code] ?? [:]) }
    }
}
