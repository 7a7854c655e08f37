import Fluent
import Foundation
import SynergiaCore
import Vapor

/// National indicators: a Party's own indicators for its national targets, defined by its focal
/// points, and the lookups imports and pages need.
enum NationalIndicatorService {
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

    /// A Party's focal point defines a national indicator of its Party. Refused: no name, a local
    /// code that is not letters, digits and hyphens, a code already used, a global indicator not
    /// in the registry, or a target that does not exist. `writtenIn`: the language of its name and
    /// definition (the page's, or the one an API client names), nil when not known.
    static func add(_ input: Input, by user: UserModel, writtenIn language: Language?, registry: IndicatorRegistry,
                    on db: any Database) async throws -> NationalIndicatorModel {
        guard let party = user.partyCode else { throw Abort(.forbidden) }
        try Authorize.require(user.actor, .publishIndicatorData(party: party))
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let local = clean(input.localCode).uppercased()
        guard !local.isEmpty, local.count <= 20, local.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
              local.unicodeScalars.contains(where: { $0 != "-" }) else {
            throw Refusal("error.national-indicator.code")
        }
        guard !clean(input.name).isEmpty else { throw Refusal("error.national-indicator.name") }
        let code = "\(party)-\(local)"
        let globals = NationalIndicatorModel.list(clean(input.globalIndicators))
        guard globals.allSatisfy({ registry.indicator(code: $0) != nil }) else { throw Refusal("error.national-indicator.global") }
        let targets = NationalIndicatorModel.list(clean(input.targets)).map { $0.uppercased() }
        for target in targets {
            let parts = target.split(separator: "/").map(String.init)
            guard parts.count == 2, try await CrosswalkService.framework(TargetReference(framework: parts[0], code: parts[1]), on: db) != nil else {
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
        row.language = language?.code
        do {
            try await db.write { tx in
                try await row.createInWrite(on: tx.db)
                try await AuditLog.record(tx, actor: user.email, action: "national-indicator.added", subject: .other("indicator/\(code)"),
                                          after: "\(row.name); linked to \(row.globalIndicators)")
            }
        } catch where DatabaseFailure.isUniqueViolation(error) {
            throw Refusal("error.national-indicator.duplicate")
        }
        return row
    }

    /// The national indicators (of one Party when `party` is given), a page of them when asked.
    static func list(party: String?, page: Pagination? = nil, on db: any Database) async throws -> [NationalIndicatorModel] {
        let query = NationalIndicatorModel.query(on: db).sort(\.$code)
        if let party { query.filter(\.$partyCode == party.uppercased()) }
        if let page { query.onPage(page) }
        return try await query.all()
    }

    /// A registry indicator, or a Party's national one.
    static func definition(_ code: String, registry: IndicatorRegistry, on db: any Database) async throws -> IndicatorDefinition? {
        if let global = registry.indicator(code: code) { return global }
        guard let row = try await NationalIndicatorModel.query(on: db).filter(\.$code == code).first() else { return nil }
        return try await NationalIndicatorModel.definitions([row], on: db).first
    }

    /// Codes and owners, for imports.
    static func owners(on db: any Database) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await NationalIndicatorModel.query(on: db).all().map { ($0.code, $0.partyCode) })
    }
}
