import Fluent
import SQLKit
import SynergiaCore
import Vapor

/// The database reads behind the reference pages and their API twins.
enum ReferenceQueries {
    /// How many Parties (States and the EU) the reference data lists.
    static func partyCount(on db: any Database) async throws -> Int {
        try await PartyModel.query(on: db).count()
    }

    static func conventions(on db: any Database) async throws -> [ConventionDTO] {
        try await ConventionModel.query(on: db).sort(\.$position).all().map(ConventionDTO.init)
    }

    static func convention(_ code: String, on db: any Database) async throws -> ConventionDetailDTO {
        guard let row = try await ConventionModel.query(on: db).filter(\.$code == code.uppercased()).first() else {
            throw Abort(.notFound)
        }
        let frameworks = try await frameworkSummaries(on: db).filter { $0.convention == row.code }
        let statuses = try await MembershipModel.query(on: db).filter(\.$conventionCode == row.code).all().map(\.status)
        let parties = try await PartyModel.query(on: db).count()
        let members = statuses.filter { $0 == .party }.count
        let known = statuses.filter { $0 != .unknown }.count
        return ConventionDetailDTO(convention: ConventionDTO(row), frameworks: frameworks,
                                   partyCount: members, unknownMembershipCount: parties - known)
    }

    static func frameworkSummaries(on db: any Database) async throws -> [FrameworkSummaryDTO] {
        let rows = try await FrameworkModel.query(on: db).sort(\.$position).with(\.$goals).with(\.$targets).all()
        return rows.map(summary)
    }

    static func framework(_ code: String, on db: any Database) async throws -> FrameworkDTO {
        guard let row = try await FrameworkModel.query(on: db).filter(\.$code == code.uppercased())
            .with(\.$goals).with(\.$targets).first() else {
            throw Abort(.notFound)
        }
        let targets = row.targets.sorted { $0.position < $1.position }
        var goals = row.goals.sorted { $0.position < $1.position }.map { goal in
            FrameworkDTO.GoalDTO(code: goal.code, title: goal.title, targets: targets.filter { $0.goalCode == goal.code }.map(target))
        }
        let orphans = targets.filter { target in !row.goals.contains { $0.code == target.goalCode } }
        if !orphans.isEmpty { goals.append(FrameworkDTO.GoalDTO(code: "", title: [:], targets: orphans.map(target))) }
        return FrameworkDTO(framework: summary(row), goals: goals)
    }

    static func summary(_ row: FrameworkModel) -> FrameworkSummaryDTO {
        FrameworkSummaryDTO(code: row.code, convention: row.conventionCode, names: row.names, periodFrom: row.periodFrom,
                            periodTo: row.periodTo, adoptedBy: row.adoptedBy, goalCount: row.goals.count, targetCount: row.targets.count)
    }

    static func target(_ row: TargetModel) -> FrameworkDTO.TargetDTO {
        FrameworkDTO.TargetDTO(code: row.code, title: row.title, text: row.text)
    }

    /// The Parties, optionally only those of one regional group and those that are Parties
    /// to one convention, sorted by English name.
    static func parties(regionalGroup: String?, convention: String?, on db: any Database) async throws -> PartyListDTO {
        if let regionalGroup, RegionalGroup(rawValue: regionalGroup) == nil {
            throw Abort(.badRequest, reason: "error.unknown-regional-group")
        }
        let convention = convention?.uppercased()
        if let convention, try await ConventionModel.query(on: db).filter(\.$code == convention).first() == nil {
            throw Abort(.badRequest, reason: "error.convention-unknown")
        }
        var parties = try await partyRows(regionalGroup: regionalGroup, on: db)
        if let convention { parties = parties.filter { $0.membership(in: convention) == .party } }
        return PartyListDTO(regionalGroup: regionalGroup, convention: convention, count: parties.count, parties: parties)
    }

    static func party(_ code: String, on db: any Database) async throws -> PartyDTO {
        let code = code.uppercased()
        guard let party = try await partyRows(code: code, on: db).first else { throw Abort(.notFound) }
        return party
    }

    /// Parties by English name with their memberships, read as plain rows (two queries, no
    /// models): the list of all 196 is on public pages and the API.
    private static func partyRows(regionalGroup: String? = nil, code: String? = nil, on db: any Database) async throws -> [PartyDTO] {
        struct PartyRow: Decodable {
            var id: UUID; var alpha2: String; var alpha3: String?; var kind: Party.Kind; var names: [String: String]
            var regional_group: String?
        }
        struct MembershipRow: Decodable { var party_id: UUID; var convention_code: String; var status: MembershipStatus }
        let select = db.sql.select().columns("id", "alpha2", "alpha3", "kind", "names", "regional_group").from(PartyModel.schema)
        if let regionalGroup { select.where("regional_group", .equal, regionalGroup) }
        if let code { select.where(code.count == 3 ? "alpha3" : "alpha2", .equal, code) }
        let rows = try await select.orderBy("name_en").all(decoding: PartyRow.self)
        guard !rows.isEmpty else { return [] }
        let memberships = db.sql.select().columns("party_id", "convention_code", "status").from(MembershipModel.schema)
        if rows.count == 1 { memberships.where("party_id", .equal, rows[0].id) }
        var byParty: [UUID: [String: MembershipStatus]] = [:]
        for row in try await memberships.all(decoding: MembershipRow.self) { byParty[row.party_id, default: [:]][row.convention_code] = row.status }
        return rows.map { row in
            PartyDTO(alpha2: row.alpha2, alpha3: row.alpha3, kind: row.kind, names: row.names, regionalGroup: row.regional_group,
                     memberships: byParty[row.id] ?? [:])
        }
    }
}
