import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// The global progress overview: for every target of every framework, how many Parties put
/// their progress in each category in one reporting cycle — overall, by regional group and by
/// convention (a Party counts for each convention it is a Party to). The counting is done by
/// the database: three grouped queries built with SQLKit.
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

    /// The tallies of `cycle`, with the database doing the counting.
    public static func tallies(cycle: String, on db: any Database) async throws -> Tallies {
        let sql = db as! any SQLDatabase
        let a = ProgressAssessmentModel.schema, p = PartyModel.schema, m = MembershipModel.schema
        func grouped(_ key: (any SQLExpression)?) -> SQLSelectBuilder {
            var select = sql.select()
                .column(SQLColumn("framework", table: a)).column(SQLColumn("target", table: a)).column(SQLColumn("category", table: a))
            if let key { select = select.column(SQLAlias(key, as: SQLIdentifier("groupKey"))) }
            select = select.column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
                .from(a)
                .where(SQLColumn("cycle", table: a), .equal, SQLBind(cycle))
            return select
        }
        func groupBy(_ select: SQLSelectBuilder, _ key: (any SQLExpression)?) -> SQLSelectBuilder {
            var select = select.groupBy(SQLColumn("framework", table: a)).groupBy(SQLColumn("target", table: a))
                .groupBy(SQLColumn("category", table: a))
            if let key { select = select.groupBy(key) }
            return select
        }
        let region = SQLColumn("regional_group", table: p)
        let convention = SQLColumn("convention_code", table: m)
        let overall = try await groupBy(grouped(nil), nil).all(decoding: Count.self)
        let byRegion = try await groupBy(
            grouped(region).join(p, on: SQLColumn("alpha2", table: p), .equal, SQLColumn("party_code", table: a))
                .where(region, .isNot, SQLLiteral.null), region).all(decoding: Count.self)
        let byConvention = try await groupBy(
            grouped(convention).join(p, on: SQLColumn("alpha2", table: p), .equal, SQLColumn("party_code", table: a))
                .join(m, on: SQLColumn("party_id", table: m), .equal, SQLColumn("id", table: p))
                .where(SQLColumn("status", table: m), .equal, SQLBind("party")), convention).all(decoding: Count.self)
        return assemble(overall: overall, byRegion: byRegion, byConvention: byConvention)
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
