import Vapor

/// Refuses, with 400, a request whose query or form or JSON body carries a NUL character: no
/// text a person enters contains one, PostgreSQL cannot store one, and some tools cut strings at
/// one. (Uploaded files, in multipart bodies, may contain any byte; their readers check them.)
/// And a multipart body without a boundary RFC 2046 allows: the multipart parser stops the
/// process on an empty one (a precondition, not an error), so no such body reaches it.
struct InputGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let query = request.url.query, Self.carriesNUL(query) { throw Abort(.badRequest, reason: "error.bad-request") }
        if let type = request.headers.contentType, type.type.lowercased() == "multipart",
           !Self.isBoundary(type.parameters["boundary"] ?? "") {
            throw Abort(.badRequest, reason: "error.bad-request")
        }
        if let type = request.headers.contentType, type == .urlEncodedForm || type == .json || type.subType.hasSuffix("+json") {
            let limit = request.route?.largeBodyLimit ?? request.application.routes.defaultMaxBodySize.value
            if let body = try await request.body.collect(max: limit).get(), Self.carriesNUL(String(buffer: body)) {
                throw Abort(.badRequest, reason: "error.bad-request")
            }
        }
        return try await next.respond(to: request)
    }

    /// 1 to 70 of the characters RFC 2046 allows in a boundary, not ending with a space.
    static func isBoundary(_ text: String) -> Bool {
        let allowed = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'()+_,-./:=? ".utf8)
        return (1...70).contains(text.utf8.count) && text.utf8.allSatisfy(allowed.contains) && text.last != " "
    }

    static func carriesNUL(_ text: String) -> Bool {
        text.utf8.contains(0) || text.range(of: "%00") != nil || text.range(of: "\\u0000") != nil
    }
}
