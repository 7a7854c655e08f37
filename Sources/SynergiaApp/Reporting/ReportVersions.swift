import Foundation
import SynergiaCore
import Vapor

/// Amending a report (a new draft version) and comparing two versions.
struct ReportVersions: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "reports", ":report", "amend", body: .collect(maxSize: "4kb")) { req -> Response in
            let amended = try await ReportVersionService.amend(try req.idParameter("report"), templates: req.application.synergia.templates,
                                                               by: try req.requireUser(), on: req.db)
            return req.redirect(to: SiteURL.report(try amended.requireID()).path)
        }
        routes.get("reports", ":report", "compare") { req -> Response in
            let loaded = try await ReportAccess.readable(req)
            guard let other = req.query[UUID.self, at: "with"] else { throw Abort(.notFound) }
            let model = try await ReportCompare.query(loaded, with: other, actor: req.actor, on: req.db)
            return Response.html(ReportCompare.View.render(req.page, model, template: loaded.template))
        }
    }
}
