import Vapor

/// The cooperation registry: the page and its JSON.
struct CooperationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("cooperation") { req in Response.html(Cooperation.View.render(req.page, try await Self.model(req))) }
        routes.get("api", "v1", "cooperation") { req in try await Self.model(req) }
    }

    static func model(_ req: Request) async throws -> Cooperation.Model {
        try await Cooperation.query(req.application.synergia.cooperation, on: req.db)
    }
}
