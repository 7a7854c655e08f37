import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A Party's national targets: written and changed by its users (drafts by focal points,
/// contributors and its publishing authority; published ones only by focal points and the
/// authority), each change at a version, audited, in one write with its permission check.
enum NationalTargetService {
    /// What a save came to: the row as stored, or the row someone else saved since the editor
    /// loaded it (with the editor's content, to show both).
    enum Saved: Sendable {
        case saved(NationalTargetModel)
        case conflict(mine: NationalTargetContent, theirs: NationalTargetModel)
    }

    /// What a national target's content is checked against: the GBF's goals and targets in
    /// order, the indicators (the registry's and the Party's national ones) and the other
    /// frameworks' targets.
    struct Lookups: Sendable {
        var gbf: [String]
        var indicators: Set<String>
        var targets: Set<TargetReference>

        func parse(_ form: NationalTargetForm, language: Language?) throws -> NationalTargetContent {
            switch check(form, language: language) {
            case .success(let content): return content
            case .failure(let problem): throw Refusal(problem.catalogKey)
            }
        }

        func check(_ form: NationalTargetForm, language: Language?) -> Result<NationalTargetContent, NationalTargetInput.Problem> {
            NationalTargetInput.parse(form, language: language, gbf: gbf, knownIndicator: { indicators.contains($0) },
                                      knownTarget: { targets.contains($0) })
        }
    }

    static func lookups(party: String, registry: IndicatorRegistry, on db: any Database) async throws -> Lookups {
        let frameworks = try await FrameworkModel.query(on: db).sort(\.$position).with(\.$goals).with(\.$targets).all()
        let gbf = frameworks.first { $0.code == "KMGBF" }
        let goals = (gbf?.goals ?? []).sorted { $0.position < $1.position }.map(\.code)
        let targets = (gbf?.targets ?? []).sorted { $0.position < $1.position }.map(\.code)
        let national = try await NationalIndicatorModel.query(on: db).filter(\.$partyCode == party).all().map(\.code)
        return Lookups(gbf: goals + targets, indicators: Set(registry.indicators.map(\.code) + national),
                       targets: Set(frameworks.filter { $0.code != "KMGBF" }.flatMap { framework in
                           framework.targets.map { TargetReference(framework: framework.code, code: $0.code) }
                       }))
    }

    /// Whether `actor` may see `party`'s drafts.
    static func mayReadDrafts(_ actor: Actor, party: String) -> Bool {
        AuthorizationPolicy.permits(actor, .editNationalTargets(party: party))
    }

    /// A new draft national target of the user's Party. Refused: a code not in the form
    /// ``NationalTargetInput/code(_:)`` asks for, or already used by the Party; content that does not parse.
    static func create(code rawCode: String?, _ content: NationalTargetContent, party: String, by user: UserModel,
                       on db: any Database) async throws -> NationalTargetModel {
        guard case .success(let code) = NationalTargetInput.code(rawCode) else { throw Refusal("error.national-target.code") }
        let row = NationalTargetModel()
        row.partyCode = party
        row.code = code
        row.set(content)
        row.status = .draft
        row.version = 1
        row.createdBy = user.email
        row.updatedBy = user.email
        do {
            try await db.write { tx in try await insert(row, by: user, in: tx) }
        } catch where DatabaseFailure.isUniqueViolation(error) {
            throw Refusal("error.national-target.duplicate")
        }
        return row
    }

    /// Stores a new draft `row` in the write `tx`, who may checked there, audited.
    static func insert(_ row: NationalTargetModel, by user: UserModel, in tx: WriteContext) async throws {
        try Authorize.require(user.actor, .editNationalTargets(party: row.partyCode))
        row.updatedAt = Date()
        try await row.createInWrite(on: tx.db)
        try await AuditLog.record(tx, actor: user.email, action: "national-target.created", subject: subject(row), after: summary(row))
    }

    /// Saves `content` over the target as it was at `baseVersion`. A target saved by someone else
    /// since is a conflict (the same save arriving twice is answered as the first time). A
    /// published target may be changed only by those who may publish it.
    static func update(party: String, code: String, _ content: NationalTargetContent, baseVersion: Int, by user: UserModel,
                       on db: any Database) async throws -> Saved {
        try await db.write { tx in
            let row = try await locked(party: party, code: code, in: tx)
            try requireMayChange(row, by: user)
            if row.version != baseVersion {
                if row.version == baseVersion + 1, row.content == content, row.updatedBy == user.email { return .saved(row) }
                return .conflict(mine: content, theirs: row)
            }
            try await change(row, to: content, by: user, in: tx)
            return .saved(row)
        }
    }

    /// Replaces the content of `row` (locked in `tx`, its permission checked) with `content`, at the next version, audited.
    static func change(_ row: NationalTargetModel, to content: NationalTargetContent, by user: UserModel, in tx: WriteContext) async throws {
        let before = summary(row)
        row.set(content)
        row.version += 1
        row.updatedBy = user.email
        row.updatedAt = Date()
        try await row.update(on: tx.db)
        try await AuditLog.record(tx, actor: user.email, action: "national-target.changed", subject: subject(row),
                                  before: before, after: summary(row))
    }

    /// Who may change `row` as it is: a published target only those who may publish it.
    static func requireMayChange(_ row: NationalTargetModel, by user: UserModel) throws {
        try Authorize.require(user.actor, changing(row))
    }

    /// The action changing `row` as it is takes: publishing, for a published target.
    static func changing(_ row: NationalTargetModel) -> Action {
        row.status == .published ? .publishNationalTargets(party: row.partyCode) : .editNationalTargets(party: row.partyCode)
    }

    /// Publishes a draft as it was at `baseVersion` (a draft changed since is a conflict: the
    /// publisher has not seen what would be published).
    static func publish(party: String, code: String, baseVersion: Int, by user: UserModel, on db: any Database) async throws -> Saved {
        try await db.write { tx in
            let row = try await locked(party: party, code: code, in: tx)
            try Authorize.require(user.actor, .publishNationalTargets(party: party))
            guard row.status == .draft else { return .saved(row) }
            guard row.version == baseVersion else { return .conflict(mine: row.content, theirs: row) }
            row.status = .published
            row.publishedAt = Date()
            row.version += 1
            row.updatedBy = user.email
            row.updatedAt = Date()
            try await row.update(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "national-target.published", subject: subject(row),
                                      after: summary(row))
            return .saved(row)
        }
    }

    /// The row of `party`'s target `code`, locked for this write (404 when there is none).
    private static func locked(party: String, code: String, in tx: WriteContext) async throws -> NationalTargetModel {
        try await tx.lock(NationalTargetModel.schema, where: "party_code", equals: party, and: "code", equals: code)
        guard let row = try await NationalTargetModel.query(on: tx.db).filter(\.$partyCode == party).filter(\.$code == code).first() else {
            throw Abort(.notFound)
        }
        return row
    }

    /// `party`'s national targets in code order: all of them for a reader who may see drafts, else the published ones.
    static func list(party: String, drafts: Bool, on db: any Database) async throws -> [NationalTargetModel] {
        let query = NationalTargetModel.query(on: db).filter(\.$partyCode == party)
        if !drafts { query.filter(\.$status == .published) }
        return try await query.all().sorted { $0.code.localizedStandardCompare($1.code) == .orderedAscending }
    }

    /// One target, if it exists and the reader may see it (a draft is hidden as if it did not exist).
    static func find(party: String, code: String, drafts: Bool, on db: any Database) async throws -> NationalTargetModel? {
        let query = NationalTargetModel.query(on: db).filter(\.$partyCode == party).filter(\.$code == code)
        if !drafts { query.filter(\.$status == .published) }
        return try await query.first()
    }

    static func subject(_ row: NationalTargetModel) -> AuditSubject { .other("national-target/\(row.partyCode)/\(row.code)") }

    static func summary(_ row: NationalTargetModel) -> String {
        let aligned = row.content.alignments.map { "\($0.target.code):\($0.degree.rawValue)" }.joined(separator: ",")
        return "v\(row.version) \(row.status.rawValue); \(row.title); aligned \(aligned); progress \(row.progress?.rawValue ?? "-")"
    }
}
