import SynergiaCore
import Vapor

/// One search over everything published: decisions, action items, targets, indicators, published
/// answers, news, meetings, Parties, conventions and the cooperation registry, in six languages.
enum SearchPage {}

extension SearchPage {
    /// What a search asks, as read from `?q=&kind=&convention=&language=&year=&page=`.
    struct Parameters: Sendable, Equatable {
        var q = ""
        var kind: SearchKind?
        var convention: String?
        /// The language of the texts to find (not the page's language, which is `lang`).
        var language: String?
        var year: Int?
        var page = 1

        static let pageSize = 20
        static let maxPage = 50

        /// The query items of a link to this search (the first page unless `page` > 1).
        var queryItems: [String: String?] {
            ["q": q.isEmpty ? nil : q, "kind": kind?.rawValue, "convention": convention, "language": language,
             "year": year.map(String.init), "page": page > 1 ? String(page) : nil]
        }

        /// The same search with one filter changed (and back on its first page).
        func with(kind: SearchKind?? = .none, convention: String?? = .none, language: String?? = .none, year: Int?? = .none) -> Parameters {
            var copy = self
            if case .some(let value) = kind { copy.kind = value }
            if case .some(let value) = convention { copy.convention = value }
            if case .some(let value) = language { copy.language = value }
            if case .some(let value) = year { copy.year = value }
            copy.page = 1
            return copy
        }
    }

    struct Model: Content, Sendable {
        /// The query as typed.
        var query: String
        /// The terms searched for, folded (what is marked in the excerpts).
        var terms: [String]
        var kind: SearchKind?
        var convention: String?
        var language: String?
        var year: Int?
        var page: Int
        var pageSize: Int
        /// Results that match the query and the filters.
        var total: Int
        var results: [Result]
        /// How many results each filter value would give, the other filters kept.
        var facets: Facets

        struct Result: Content, Sendable {
            var kind: SearchKind
            var path: String
            var title: SearchExcerpt
            var excerpt: SearchExcerpt
            var language: String
            var convention: String?
            var year: Int?
            /// The same text in the reader's language, when the result is in another one and that version exists.
            var inReaderLanguage: Counterpart?
        }

        struct Counterpart: Content, Sendable {
            var language: String
            var path: String
            var title: String
            var excerpt: SearchExcerpt
        }

        struct Facets: Content, Sendable {
            var kinds: [Facet]
            var conventions: [Facet]
            var languages: [Facet]
            var years: [Facet]
        }

        struct Facet: Content, Sendable, Equatable {
            var value: String
            var count: Int
        }

        var pages: Int { (total + pageSize - 1) / pageSize }
    }
}

extension SearchPage.Parameters {
    /// Reads a request's search; 400 (a clear message, nothing searched) for a query that is too long or has
    /// too many words, an unknown kind or language, or a convention, year or page that cannot be one.
    init(_ req: Request) throws {
        let values = req.queryValues
        try self.init(reading: { values[$0] })
    }

    /// Reads a search from named values (a query string, or a form that saves a search).
    init(reading value: (String) -> String?) throws {
        let raw = value("q") ?? ""
        do { _ = try SearchQuery(raw) } catch {
            throw Abort(.badRequest, reason: error == .tooLong ? "error.search.too-long" : "error.search.too-many-terms")
        }
        q = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        func read(_ name: String) -> String? { value(name).flatMap { $0.isEmpty ? nil : $0 } }
        if let value = read("kind") {
            guard let kind = SearchKind(rawValue: value) else { throw Abort(.badRequest, reason: "error.search.filter") }
            self.kind = kind
        }
        if let value = read("convention") {
            guard (2...12).contains(value.count), value.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) else {
                throw Abort(.badRequest, reason: "error.search.filter")
            }
            convention = value
        }
        if let value = read("language") {
            guard let language = Language(rawValue: value) else { throw Abort(.badRequest, reason: "error.search.filter") }
            self.language = language.code
        }
        if let value = read("year") {
            guard let year = Int(value), (1900...2100).contains(year) else { throw Abort(.badRequest, reason: "error.search.filter") }
            self.year = year
        }
        if let value = read("page") {
            guard let page = Int(value), (1...Self.maxPage).contains(page) else { throw Abort(.badRequest, reason: "error.search.filter") }
            self.page = page
        }
    }
}
