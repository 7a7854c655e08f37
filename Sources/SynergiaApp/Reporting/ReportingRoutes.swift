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
        routes.get("reports", ":report", use: Self.reportPage)
        routes.get("reports", ":report", "sections", ":section", use: Self.sectionPage)
        routes.get("reports", ":report", "sections", ":section", "comments", use: Self.sectionCommentsPage)
        // A section of long narratives (each answer up to 256 kB) is sent whole: a larger body than a page's form.
        routes.on(.POST, "reports", ":report", "sections", ":section", body: .collect(maxSize: "8mb"), use: Self.saveSection).allowsLargeBody("8mb")
        routes.get("reports", ":report", "check") { req in
            try await Self.keptPage(req) { context, loaded, model in
                ReportCheck.View.render(context, ReportCheck.query(model, template: loaded.template), template: loaded.template)
            }
        }
        routes.on(.POST, "reports", ":report", "answers", ":question", body: .collect(maxSize: "256kb"), use: Self.saveAnswer)
        routes.on(.POST, "reports", ":report", "answers", ":question", "detach", body: .collect(maxSize: "4kb"), use: Self.detach)
        routes.get("reports", ":report", "answers", ":question", "languages", use: Self.languagesPage)
        // The original and five translations, each up to a narrative's 256 kB.
        routes.on(.POST, "reports", ":report", "answers", ":question", "languages", body: .collect(maxSize: "2mb"),
                  use: Self.saveLanguages).allowsLargeBody("2mb")
        // A rejection's reason of 2,000 characters is up to 18 KB of form in Chinese.
        routes.on(.POST, "reports", ":report", "transition", body: .collect(maxSize: "32kb"), use: Self.transition)

        try routes.register(collection: ReportPackageRoutes())
        try routes.register(collection: ReportExport())
        try routes.register(collection: ReportVersions())
        try routes.register(collection: SynergyRoutes())
        try routes.register(collection: CollaborationRoutes())

        let api = routes.grouped("api", "v1")
        api.get("reporting-cycles") { req in
            let page = try Pagination.list(req)
            return try page.response(try await ReportingOverview.cycles(page, on: req.db), for: req)
        }
        api.get("reports", ":report") { req in try await Self.model(req, try await ReportAccess.readable(req)) }
        api.get("reports", ":report", "check") { req in
            let loaded = try await ReportAccess.readable(req)
            return ReportCheck.query(try await Self.model(req, loaded), template: loaded.template)
        }
    }

    static func overview(_ req: Request) async throws -> String {
        ReportingOverview.View.render(req.page, try await ReportingOverview.query(actor: req.actor, templates: req.application.synergia.templates,
                                                                                  on: req.db))
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
                                                          report: loaded.id, template: loaded.template, by: user, writtenIn: req.language,
                                                          on: req.db)
            if case .conflict(let mine, let theirs) = outcome {
                let fresh = try await ReportAccess.readable(req)
                return Response.html(try await page(req, fresh, .init(conflicts: [questionID: .init(mine: mine, theirs: theirs)])), status: .conflict)
            }
        } catch let refusal as Refusal {
            let fresh = try await ReportAccess.readable(req)
            return Response.html(try await page(req, fresh, .init(errors: [questionID: refusal.catalogKey])), status: refusal.status)
        }
        return req.redirect(to: Self.afterSave(loaded, question: questionID))
    }

    @Sendable static func detach(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let loaded = try await ReportAccess.load(req)
        let questionID = try req.textParameter("question")
        try await ReportingService.detach(question: questionID, report: loaded.id, template: loaded.template, by: user, on: req.db)
        return req.redirect(to: Self.afterSave(loaded, question: questionID))
    }

    /// `to`: the status to move to; `reason`: why a request to publish is rejected (required then);
    /// `withdraw=1`: its maker takes the request back.
    struct TransitionForm: Content { var to: String?; var reason: String?; var withdraw: String? }

    @Sendable static func transition(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let reportID = try req.idParameter("report")
        let form = try req.content.decode(TransitionForm.self)
        if form.withdraw == "1" {
            try await ReportingService.withdrawRequest(reportID, templates: req.application.synergia.templates, by: user, on: req.db)
            return req.redirect(to: SiteURL.report(reportID).path)
        }
        guard let target = ReportStatus(rawValue: form.to ?? "") else {
            throw Refusal("error.workflow.no-such-transition")
        }
        do {
            try await ReportingService.transition(reportID, to: target, templates: req.application.synergia.templates, by: user,
                                                  reason: form.reason, on: req.db)
        } catch let refused as SubmissionRefused {
            // The check's list, under what was refused, each item linking to its place.
            let fresh = try await ReportAccess.readable(req)
            return Response.html(ReportCheck.View.render(req.page, ReportCheck.query(try await model(req, fresh), template: fresh.template),
                                                         template: fresh.template, refused: refused.reason), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.report(reportID).path)
    }

    /// The report as the reader may see it (the page and `GET /api/v1/reports/{id}`).
    static func model(_ req: Request, _ loaded: ReportAccess.Loaded, now: Date = Date()) async throws -> ReportPage.Model {
        try await ReportPage.query(loaded, actor: req.actor, reader: req.auth.get(UserModel.self), templates: req.application.synergia.templates,
                                   now: now, on: req.db)
    }

    /// The report page, every section on it (for reading through and printing).
    @Sendable static func reportPage(_ req: Request) async throws -> Response {
        try await keptPage(req) { context, loaded, model in
            ReportPage.View.render(context, model, template: loaded.template, feedback: .none)
        }
    }

    /// One section of a report on its own page (where its answers are written); `?saved=N` after
    /// its form saved N answers.
    @Sendable static func sectionPage(_ req: Request) async throws -> Response {
        let sectionID = try req.textParameter("section")
        let saved = req.queryValues["saved"].flatMap(Int.init).map { max(0, min($0, 10_000)) }
        let response = try await keptPage(req, visiting: sectionID) { context, loaded, model in
            guard let section = loaded.template.sections.first(where: { $0.id == sectionID }) else { throw Abort(.notFound) }
            return ReportPage.View.renderSection(context, model, template: loaded.template, section: section, feedback: .init(saved: saved))
        }
        return allowingScripts(response)
    }

    /// A section's comments, by question, and the form to add one (`?question=ID` chooses the question).
    @Sendable static func sectionCommentsPage(_ req: Request) async throws -> Response {
        let sectionID = try req.textParameter("section")
        let chosen = req.queryValues["question"]
        return try await keptPage(req) { context, loaded, model in
            guard let section = loaded.template.sections.first(where: { $0.id == sectionID }) else { throw Abort(.notFound) }
            return ReportPage.View.renderComments(context, model, template: loaded.template, section: section,
                                                  chosen: section.questions.first { $0.id == chosen }?.id)
        }
    }

    /// A section's page may load the autosave script (``ReportPage/View/renderSection(_:_:template:section:feedback:)``).
    static func allowingScripts(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeaders.policy(scripts: true))
        return response
    }

    /// A section's form: the answers the person changed, each saved on its own (``SectionSave``).
    /// All saved: back to the section, saying how many. A conflict or a refused value: the section
    /// again (409 or 422), the saved answers saved, each conflict with both versions, each refused
    /// value as typed, with its message.
    @Sendable static func saveSection(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let loaded = try await ReportAccess.readable(req)
        let sectionID = try req.textParameter("section")
        guard let section = loaded.template.sections.first(where: { $0.id == sectionID }) else { throw Abort(.notFound) }
        // A reader who may not change the report is refused at once (each save checks again in its transaction).
        guard ReportPage.actions(loaded.report, convention: loaded.template.convention, isLatest: true,
                                 mayReadInternal: ReportAccess.mayReadInternal(loaded.report, convention: loaded.template.convention, by: req.actor),
                                 by: req.actor).canEdit else { throw Abort(.forbidden) }
        let form = QueryValues(req.body.string)
        if form["preview"] != nil {
            // "Preview": nothing is saved; the section comes back with what was typed, narratives formatted.
            let typed = Dictionary(SectionSave.changes(form, section: section).map { ($0.question.id, $0.typed) }, uniquingKeysWith: { a, _ in a })
            // Nothing was written: the report as read above (the access check included) is the one to show.
            return allowingScripts(Response.html(ReportPage.View.renderSection(req.page, try await model(req, loaded), template: loaded.template,
                                                                               section: section, feedback: .init(typed: typed, preview: true))))
        }
        let outcome = try await SectionSave.save(form, section: section, report: loaded, by: user, writtenIn: req.language,
                                                   logger: req.logger, on: req.db)
        if SectionSaveResult.isAsked(by: req) {
            let result = SectionSaveResult(outcome, catalog: req.catalog)
            return try await result.encodeResponse(status: result.status, for: req)
        }
        if outcome.conflicts.isEmpty && outcome.errors.isEmpty {
            return req.redirect(to: SiteURL.reportSection(loaded.id, section: sectionID).path + "?saved=\(outcome.saved.count)")
        }
        let fresh = try await ReportAccess.readable(req)
        let feedback = ReportPage.Feedback(conflicts: outcome.conflicts, errors: outcome.errors, typed: outcome.typed, saved: outcome.saved.count)
        return allowingScripts(Response.html(ReportPage.View.renderSection(req.page, try await model(req, fresh), template: fresh.template, section: section,
                                                           feedback: feedback),
                             status: outcome.conflicts.isEmpty ? .unprocessableEntity : .conflict))
    }

    /// A page of a report. A signed-in reader's is kept (``WorkspacePageCache``) and served again
    /// while nothing it shows changed: the access check and every read are skipped then, as
    /// their outcome is the same under the same generations. Opening a section's page
    /// (`visiting`) records the reader's visit to it when that changes what is marked (which moves
    /// the workspace generation on: the next request renders afresh, without the marks). A
    /// "being edited" mark is at most ``WorkspacePageCache/maxAge`` older than the clock.
    static func keptPage(_ req: Request, visiting section: String? = nil,
                         render: (PageContext, ReportAccess.Loaded, ReportPage.Model) throws -> String) async throws -> Response {
        let cache = req.application.synergia.workspacePages
        let user = req.auth.get(UserModel.self)?.id
        let key = user.flatMap { WorkspacePageCache.key(for: req, user: $0) }
        var generations: Generations?
        if key != nil {
            let current = try await req.generations().withoutSessions
            if let key, let kept = cache.page(key, at: current) { return cache.served(kept, to: req) }
            generations = current
        }
        let loaded = try await ReportAccess.readable(req)
        if let section, !loaded.template.sections.contains(where: { $0.id == section }) { throw Abort(.notFound) }
        let readAt = Date()
        let model = try await model(req, loaded, now: readAt)
        if let section, let user, model.actions.seesWork, model.sections.first(where: { $0.id == section })?.visitMatters ?? false {
            try await ReportVisits.record(user, report: loaded.id, section: section, at: readAt, on: req.db)
        }
        guard let key, let generations else { return Response.html(try render(req.page, loaded, model)) }
        var context = req.page
        context.csrfToken = cache.tokenPlaceholder
        let html = try render(context, loaded, model)
        return cache.served(cache.keep(key, html: html, at: generations), to: req)
    }

    /// Where a save or a detach returns: the question on its section's page.
    static func afterSave(_ loaded: ReportAccess.Loaded, question: String) -> String {
        guard let section = loaded.template.sections.first(where: { $0.questions.contains { $0.id == question } }) else {
            return SiteURL.reportQuestion(loaded.id, question: question).path
        }
        return SiteURL.reportSection(loaded.id, section: section.id).path + "#q-" + SiteURL.fragment(question)
    }

    static func page(_ req: Request, _ loaded: ReportAccess.Loaded, _ feedback: ReportPage.Feedback = .none) async throws -> String {
        ReportPage.View.render(req.page, try await model(req, loaded), template: loaded.template, feedback: feedback)
    }
}
