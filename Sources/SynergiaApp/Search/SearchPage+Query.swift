import Fluent
import SQLKit
import SynergiaCore

extension SearchPage {
    /// Searches the index: the counts of every filter value (the other filters kept), then one page of
    /// results, best first, and for results in another language than the reader's, the same text in
    /// the reader's language where the index has it.
    static func query(_ parameters: Parameters, reader: Language, on db: any Database) async throws -> Model {
        let query = try SearchQuery(parameters.q)
        var model = Model(query: query.text, terms: query.terms, kind: parameters.kind, convention: parameters.convention,
                          language: parameters.language, year: parameters.year, page: parameters.page, pageSize: Parameters.pageSize,
                          total: 0, results: [], facets: .init(kinds: [], conventions: [], languages: [], years: []))
        guard !query.isEmpty else { return model }
        let match = SearchMatch(query: query, postgres: db.isPostgres)
        let sql = db.sql

        let groups = try await sql.raw("""
            SELECT e.kind, e.convention_code, e.language, e.year, count(*) AS n FROM \(match.from)
            WHERE \(match.condition) GROUP BY e.kind, e.convention_code, e.language, e.year
            """).all().map(Group.init(row:))
        model.facets = facets(groups, parameters)
        model.total = groups.filter { $0.matches(parameters) }.reduce(0) { $0 + $1.n }
        guard model.total > 0 else { return model }
        // Past the last page: the last page.
        var parameters = parameters
        parameters.page = min(parameters.page, max(1, min(model.pages, Parameters.maxPage)))
        model.page = parameters.page

        // The page's entries ranked on the index alone, then joined to their texts.
        let rows = try await sql.raw("""
            SELECT e.kind, e.path, e.title, e.body, e.language, e.convention_code, e.year, e.group_key
            FROM (\(match.page(filters: filters(parameters), limit: Parameters.pageSize, offset: (parameters.page - 1) * Parameters.pageSize))) hit
            JOIN search_entries e ON e.seq = hit.seq ORDER BY \(match.orderOfPage("hit"))
            """).all(decoding: Row.self)

        let wanted = Set(rows.filter { $0.language != reader.code }.compactMap(\.group_key))
        var counterparts: [String: Row] = [:]
        if !wanted.isEmpty {
            for row in try await sql.raw("""
                SELECT e.kind, e.path, e.title, e.body, e.language, e.convention_code, e.year, e.group_key FROM search_entries e
                WHERE e.language = \(bind: reader.code) AND e.group_key IN (\(binds: wanted.sorted()))
                """).all(decoding: Row.self) {
                if let group = row.group_key { counterparts[group] = row }
            }
        }
        model.results = rows.compactMap { row in
            guard let kind = SearchKind(rawValue: row.kind) else { return nil }
            let counterpart = row.language == reader.code ? nil : row.group_key.flatMap { counterparts[$0] }
            return Model.Result(kind: kind, path: row.path, title: SearchExcerpt(row.title, terms: query.terms, length: 400),
                                excerpt: SearchExcerpt(row.body, terms: query.terms), language: row.language,
                                convention: row.convention_code, year: row.year,
                                inReaderLanguage: counterpart.map {
                                    Model.Counterpart(language: $0.language, path: $0.path, title: $0.title, excerpt: SearchExcerpt($0.body, terms: []))
                                })
        }
        return model
    }

    /// ` AND …` for each filter of `parameters` (each value bound), over the entries as `e`.
    static func filters(_ parameters: Parameters) -> SQLQueryString {
        var filters: [SQLQueryString] = []
        if let kind = parameters.kind { filters.append("e.kind = \(bind: kind.rawValue)") }
        if let convention = parameters.convention { filters.append("e.convention_code = \(bind: convention)") }
        if let language = parameters.language { filters.append("e.language = \(bind: language)") }
        if let year = parameters.year { filters.append("e.year = \(bind: year)") }
        return filters.isEmpty ? "" : " AND " + filters.joined(separator: " AND ")
    }

    struct Row: Decodable {
        var kind: String
        var path: String
        var title: String
        var body: String
        var language: String
        var convention_code: String?
        var year: Int?
        var group_key: String?
    }

    /// How many matching entries share a kind, convention, language and year.
    struct Group {
        var kind: String
        var convention_code: String?
        var language: String
        var year: Int?
        var n: Int

        /// Read column by column: a common word has a few hundred groups, and `Decodable` cost
        /// five times as much per row.
        init(row: any SQLRow) throws {
            kind = try row.decode(column: "kind", as: String.self)
            convention_code = try row.decodeNil(column: "convention_code") ? nil : row.decode(column: "convention_code", as: String.self)
            language = try row.decode(column: "language", as: String.self)
            year = try row.decodeNil(column: "year") ? nil : row.decode(column: "year", as: Int.self)
            n = try row.decode(column: "n", as: Int.self)
        }

        func matches(_ p: Parameters, ignoring facet: PartialKeyPath<Parameters>? = nil) -> Bool {
            (facet == \Parameters.kind || p.kind == nil || p.kind?.rawValue == kind)
                && (facet == \Parameters.convention || p.convention == nil || p.convention == convention_code)
                && (facet == \Parameters.language || p.language == nil || p.language == language)
                && (facet == \Parameters.year || p.year == nil || p.year == year)
        }
    }

    /// Each filter's values with their counts, the other filters applied; most results first.
    static func facets(_ groups: [Group], _ p: Parameters) -> Model.Facets {
        func count(_ facet: PartialKeyPath<Parameters>, _ value: (Group) -> String?) -> [Model.Facet] {
            var counts: [String: Int] = [:]
            for group in groups where group.matches(p, ignoring: facet) {
                if let v = value(group) { counts[v, default: 0] += group.n }
            }
            return counts.map { Model.Facet(value: $0.key, count: $0.value) }.sorted { ($0.count, $1.value) > ($1.count, $0.value) }
        }
        return Model.Facets(kinds: count(\.kind) { $0.kind }, conventions: count(\.convention) { $0.convention_code },
                            languages: count(\.language) { $0.language },
                            years: count(\.year) { $0.year.map(String.init) }.sorted { $0.value > $1.value })
    }
}
