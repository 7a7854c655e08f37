import Fluent
import Foundation
import SynergiaCore
import Vapor

/// The one place that loads a report for a request and decides what its reader may see: a
/// published version is public; an unpublished one (and every comment, assignment and reviewer
/// of any version) only for those the policy lets read the Party's drafts. Every page, export
/// and API route that shows a report goes through ``readable(_:)``.
enum ReportAccess {
    /// A report with its cycle and the template version of that cycle.
    struct Loaded {
        var report: ReportModel
        var cycle: ReportingCycleModel
        var template: ReportTemplate
        var id: UUID { report.id! }
        var pair: (ReportModel, ReportTemplate) { (report, template) }
    }

    /// The report named by the route's `report` parameter, for a write (whose service checks the
    /// right to make it inside its transaction): 404 when there is none.
    static func load(_ req: Request, parameter: String = "report") async throws -> Loaded {
        let id = try req.idParameter(parameter)
        guard let report = try await ReportModel.query(on: req.db).filter(\.$id == id).with(\.$cycle).first() else { throw Abort(.notFound) }
        return Loaded(report: report, cycle: report.cycle, template: try req.application.synergia.templates.template(of: report.cycle))
    }

    /// The report named by the route, if the reader may read it: 401 for the public and 403 for
    /// others when it is not published.
    static func readable(_ req: Request, parameter: String = "report") async throws -> Loaded {
        let loaded = try await load(req, parameter: parameter)
        try requireReadable(loaded.report, convention: loaded.template.convention, by: req.actor)
        return loaded
    }

    static func requireReadable(_ report: ReportModel, convention: String, by actor: Actor) throws {
        guard report.status != .published else { return }
        try Authorize.require(actor, .readDraftReport(party: report.partyCode, convention: convention))
    }

    /// Whether `actor` may see what stays internal to those preparing and reviewing the Party's
    /// reports: drafts, comments, assignments, who is working on what.
    static func mayReadInternal(_ report: ReportModel, convention: String, by actor: Actor) -> Bool {
        AuthorizationPolicy.permits(actor, .readDraftReport(party: report.partyCode, convention: convention))
    }
}
