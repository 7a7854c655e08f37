import Fluent
import Foundation
import Plot
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

enum NationalIndicators {
    static func register(_ app: Application) throws {
        app.get("api", "v1", "national-indicators") { req in
            let page = try Pagination.list(req)
            return try page.response(try await all(req, page: page).map(NationalIndicatorDTO.init), for: req)
        }
        app.on(.POST, "indicators", "national", body: .collect(maxSize: "16kb")) { req -> Response in
            let user = try req.requireUser()
            let row = try await add(try req.content.decode(Input.self), by: user, req: req)
            return req.redirect(to: "/indicators#national-\(row.code)")
        }
        app.grouped("api", "v1").grouped(APITokenAuthenticator())
            .on(.POST, "national-indicators", body: .collect(maxSize: "16kb")) { req -> Response in
                let user = try req.requireAPIUser()
                let row = try await add(try req.content.decode(Input.self), by: user, req: req)
                return try await NationalIndicatorDTO(row).encodeResponse(status: .created, for: req)
            }
    }

    static func all(_ req: Request, page: Pagination? = nil) async throws -> [NationalIndicatorModel] {
        let query = NationalIndicatorModel.query(on: req.db).sort(\.$code)
        if let party: String = req.query["party"] { query.filter(\.$partyCode == party.uppercased()) }
        if let page { query.onPage(page) }
        return try await query.all()
    }

    /// A registry indicator, or a Party's national one.
    static func definition(_ code: String, req: Request) async throws -> IndicatorDefinition? {
        if let global = req.application.synergia.indicators.indicator(code: code) { return global }
        return try await NationalIndicatorModel.query(on: req.db).filter(\.$code == code).first()?.asDefinition
    }

    /// Codes and owners, for imports.
    static func owners(on db: any Database) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await NationalIndicatorModel.query(on: db).all().map { ($0.code, $0.partyCode) })
    }

    struct Input: Content {
        /// The local part of the code, e.g. `FOREST-1` (the Party's code is put in front).
        var localCode: String?
        var name: String?
        var unit: String?
        var definition: String?
        /// Registry indicator codes, comma-separated or one per field.
        var globalIndicators: String?
        /// `FRAMEWORK/CODE`, comma-separated.
        var targets: String?
    }

    /// A focal point or contributor defines a national indicator of its Party. Refused: no
    /// name, a local code that is not letters, digits and hyphens, a code already used, a
    /// global indicator not in the registry, or a target that does not exist.
    static func add(_ input: Input, by user: UserModel, req: Request) async throws -> NationalIndicatorModel {
        guard let party = user.partyCode, AuthorizationPolicy.permits(user.actor, .publishIndicatorData(party: party)) else {
            throw Abort(.forbidden)
        }
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let local = clean(input.localCode).uppercased()
        guard !local.isEmpty, local.count <= 20, local.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
              local.unicodeScalars.contains(where: { $0 != "-" }) else {
            throw Refusal("error.national-indicator.code")
        }
        guard !clean(input.name).isEmpty else { throw Refusal("error.national-indicator.name") }
        let code = "\(party)-\(local)"
        let globals = NationalIndicatorModel.list(clean(input.globalIndicators))
        let registry = req.application.synergia.indicators
        guard globals.allSatisfy({ registry.indicator(code: $0) != nil }) else { throw Refusal("error.national-indicator.global") }
        let targets = NationalIndicatorModel.list(clean(input.targets)).map { $0.uppercased() }
        for target in targets {
            let parts = target.split(separator: "/").map(String.init)
            guard parts.count == 2, try await CrosswalkService.framework(TargetReference(framework: parts[0], code: parts[1]), on: req.db) != nil else {
                throw Refusal("error.national-indicator.target")
            }
        }
        let row = NationalIndicatorModel()
        row.partyCode = party
        row.code = code
        row.name = String(clean(input.name).prefix(300))
        row.unit = String(clean(input.unit).prefix(50))
        row.definition = String(clean(input.definition).prefix(4000))
        row.globalIndicators = globals.joined(separator: ",")
        row.targets = targets.joined(separator: ",")
        row.createdBy = user.email
        do {
            try await req.db.write { tx in
                try await row.createInWrite(on: tx.db)
                try await AuditLog.record(tx, actor: user.email, action: "national-indicator.added", subject: .other("indicator/\(code)"),
                                          after: "\(row.name); linked to \(row.globalIndicators)")
            }
        } catch where DatabaseFailure.isUniqueViolation(error) {
            throw Refusal("error.national-indicator.duplicate")
        }
        return row
    }
}

enum NationalIndicatorView {
    static func section(_ page: PageContext, _ indicators: [NationalIndicatorDTO], registry: [IndicatorDTO]) -> Node<HTML.BodyContext> {
        .section(.id("national"),
            .h2(page.text("indicators.national")),
            .p(page.text("indicators.national-intro")),
            .if(indicators.isEmpty, .p(page.text("indicators.national-none")), else: .table(.class("data"),
                .thead(.tr(.th(page.text("indicators.code")), .th(page.text("indicators.name")), .th(page.text("indicators.unit")),
                           .th(page.text("indicators.national-links")), .th(page.text("indicators.targets")))),
                .tbody(.forEach(indicators) { indicator in
                    .tr(.id("national-\(indicator.code)".attributeEscaped),
                        .th(.attribute(named: "scope", value: "row"), .a(.href("/indicators/\(indicator.code.attributeEscaped)?party=\(indicator.party)"), .text(indicator.code))),
                        .td(.text(indicator.name)), .td(.text(indicator.unit)),
                        .td(.forEach(indicator.globalIndicators) { .group(.a(.href("/indicators/\($0.attributeEscaped)"), .text($0)), .text(" ")) }),
                        .td(.forEach(indicator.targets) { .group(ActionItemsView.targetLink(page, $0), .text(" ")) }))
                }))),
            .if(page.user.flatMap { user in user.party.map { AuthorizationPolicy.permits(user.actor, .publishIndicatorData(party: $0)) } } ?? false, .group(
                .h3(page.text("indicators.national-add")),
                .form(.method(.post), .action("/indicators/national"), Layout.csrfField(page),
                      Layout.field(page, name: "localCode", labelKey: "indicators.national-code", value: ""),
                      Layout.field(page, name: "name", labelKey: "indicators.name", value: ""),
                      Layout.field(page, name: "unit", labelKey: "indicators.unit", value: "", required: false),
                      .div(.class("field"), .label(.for("definition"), page.text("indicators.definition")),
                           .textarea(.id("definition"), .name("definition"), .rows(3))),
                      .div(.class("field"), .label(.for("globalIndicators"), page.text("indicators.national-links")),
                           .select(.id("globalIndicators"), .attribute(named: "name", value: "globalIndicators"),
                                   Layout.options([("", "—")] + registry.map { ($0.code, "\($0.code) \(LocalizedText($0.name).resolved(in: page.language).text)") },
                                                  selected: nil))),
                      Layout.field(page, name: "targets", labelKey: "indicators.national-targets", value: "", required: false),
                      .button(.type(.submit), page.text("indicators.national-add")))))
        )
    }
}
