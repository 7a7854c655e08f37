import Fluent
import Foundation
import SQLKit
import SynergiaCore

extension ProgressOverview {
    /// Counts per target: `"FRAMEWORK/TARGET"` → the tally.
    public typealias Tallies = [String: ProgressAggregation.Tally]

    /// The overview of `cycle` (nil: the latest with assessments).
    static func query(cycle requested: String?, on db: any Database) async throws -> Model {
        let cycles = try await ProgressReaders.cycles(on: db)
        let cycle = try await ProgressReaders.cycle(requested, on: db)
        var tallies: Tallies = [:]
        if let cycle { tallies = try await self.tallies(cycle: cycle, on: db) }
        let frameworks = try await ProgressReaders.frameworks(on: db).map { framework in
            Model.Framework(code: framework.code, names: framework.names, targets: framework.targets.sorted { $0.position < $1.position }.map { target in
                let tally = tallies["\(framework.code)/\(target.code)"] ?? ProgressAggregation.Tally()
                return Model.Target(code: target.code, title: target.title, overall: tally.overall, byRegion: tally.byRegion,
                                    byConvention: tally.byConvention)
            })
        }
        return Model(cycle: cycle, cycles: cycles, frameworks: frameworks)
    }

    /// The tallies of `cycle`. The database groups the assessments by target and category and
    /// lists the Parties in each group (one short row per group, read through the index on
    /// cycle); each Party's regional group and conventions are read once; the counting by
    /// region and convention is then done here, in one pass.
    public static func tallies(cycle: String, on db: any Database) async throws -> Tallies {
        let sql = db.sql
        struct Group: Decodable { var framework: String; var target: String; var category: String; var parties: String }
        let groups = try await sql.raw("""
            SELECT framework, target, category, \(ProgressReaders.commaList(SQLIdentifier("party_code"), on: sql)) AS parties
            FROM \(ident: ProgressAssessmentModel.schema) WHERE cycle = \(bind: cycle) GROUP BY framework, target, category
            """).all(decoding: Group.self)
        let byParty = try await ProgressReaders.members(on: db)
        var result: Tallies = [:]
        for group in groups {
            let category = ProgressCategory(rawValue: group.category) ?? .unknown
            var tally = result["\(group.framework)/\(group.target)"] ?? ProgressAggregation.Tally()
            for party in group.parties.split(separator: ",") {
                tally.overall[category, default: 0] += 1
                guard let member = byParty[String(party)] else { continue }
                if let region = member.region { tally.byRegion[region, default: [:]][category, default: 0] += 1 }
                for convention in member.conventions { tally.byConvention[convention, default: [:]][category, default: 0] += 1 }
            }
            result["\(group.framework)/\(group.target)"] = tally
        }
        return result
    }
}
