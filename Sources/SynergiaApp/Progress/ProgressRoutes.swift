import Fluent
import SynergiaCore
import Vapor

/// Progress toward the targets: the overview of every target, one target's dashboard, one
/// Party's dashboard — each a page, a JSON twin and CSV — and the form where a Party's focal
/// point states an assessment.
struct ProgressRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("progress") { req in Response.html(ProgressOverview.View.render(req.page, try await Self.overview(req))) }
        routes.get("progress", "overview.csv") { req in Response.csv(ProgressOverview.View.csv(try await Self.overview(req))) }
        routes.get("api", "v1", "progress") { req in try await Self.overview(req) }

        routes.get("progress", ":framework", ":target") { req in
            let (framework, target) = try await Self.target(req)
            let canAssess = req.actor.party.map {
                AuthorizationPolicy.permits(req.actor, .recordAssessment(party: $0, convention: framework.conventionCode))
            } ?? false
            return Response.html(TargetDashboard.View.render(req.page, try await Self.dashboard(req, framework, target), canAssess: canAssess))
        }
        routes.get("progress", ":framework", ":target", "assessments.csv") { req in
            let (framework, target) = try await Self.target(req)
            return Response.csv(TargetDashboard.View.csv(try await Self.dashboard(req, framework, target)))
        }
        routes.get("api", "v1", "progress", ":framework", ":target") { req in
            let (framework, target) = try await Self.target(req)
            return try await Self.dashboard(req, framework, target)
        }
        routes.on(.POST, "progress", ":framework", ":target", body: .collect(maxSize: "64kb"), use: Self.assess)

        routes.get("parties", ":code", "progress") { req in Response.html(PartyProgress.View.render(req.page, try await Self.party(req))) }
        routes.get("api", "v1", "parties", ":code", "progress") { req in try await Self.party(req) }
        routes.get("parties", ":code", "progress.csv") { req in Response.csv(PartyProgress.View.csv(try await Self.party(req))) }
    }

    static func overview(_ req: Request) async throws -> ProgressOverview.Model {
        try await ProgressOverview.query(cycle: req.query["cycle"], on: req.db)
    }

    static func target(_ req: Request) async throws -> (FrameworkModel, TargetModel) {
        try await ProgressReaders.target(framework: try req.textParameter("framework"), target: try req.textParameter("target"), on: req.db)
    }

    static func dashboard(_ req: Request, _ framework: FrameworkModel, _ target: TargetModel) async throws -> TargetDashboard.Model {
        // Suggestions for the Party named by `?party=`, or for the reader's own Party.
        try await TargetDashboard.query(framework: framework, target: target, cycle: req.query["cycle"],
                                        suggestionsFor: req.partyQuery ?? req.actor.party,
                                        registry: req.application.synergia.indicators, on: req.db)
    }

    static func party(_ req: Request) async throws -> PartyProgress.Model {
        try await PartyProgress.query(party: try req.textParameter("code").uppercased(), registry: req.application.synergia.indicators,
                                      templates: req.application.synergia.templates, kind: try IndicatorKindFilter.kind(req), on: req.db)
    }

    /// The Party's focal point states its assessment (the person decides; the indicator data only informs it).
    @Sendable static func assess(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (framework, target) = try await Self.target(req)
        try await ProgressService.record(try req.content.decode(ProgressService.AssessmentForm.self), framework: framework, target: target,
                                         by: user, on: req.db)
        return req.redirect(to: SiteURL.progressTarget(framework: framework.code, target: target.code).path)
    }
}
