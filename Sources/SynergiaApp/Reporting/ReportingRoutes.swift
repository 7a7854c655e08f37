import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Reporting pages: cycles, a report with its questions, saving answers (with conflicts shown),
/// detaching, the workflow, the receipt; and their API twins.
enum ReportingRoutes {
    static func register(_ app: Application) throws {
        app.get("reporting") { req in Response.html(try await overview(req)) }
        app.on(.POST, "reporting", "cycles", body: .collect(maxSize: "16kb"), use: openCycle)
        app.on(.POST, "reporting", "cycles", ":cycle", "close", body: .collect(maxSize: "4kb"), use: closeCycle)
        app.on(.POST, "reporting", "cycles", ":cycle", "reports", body: .collect(maxSize: "4kb"), use: startReport)
        app.get("reports", ":report") { req in
            let (report, cycle, template) = try await load(req)
            try authorizeRead(req, report, template)
            return Response.html(try await page(req, report, cycle, template, conflict: nil, error: nil))
        }
        app.on(.POST, "reports", ":report", "answers", ":question", body: .collect(maxSize: "256kb"), use: saveAnswer)
        app.on(.POST, "reports", ":report", "answers", ":question", "detach", body: .collect(maxSize: "4kb"), use: detach)
        app.on(.POST, "reports", ":report", "transition", body: .collect(maxSize: "4kb"), use: transition)

        try ReportPackageRoutes.register(app)
        try ReportExport.register(app)
        try ReportVersions.register(app)
        try SynergyRoutes.register(app)
        try ReportCollaboration.register(app)

        let api = app.grouped("api", "v1")
        api.get("reporting-cycles") { req in try await ReportingCycleModel.query(on: req.db).sort(\.$dueOn).all().map(CycleDTO.init) }
        api.get("reports", ":report") { req in
            let (report, cycle, template) = try await load(req)
            try authorizeRead(req, report, template)
            return try await ReportDTO.make(report, cycle, template, on: req.db)
        }
    }


    static func load(_ req: Request) async throws -> (ReportModel, ReportingCycleModel, ReportTemplate) {
        guard let id = req.parameters.get("report", as: UUID.self),
              let report = try await ReportModel.query(on: req.db).filter(\.$id == id).with(\.$cycle).first() else { throw Abort(.notFound) }
        return (report, report.cycle, try req.application.synergia.templates.template(report.cycle.templateID))
    }

    static func authorizeRead(_ req: Request, _ report: ReportModel, _ template: ReportTemplate) throws {
        if report.status == ReportStatus.published.rawValue { return }
        try req.authorize(.readDraftReport(party: report.partyCode, convention: template.convention))
    }

    static func overview(_ req: Request) async throws -> String {
        let cycles = try await ReportingCycleModel.query(on: req.db).sort(\.$dueOn, .descending).all()
        var reports: [ReportModel] = []
        if let party = req.auth.get(UserModel.self)?.partyCode {
            reports = try await ReportModel.query(on: req.db).filter(\.$partyCode == party).with(\.$cycle).all()
        }
        let published = try await ReportModel.query(on: req.db).filter(\.$status == ReportStatus.published.rawValue).with(\.$cycle).all()
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
        return req.redirect(to: "/reporting")
    }

    @Sendable static func closeCycle(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let cycle = try await ReportingCycleModel.find(req.parameters.get("cycle", as: UUID.self), on: req.db) else { throw Abort(.notFound) }
        try await ReportingService.closeCycle(cycle, by: user, on: req.db)
        return req.redirect(to: "/reporting")
    }

    @Sendable static func startReport(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let cycle = try await ReportingCycleModel.find(req.parameters.get("cycle", as: UUID.self), on: req.db) else { throw Abort(.notFound) }
        let report = try await ReportingService.startReport(cycle: cycle, by: user, on: req.db)
        return req.redirect(to: "/reports/\(try report.requireID())")
    }

    struct AnswerFormData: Content { var value: String?; var values: [String]?; var baseVersion: Int? }

    @Sendable static func saveAnswer(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (report, cycle, template) = try await load(req)
        let questionID = req.parameters.get("question")!
        guard let question = template.question(questionID) else { throw Abort(.notFound) }
        let form = try req.content.decode(AnswerFormData.self)
        do {
            let value = try AnswerForm.parse(question, value: form.value, values: form.values ?? []).get()
            let outcome = try await ReportingService.save(value, question: questionID, baseVersion: form.baseVersion ?? 0,
                                                          report: report, template: template, by: user, on: req.db)
            if case .conflict(let mine, let theirs) = outcome {
                return Response.html(try await page(req, report, cycle, template, conflict: (questionID, mine, theirs), error: nil), status: .conflict)
            }
        } catch let refusal as Refusal {
            return Response.html(try await page(req, report, cycle, template, conflict: nil, error: (questionID, refusal.catalogKey)),
                                 status: refusal.status)
        }
        return req.redirect(to: "/reports/\(try report.requireID())#q-\(questionID)")
    }

    @Sendable static func detach(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (report, _, template) = try await load(req)
        let questionID = req.parameters.get("question")!
        try await ReportingService.detach(question: questionID, report: report, template: template, by: user, on: req.db)
        return req.redirect(to: "/reports/\(try report.requireID())#q-\(questionID)")
    }

    struct TransitionForm: Content { var to: String? }

    @Sendable static func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (report, _, template) = try await load(req)
        guard let target = ReportStatus(rawValue: try req.content.decode(TransitionForm.self).to ?? "") else {
            throw Refusal("error.workflow.no-such-transition")
        }
        try await ReportingService.transition(report, to: target, template: template, by: user, on: req.db)
        return req.redirect(to: "/reports/\(try report.requireID())")
    }

    static func page(_ req: Request, _ report: ReportModel, _ cycle: ReportingCycleModel, _ template: ReportTemplate,
                     conflict: (String, AnswerValue, AnswerRevision)?, error: (String, String)?) async throws -> String {
        let answers = try await ReportingService.answers(of: report, template: template, on: req.db)
        let sources = Set(answers.values.compactMap(\.reusedFrom))
        var sourceNames: [UUID: String] = [:]
        if !sources.isEmpty {
            for source in try await ReportModel.query(on: req.db).filter(\.$id ~~ Array(sources)).with(\.$cycle).all() {
                sourceNames[try source.requireID()] = (try? req.application.synergia.templates.template(source.cycle.templateID).title.english)
                    ?? source.cycle.title
            }
        }
        let actor = req.actor
        let canEdit = AuthorizationPolicy.permits(actor, .editReport(party: report.partyCode, convention: template.convention))
            && !(ReportStatus(rawValue: report.status)?.isLocked ?? true)
        let transitions = ReportStatus.allCases.filter {
            if case .success = ReportWorkflow.transition(from: ReportStatus(rawValue: report.status) ?? .draft, to: $0, by: actor,
                                                         party: report.partyCode, convention: template.convention) { return true }
            return false
        }
        let versions = try await ReportModel.query(on: req.db).filter(\.$cycle.$id == report.$cycle.id)
            .filter(\.$partyCode == report.partyCode).filter(\.$id != report.requireID()).sort(\.$version).all()
        let isLatest = !versions.contains { $0.version > report.version }
        let canAmend = isLatest && ReportWorkflow.canAmend(ReportStatus(rawValue: report.status) ?? .draft, by: actor,
                                                           party: report.partyCode, convention: template.convention)
        let collaboration = ReportView.Collaboration(
            comments: try await ReportCollaboration.comments(of: report, on: req.db),
            assignments: try await ReportCollaboration.assignments(of: report, on: req.db),
            canAssign: AuthorizationPolicy.permits(actor, .startReport(party: report.partyCode, convention: template.convention)) && canEdit,
            canComment: actor.isSignedIn && AuthorizationPolicy.permits(actor, .readDraftReport(party: report.partyCode, convention: template.convention)))
        let linked = try await LinkedAnswers.forReport(report, template: template, actor: actor,
                                                       templates: req.application.synergia.templates, on: req.db)
        return ReportView.render(req.page, report: report, cycle: cycle, template: template, answers: answers,
                                 sourceNames: sourceNames, canEdit: canEdit, canAmend: canAmend, versions: versions, collaboration: collaboration,
                                 transitions: transitions, conflict: conflict, error: error, linked: linked)
    }
}
