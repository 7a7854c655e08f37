import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// What the progress pages read from the reference tables and the assessments, each in one
/// query: the cycles, every Party as the dashboards count it, the frameworks and a target.
enum ProgressReaders {
    /// A Party as the dashboards count it.
    struct Member: Sendable {
        var name: String
        var region: String?
        /// Conventions it is a Party to (membership recorded as `party`).
        var conventions: Set<String>
    }

    /// The cycles that have assessments, newest first.
    static func cycles(on db: any Database) async throws -> [String] {
        struct Row: Decodable { var cycle: String }
        return try await db.sql.select().distinct().column("cycle").from(ProgressAssessmentModel.schema)
            .orderBy("cycle", .descending).all(decoding: Row.self).map(\.cycle)
    }

    /// `text` as a cycle (400 when it is not a year), else the newest cycle with assessments.
    static func cycle(_ text: String?, on db: any Database) async throws -> String? {
        if let text {
            guard let cycle = ProgressCycle(text) else { throw Abort(.badRequest, reason: "error.progress.cycle") }
            return cycle.text
        }
        return try await cycles(on: db).first
    }

    /// Every Party's English name, regional group and conventions.
    static func members(on db: any Database) async throws -> [String: Member] {
        let sql = db.sql
        struct Row: Decodable { var party: String; var name: String; var region: String?; var conventions: String? }
        let rows = try await sql.raw("""
            SELECT p.alpha2 AS party, p.name_en AS name, p.regional_group AS region, \(commaList(SQLColumn("convention_code", table: "m"), on: sql)) AS conventions
            FROM parties p LEFT JOIN party_memberships m ON m.party_id = p.id AND m.status = \(bind: MembershipStatus.party.rawValue)
            GROUP BY p.alpha2, p.name_en, p.regional_group
            """).all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map {
            ($0.party, Member(name: $0.name, region: $0.region, conventions: Set(($0.conventions ?? "").split(separator: ",").map(String.init))))
        })
    }

    /// The values of `column` in a group, joined with commas (`string_agg` on PostgreSQL, `group_concat` on SQLite).
    static func commaList(_ column: any SQLExpression, on sql: any SQLDatabase) -> SQLQueryString {
        sql.dialect.name == "postgresql" ? "string_agg(\(column), ',')" : "group_concat(\(column))"
    }

    /// The frameworks in order, with their targets.
    static func frameworks(on db: any Database) async throws -> [FrameworkModel] {
        try await FrameworkModel.query(on: db).sort(\.$position).with(\.$targets).all()
    }

    /// A framework (by code, any case) and one of its targets; 404 when either is unknown.
    static func target(framework code: String, target targetCode: String, on db: any Database) async throws -> (FrameworkModel, TargetModel) {
        guard let framework = try await FrameworkModel.query(on: db).filter(\.$code == code.uppercased()).first(),
              let target = try await TargetModel.query(on: db).filter(\.$framework.$id == framework.requireID())
                .filter(\.$code == targetCode).first() else { throw Abort(.notFound) }
        return (framework, target)
    }
}
