import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Target crosswalks: the page (filter by `?target=FRAMEWORK/CODE`), its JSON, and the
/// secretariats' forms to add and remove links.
struct CrosswalkRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("crosswalks") { req in
            Response.html(Crosswalks.View.render(req.page, try await Crosswalks.query(target: req.query["target"], actor: req.actor, on: req.db)))
        }
        routes.get("api", "v1", "crosswalks") { req in
            let page = try Pagination.list(req)
            return try page.response(page.slice(try await Crosswalks.links(touching: req.query["target"], on: req.db)), for: req)
        }
        routes.on(.POST, "crosswalks", body: .collect(maxSize: "16kb")) { req -> Response in
            try await CrosswalkService.add(try req.content.decode(CrosswalkService.LinkForm.self), by: try req.requireUser(), on: req.db)
            return req.redirect(to: SiteURL.crosswalks.path)
        }
        routes.on(.POST, "crosswalks", ":id", "delete", body: .collect(maxSize: "4kb")) { req -> Response in
            try await CrosswalkService.remove(try req.idParameter("id"), by: try req.requireUser(), on: req.db)
            return req.redirect(to: SiteURL.crosswalks.path)
        }
    }
}
