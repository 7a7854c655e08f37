import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Reporting pages: cycles, a report with its questions, saving answers (with conflicts shown),
/// detaching, the workflow, the receipt; and their API twins.
struct ReportingRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reporting") { req in Response.html(try await Self.overview(req)) }
        routes.on(.POST, "reporting", "cycles", body: .collect(maxSize: "16kb"), use: Self.openCycle)
        routes.on(.POST, "reporting", "cycles", ":cycle", "close", body: .collect(maxSize: "4kb"), use: Self.closeCycle)
        routes.on(.POST, "reporting", "cycles", ":cycle", "reports", body: .collect(maxSize: "4kb"), use: Self.startReport)
        routes.get("reports", ":report") { req in
            let loaded = try await ReportAccess.readable(req)
            return Response.html(try await Self.page(req, loaded, conflict: nil, error: nil))
        }
        routes.on(.POST, "reports", ":report", "answers", ":question", body: .collect(maxSize: "256kb"), use: Self.saveAnswer)
        routes.on(.POST, "reports", ":report", "answers", ":question", "detach", body: .collect(maxSize: "4kb"), use: Self.detach)
        routes.on(.POST, "reports", ":report", "transition", body: .collect(maxSize: "4kb"), use: Self.transition)

        try routes.register(collection: ReportPackageRoutes())
        try routes.register(collection: ReportExport())
        try routes.register(collection: ReportVersions())
        try routes.register(collection: SynergyRoutes())
        try routes.register(collection: CollaborationRoutes())

        let api = routes.grouped("api", "v1")
        api.get("reporting-cycles") { req in
            let page = try Pagination.list(req)
            return try page.response(try await ReportingCycleModel.query(on: req.db).sort(\.$dueOn).sort(\.$id).onPage(page).all()
                .map(CycleDTO.init), for: req)
        }
        api.get("reports", ":report") { req in
            let loaded = try await ReportAccess.readable(req)
            return try await ReportDTO.make(loaded.report, loaded.cycle, loaded.template, on: req.db)
        }
    }

    static func overview(_ req: Request) async throws -> String {
        let cycles = try await ReportingCycleModel.query(on: req.db).sort(\.$dueOn, .descending).all()
        var reports: [ReportModel] = []
        let actor = req.actor
        let templates = req.application.synergia.templates
        if let party = actor.party {
            // The Party's reports the person may read (a CBD focal point does not see the state of the Ramsar draft).
            reports = try await ReportModel.query(on: req.db).filter(\.$partyCode == party).with(\.$cycle).all().filter { report in
                report.status == .published || ((try? templates.template(of: report.cycle)).map {
                    AuthorizationPolicy.permits(actor, .readDraftReport(party: party, convention: $0.convention))
                } ?? false)
            }
        }
        let published = try await ReportModel.query(on: req.db).filter(\.$status == .published).with(\.$cycle).all()
        return ReportingOverviewView.render(req.page, cycles: cycles, myReports: reports, published: published,
                                            templates: req.application.synergia.templates, actor: req.actor)
    }

    struct CycleForm: Content { var template: String?; var title: String?; var opensOn: String?; var dueOn: String? }

    @Sendable static func openCycle(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(CycleForm.self)
        let template = try req.application.synergia.templates.template(form.template ?? "")
        do {
            try await ReportingService.openCycle(template: template, title: form.title ?? "", opensOn: form.opensOn ?? "",
                                                 dueOn: form.dueOn ?? "", by: user, on: req.db)
        } catch let errors as FieldErrors {
            throw Refusal(errors.byField.values.sorted().first ?? "error.bad-request")
        }
        return req.redirect(to: SiteURL.reporting.path)
    }

    @Sendable static func closeCycle(req: Request) async throws -> Response {
        let user = try req.requireUser()
        _ = try await ReportingService.closeCycle(try req.idParameter("cycle"), by: user, on: req.db)
        return req.redirect(to: SiteURL.reporting.path)
    }

    @Sendable static func startReport(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let report = try await ReportingService.startReport(cycle: try req.idParameter("cycle"), by: user, on: req.db)
        return req.redirect(to: SiteURL.report(try report.requireID()).path)
    }

    struct AnswerFormData: Content { var value: String?; var values: [String]?; var baseVersion: Int? }

    @Sendable static func saveAnswer(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let loaded = try await ReportAccess.load(req)
        let questionID = try req.textParameter("question")
        guard let question = loaded.template.question(questionID) else { throw Abort(.notFound) }
        let form = try req.content.decode(AnswerFormData.self)
        do {
            let value = try AnswerForm.parse(question, value: form.value, values: form.values ?? []).get()
            let outcome = try await ReportingService.save(value, question: questionID, baseVersion: form.baseVersion ?? 0,
                                                          report: loaded.id, template: loaded.template, by: user, on: req.db)
            if case .conflict(let mine, let theirs) = outcome {
                let fresh = try await ReportAccess.readable(req)
                return Response.html(try await page(req, fresh, conflict: (questionID, mine, theirs), error: nil), status: .conflict)
            }
        } catch let refusal as Refusal {
            let fresh = try await ReportAccess.readable(req)
            return Response.html(try await page(req, fresh, conflict: nil, error: (questionID, refusal.catalogKey)), status: refusal.status)
        }
        return req.redirect(to: SiteURL.report(loaded.id).path + "#q-" + SiteURL.fragment(questionID))
    }

    @Sendable static func detach(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let loaded = try await ReportAccess.load(req)
        let questionID = try req.textParameter("question")
        try await ReportingService.detach(question: questionID, report: loaded.id, template: loaded.template, by: user, on: req.db)
        return req.redirect(to: SiteURL.report(loaded.id).path + "#q-" + SiteURL.fragment(questionID))
    }

    struct TransitionForm: Content { var to: String? }

    @Sendable static func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let reportID = try req.idParameter("report")
        guard let target = ReportStatus(rawValue: try req.content.decode(TransitionForm.self).to ?? "") else {
            throw Refusal("error.workflow.no-such-transition")
        }
        do {
            try await ReportingService.transition(reportID, to: target, templates: req.application.synergia.templates, by: user, on: req.db)
        } catch let refused as SubmissionRefused {
            let fresh = try await ReportAccess.readable(req)
            return Response.html(try await page(req, fresh, conflict: nil, error: nil, submission: refused.problems), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.report(reportID).path)
    }

    static func page(_ req: Request, _ loaded: ReportAccess.Loaded, conflict: (String, AnswerValue, AnswerRevision)?, error: (String, String)?,
                     submission: [SubmissionProblem] = []) async throws -> String {
        let (report, cycle, template) = (loaded.report, loaded.cycle, loaded.template)
        let answers = try await ReportingService.answers(of: report, template: template, on: req.db)
        let sources = Set(answers.values.compactMap(\.reusedFrom))
        var sourceNames: [UUID: String] = [:]
        if !sources.isEmpty {
            for source in try await ReportModel.query(on: req.db).filter(\.$id ~~ Array(sources)).with(\.$cycle).all() {
                sourceNames[try source.requireID()] = (try? req.application.synergia.templates.template(of: source.cycle).title.english)
                    ?? source.cycle.title
            }
        }
        let actor = req.actor
        let canEdit = AuthorizationPolicy.permits(actor, .editReport(party: report.partyCode, convention: template.convention))
            && !report.status.isLocked
        let transitions = ReportStatus.allCases.filter {
            if case .success = ReportWorkflow.transition(from: report.status, to: $0, by: actor,
                                                         party: report.partyCode, convention: template.convention) { return true }
            return false
        }
        let mayReadInternal = ReportAccess.mayReadInternal(report, convention: template.convention, by: actor)
        let versions = try await ReportModel.query(on: req.db).filter(\.$cycle.$id == report.$cycle.id)
            .filter(\.$partyCode == report.partyCode).filter(\.$id != loaded.id).sort(\.$version).all()
            .filter { mayReadInternal || $0.status == .published }
        let isLatest = !versions.contains { $0.version > report.version }
        let canAmend = isLatest && ReportWorkflow.canAmend(report.status, by: actor, party: report.partyCode, convention: template.convention)
        let collaboration = ReportView.Collaboration(
            comments: mayReadInternal ? try await CollaborationService.comments(of: loaded.id, on: req.db) : [:],
            assignments: mayReadInternal ? try await CollaborationService.assignments(of: loaded.id, on: req.db) : [:],
            canAssign: AuthorizationPolicy.permits(actor, .startReport(party: report.partyCode, convention: template.convention)) && canEdit,
            canComment: mayReadInternal && actor.isSignedIn && !report.status.isLocked)
        let linked = try await LinkedAnswers.forReport(report, template: template, actor: actor,
                                                       templates: req.application.synergia.templates, on: req.db)
        return ReportView.render(req.page, report: report, cycle: cycle, template: template, answers: answers,
                                 sourceNames: sourceNames, canEdit: canEdit, canAmend: canAmend, versions: versions, collaboration: collaboration,
                                 transitions: transitions, conflict: conflict, error: error, submission: submission, linked: linked)
    }
}
