import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// The decisions page: one row per decision (its language versions beside it), a hundred a page,
/// read a page at a time: only the columns the list shows, the action items counted by the database.
struct DecisionList: Content, Sendable {
    var page: Int
    var pages: Int
    var pageSize: Int
    /// Decisions (not language versions) in all.
    var total: Int
    var decisions: [Entry]

    struct Entry: Content, Sendable, Equatable {
        var slug: String
        var symbol: String
        var convention: String
        var meeting: String?
        /// The title in the reader's language when that version exists, else in English, else in the first version's.
        var title: String?
        var titleLanguage: String
        var languages: [String]
        /// The action items of the version whose title is shown.
        var actionItemCount: Int
    }

    static let pageSize = 100

    /// `?page=` (1 by default); 400 for one that is not a whole number from 1. A page past the last shows the last.
    static func requestedPage(_ req: Request) throws -> Int {
        guard let raw: String = req.query["page"] else { return 1 }
        guard let page = Int(raw), (1...1_000_000).contains(page) else { throw Abort(.badRequest, reason: "error.bad-request") }
        return page
    }

    static func query(page requested: Int, reader: Language, on db: any Database) async throws -> DecisionList {
        let sql = db.sql
        struct Count: Decodable { var n: Int }
        let total = try await sql.raw("SELECT count(DISTINCT slug) AS n FROM decisions").first(decoding: Count.self)?.n ?? 0
        let pages = max(1, (total + pageSize - 1) / pageSize)
        let page = min(requested, pages)
        var list = DecisionList(page: page, pages: pages, pageSize: pageSize, total: total, decisions: [])
        guard total > 0 else { return list }
        struct Slug: Decodable { var slug: String }
        let slugs = try await sql.raw("""
            SELECT slug FROM decisions GROUP BY slug ORDER BY min(symbol), slug
            LIMIT \(literal: pageSize) OFFSET \(literal: (page - 1) * pageSize)
            """).all(decoding: Slug.self).map(\.slug)
        let versions = try await sql.select().columns(Version.columns).from(DecisionModel.schema).where("slug", .in, slugs)
            .orderBy("language").all(decoding: Version.self)
        let items = try await actionItemCounts(versions.map(\.id), on: db)
        let bySlug = Dictionary(grouping: versions, by: \.slug)
        list.decisions = slugs.compactMap { slug in
            guard let all = bySlug[slug], let shown = all.first(where: { $0.language == reader.code })
                    ?? all.first(where: { $0.language == Language.english.code }) ?? all.first else { return nil }
            return Entry(slug: slug, symbol: shown.symbol, convention: shown.convention_code, meeting: shown.meeting, title: shown.title,
                         titleLanguage: shown.language, languages: all.map(\.language), actionItemCount: items[shown.id] ?? 0)
        }
        return list
    }

    /// One page of the language versions, as `/api/v1/decisions` lists them (ordered by symbol, then language).
    static func summaries(_ page: Pagination, on db: any Database) async throws -> [DecisionSummaryDTO] {
        let versions = try await db.sql.select().columns(Version.columns).from(DecisionModel.schema)
            .orderBy("symbol").orderBy("language").orderBy("convention_code").orderBy("id").limit(page.limit).offset(page.offset).all(decoding: Version.self)
        let items = try await actionItemCounts(versions.map(\.id), on: db)
        return versions.map {
            DecisionSummaryDTO(symbol: $0.symbol, slug: $0.slug, convention: $0.convention_code, language: $0.language, title: $0.title,
                               meeting: $0.meeting, actionItemCount: items[$0.id] ?? 0, warningCount: $0.warning_count)
        }
    }

    /// The columns of a language version that lists show (not its parsed structure or source text).
    struct Version: Decodable {
        var id: UUID; var slug: String; var symbol: String; var convention_code: String; var language: String
        var title: String?; var meeting: String?; var warning_count: Int
        static let columns: [String] = ["id", "slug", "symbol", "convention_code", "language", "title", "meeting", "warning_count"]
    }

    /// How many action items each of the language versions `ids` has (none: absent).
    static func actionItemCounts(_ ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty else { return [:] }
        struct Items: Decodable { var decision_id: UUID; var n: Int }
        var items: [UUID: Int] = [:]
        for row in try await db.sql.raw("""
            SELECT decision_id, count(*) AS n FROM action_items WHERE decision_id IN (\(binds: ids)) GROUP BY decision_id
            """).all(decoding: Items.self) {
            items[row.decision_id] = row.n
        }
        return items
    }
}
