import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// The global progress overview: for every target of every framework, how many Parties put
/// their progress in each category in one reporting cycle — overall, by regional group and by
/// convention (a Party counts for each convention it is a Party to).
public enum ProgressOverview {
    /// Counts per target: `"FRAMEWORK/TARGET"` → the tally.
    public typealias Tallies = [String: ProgressAggregation.Tally]

    struct Count: Decodable, Sendable {
        var framework: String
        var target: String
        var category: String
        var groupKey: String?
        var n: Int
    }

    /// The tallies of `cycle`. The database groups the assessments by target and category and
    /// lists the Parties in each group (one short row per group, read through the index on
    /// cycle); each Party's regional group and conventions are read once; the counting by
    /// region and convention is then done here, in one pass.
    public static func tallies(cycle: String, on db: any Database) async throws -> Tallies {
        let sql = db as! any SQLDatabase
        struct Group: Decodable { var framework: String; var target: String; var category: String; var parties: String }
        let groups = try await sql.raw("""
            SELECT framework, target, category, \(commaList(SQLIdentifier("party_code"), on: sql)) AS parties FROM progress_assessments
            WHERE cycle = \(bind: cycle) GROUP BY framework, target, category
            """).all(decoding: Group.self)
        let byParty = try await members(on: db)
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

    /// The values of `column` in a group, joined with commas (`string_agg` on PostgreSQL,
    /// `group_concat` on SQLite).
    static func commaList(_ column: any SQLExpression, on sql: any SQLDatabase) -> SQLQueryString {
        sql.dialect.name == "postgresql" ? "string_agg(\(column), ',')" : "group_concat(\(column))"
    }

    /// A Party as the dashboards count it.
    public struct Member: Sendable {
        public var name: String
        public var region: String?
        /// Conventions it is a Party to (recorded as `party`).
        public var conventions: Set<String>
    }

    /// Every Party's English name, regional group and conventions, in one query.
    public static func members(on db: any Database) async throws -> [String: Member] {
        let sql = db as! any SQLDatabase
        struct Row: Decodable { var party: String; var name: String; var region: String?; var conventions: String? }
        let rows = try await sql.raw("""
            SELECT p.alpha2 AS party, p.name_en AS name, p.regional_group AS region, \(commaList(SQLColumn("convention_code", table: "m"), on: sql)) AS conventions
            FROM parties p LEFT JOIN party_memberships m ON m.party_id = p.id AND m.status = 'party'
            GROUP BY p.alpha2, p.name_en, p.regional_group
            """).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map {
            ($0.party, Member(name: $0.name, region: $0.region, conventions: Set(($0.conventions ?? "").split(separator: ",").map(String.init))))
        })
    }

    /// Folds the three kinds of grouped rows into one tally per target. Unknown categories are
    /// counted as `unknown`.
    static func assemble(overall: [Count], byRegion: [Count], byConvention: [Count]) -> Tallies {
        var result: Tallies = [:]
        func category(_ row: Count) -> ProgressCategory { ProgressCategory(rawValue: row.category) ?? .unknown }
        for row in overall { result["\(row.framework)/\(row.target)", default: .init()].overall[category(row), default: 0] += row.n }
        for row in byRegion {
            guard let key = row.groupKey else { continue }
            result["\(row.framework)/\(row.target)", default: .init()].byRegion[key, default: [:]][category(row), default: 0] += row.n
        }
        for row in byConvention {
            guard let key = row.groupKey else { continue }
            result["\(row.framework)/\(row.target)", default: .init()].byConvention[key, default: [:]][category(row), default: 0] += row.n
        }
        return result
    }

    /// The cycles that have assessments, newest first.
    public static func cycles(on db: any Database) async throws -> [String] {
        struct Row: Decodable { var cycle: String }
        let sql = db as! any SQLDatabase
        return try await sql.select().distinct().column("cycle").from(ProgressAssessmentModel.schema)
            .orderBy("cycle", .descending).all(decoding: Row.self).map(\.cycle)
    }

    /// The same aggregation written by hand as one SQL statement: the baseline the benchmark
    /// compares `tallies(cycle:on:)` with, and that a test checks it against.
    public static func handWrittenSQL(cycle: String) -> SQLQueryString {
        """
        SELECT a.framework, a.target, a.category, NULL AS "groupKey", COUNT(*) AS n
          FROM progress_assessments a WHERE a.cycle = \(bind: cycle)
          GROUP BY a.framework, a.target, a.category
        UNION ALL
        SELECT a.framework, a.target, a.category, 'region:' || p.regional_group AS "groupKey", COUNT(*) AS n
          FROM progress_assessments a JOIN parties p ON p.alpha2 = a.party_code
          WHERE a.cycle = \(bind: cycle) AND p.regional_group IS NOT NULL
          GROUP BY a.framework, a.target, a.category, p.regional_group
        UNION ALL
        SELECT a.framework, a.target, a.category, 'convention:' || m.convention_code AS "groupKey", COUNT(*) AS n
          FROM progress_assessments a JOIN parties p ON p.alpha2 = a.party_code
          JOIN party_memberships m ON m.party_id = p.id AND m.status = 'party'
          WHERE a.cycle = \(bind: cycle)
          GROUP BY a.framework, a.target, a.category, m.convention_code
        """
    }

    /// Runs ``handWrittenSQL(cycle:)`` and folds its rows the same way.
    public static func talliesByHand(cycle: String, on db: any Database) async throws -> Tallies {
        let rows = try await (db as! any SQLDatabase).raw(handWrittenSQL(cycle: cycle)).all(decoding: Count.self)
        func strip(_ prefix: String) -> [Count] {
            rows.compactMap { row in
                guard let key = row.groupKey, key.hasPrefix(prefix) else { return nil }
                var copy = row
                copy.groupKey = String(key.dropFirst(prefix.count))
                return copy
            }
        }
        return assemble(overall: rows.filter { $0.groupKey == nil }, byRegion: strip("region:"), byConvention: strip("convention:"))
    }
}
