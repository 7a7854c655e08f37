import Fluent
import Vapor

/// A page of a long list in the API: `?limit=` (up to a maximum the route sets) and `?offset=`.
/// The response says where the next page is (`Link: <…>; rel="next"`) while there may be one.
struct Pagination: Sendable, Equatable {
    var limit: Int
    var offset: Int

    init(limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }

    /// The request's page; 400 for a limit or offset that is not a whole number in range.
    init(_ req: Request, defaultLimit: Int, maxLimit: Int) throws {
        func read(_ name: String) throws -> Int? {
            guard let raw: String = req.query[name] else { return nil }
            guard let value = Int(raw), value >= 0 else { throw Abort(.badRequest, reason: "error.bad-request") }
            return value
        }
        let limit = try read("limit") ?? defaultLimit
        guard (1...maxLimit).contains(limit) else { throw Abort(.badRequest, reason: "error.bad-request") }
        self.limit = limit
        self.offset = min(try read("offset") ?? 0, 1_000_000_000)
    }

    /// Adds `Link: <path?…&offset=…>; rel="next"` when this page was full.
    func addLinks(to headers: inout HTTPHeaders, path: String, query: [String: String?], returned: Int) {
        guard returned >= limit else { return }
        var items = query
        items["limit"] = String(limit)
        items["offset"] = String(offset + limit)
        headers.add(name: "Link", value: "<\(path)\(SiteURL.query(items))>; rel=\"next\"")
    }
}

extension Pagination {
    /// Lists in the API: 100 items a page unless `?limit=` asks for up to 1,000.
    static func list(_ req: Request) throws -> Pagination { try Pagination(req, defaultLimit: 100, maxLimit: 1_000) }

    /// The part of `items` this page covers.
    func slice<T>(_ items: [T]) -> [T] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + limit)])
    }

    /// `items` (already this page) as JSON, with the link to the next page when there may be one.
    func response<T: Content>(_ items: [T], for req: Request) throws -> Response {
        var headers = HTTPHeaders()
        var query: [String: String?] = [:]
        for (name, value) in req.queryValues.dictionary where name != "limit" && name != "offset" && name != "lang" {
            query[name] = value
        }
        addLinks(to: &headers, path: req.url.path, query: query, returned: items.count)
        let response = Response(status: .ok, headers: headers)
        try response.content.encode(items, as: .json)
        return response
    }
}

extension QueryBuilder {
    /// This page of the query's rows.
    @discardableResult
    func onPage(_ page: Pagination) -> Self { range(page.offset..<(page.offset + page.limit)) }
}
