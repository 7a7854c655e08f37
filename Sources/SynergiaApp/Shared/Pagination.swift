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
