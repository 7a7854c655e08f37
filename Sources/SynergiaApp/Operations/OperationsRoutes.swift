import Fluent
import SQLKit
import Vapor

/// Health checks for load balancers and orchestrators, and the static files.
struct OperationsRoutes: RouteCollection {
    func boot(routes app: any RoutesBuilder) throws {
        app.get("healthz", use: Self.healthz)
        app.get("readyz", use: Self.readyz)
        app.get("metrics", use: Self.metrics)
        app.get("static", ":file", use: Self.asset)
        // Browsers ask for it on their own; Synergia has no icon, and says so without an error.
        app.get("favicon.ico") { _ in Response(status: .noContent, headers: ["Cache-Control": "public, max-age=86400"]) }
        app.get("api", "openapi.yaml") { req in
            guard let response = req.application.synergia.assets.response(for: "openapi.yaml", request: req) else {
                throw Abort(.notFound)
            }
            return response
        }
    }

    /// The process is up and serving.
    @Sendable static func healthz(req: Request) async throws -> HealthStatus {
        HealthStatus(status: "ok")
    }

    /// The database answers; 503 when it does not.
    @Sendable static func readyz(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
            _ = try await sql.raw("SELECT 1 AS ok").first()
            return try await HealthStatus(status: "ok").encodeResponse(for: req)
        } catch {
            req.logger.warning("readiness check failed: \(error)")
            let response = try await HealthStatus(status: "database unreachable").encodeResponse(for: req)
            response.status = .serviceUnavailable
            return response
        }
    }

    @Sendable static func asset(req: Request) async throws -> Response {
        guard let name = req.parameters.get("file"), name.hasSuffix(".css") || name.hasSuffix(".js"),
              let response = req.application.synergia.assets.response(for: name, request: req) else {
            throw Abort(.notFound)
        }
        return response
    }
}

struct HealthStatus: Content {
    var status: String
}
