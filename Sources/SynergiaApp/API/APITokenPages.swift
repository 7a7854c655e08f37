import Foundation
import SynergiaCore
import Vapor

/// The account's API tokens: list, make one (shown once) and revoke.
struct APITokenPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "tokens") { req -> Response in
            let user = try req.requireUser()
            return Response.html(APITokens.View.render(req.page, try await APITokens.query(of: user, on: req.db)))
        }
        routes.on(.POST, "account", "tokens", body: .collect(maxSize: "4kb")) { req -> Response in
            let user = try req.requireUser()
            let token = try await APITokenService.create(named: (try? req.content.get(String.self, at: "name")) ?? "", for: user, on: req.db)
            let response = Response.html(APITokens.View.render(req.page, try await APITokens.query(of: user, created: token, on: req.db)),
                                         status: .created)
            // The new token is a secret in the body: never compressed, so its length tells nothing (BREACH).
            response.headers.responseCompression = .disable
            return response
        }
        routes.on(.POST, "account", "tokens", ":id", "revoke", body: .collect(maxSize: "4kb")) { req -> Response in
            try await APITokenService.revoke(try req.idParameter("id"), of: try req.requireUser(), on: req.db)
            return req.redirect(to: SiteURL.apiTokens.path)
        }
    }
}
