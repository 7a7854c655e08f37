import SynergiaCore
import Vapor

/// The synergy page, globally or for one Party, and its JSON.
struct SynergyRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("synergy") { req in Response.html(Synergy.View.render(req.page, try await Self.model(req, party: nil))) }
        routes.get("synergy", ":party") { req in
            Response.html(Synergy.View.render(req.page, try await Self.model(req, party: try req.textParameter("party").uppercased())))
        }
        routes.get("api", "v1", "synergy") { req in try await Self.model(req, party: nil) }
        routes.get("api", "v1", "synergy", ":party") { req in try await Self.model(req, party: try req.textParameter("party").uppercased()) }
    }

    static func model(_ req: Request, party: String?) async throws -> Synergy.Model {
        try await Synergy.query(party: party, actor: req.actor, templates: req.application.synergia.templates, on: req.db)
    }
}
