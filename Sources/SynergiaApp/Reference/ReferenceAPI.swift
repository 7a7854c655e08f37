import Fluent
import Vapor

/// The JSON twins of the reference pages, under `/api/v1`.
struct ReferenceAPI: RouteCollection {
    func boot(routes app: any RoutesBuilder) throws {
        let api = app.grouped("api", "v1")
        api.get("conventions") { req in try await ReferenceQueries.conventions(on: req.db) }
        api.get("conventions", ":code") { req in try await ReferenceQueries.convention((try req.textParameter("code")), on: req.db) }
        api.get("frameworks") { req in try await ReferenceQueries.frameworkSummaries(on: req.db) }
        api.get("frameworks", ":code") { req in try await ReferenceQueries.framework((try req.textParameter("code")), on: req.db) }
        api.get("parties") { req in
            try await ReferenceQueries.parties(regionalGroup: req.query["regionalGroup"], convention: req.query["convention"], on: req.db)
        }
        api.get("parties", ":code") { req in try await ReferenceQueries.party((try req.textParameter("code")), on: req.db) }
    }
}
