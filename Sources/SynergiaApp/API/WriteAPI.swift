import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Writes through the JSON API, authorized by an API token (`Authorization: Bearer syn_…`),
/// never by the session cookie. Each route does what its page form does, through the same
/// service, with the same refusals (as JSON errors) and the same audit log.
struct WriteAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.on(.POST, "reporting-cycles", body: .collect(maxSize: "16kb"), use: Self.openCycle)
        api.on(.POST, "reporting-cycles", ":cycle", "close", body: .collect(maxSize: "4kb"), use: Self.closeCycle)
        api.on(.POST, "reporting-cycles", ":cycle", "reports", body: .collect(maxSize: "4kb"), use: Self.startReport)
        api.on(.PUT, "reports", ":report", "answers", ":question", body: .collect(maxSize: "256kb"), use: Self.saveAnswer)
        api.on(.POST, "reports", ":report", "answers", ":question", "detach", body: .collect(maxSize: "4kb"), use: Self.detach)
        api.on(.POST, "reports", ":report", "transition", body: .collect(maxSize: "32kb"), use: Self.transition)
        api.on(.POST, "reports", ":report", "amend", body: .collect(maxSize: "4kb"), use: Self.amend)
        api.on(.POST, "reports", ":report", "comments", ":question", body: .collect(maxSize: "64kb"), use: Self.comment)
        api.on(.POST, "progress", ":framework", ":target", body: .collect(maxSize: "64kb"), use: Self.assess)
        api.on(.POST, "indicators", "import", body: .collect(maxSize: "20mb"), use: Self.importIndicators)
        api.on(.POST, "reports", ":report", "assignments", body: .collect(maxSize: "4kb"), use: Self.assign)
        api.on(.POST, "crosswalks", body: .collect(maxSize: "16kb"), use: Self.addLink)
        api.on(.DELETE, "crosswalks", ":id", use: Self.removeLink)
        api.on(.POST, "reports", ":report", "package", body: .collect(maxSize: "10mb"), use: Self.previewPackage)
        api.on(.POST, "reports", ":report", "package", "apply", body: .collect(maxSize: "10mb"), use: Self.applyPackage)
    }

    struct AssignmentInput: Content { var section: String; var assignee: String }

    /// The language an API client names for what it writes (`Accept-Language` or `lang`); nil when it names none,
    /// so a text is not recorded in a language nobody said.
    static func namedLanguage(_ req: Request) -> Language? {
        if let code = req.queryValues["lang"], let language = Language(code: code) { return language }
        return req.headers.first(name: .acceptLanguage).flatMap(LanguageNegotiation.best(acceptLanguage:))
    }

    @Sendable static func assign(req: Request) async throws -> HTTPStatus {
        let user = try req.requireAPIUser()
        let input = try req.content.decode(AssignmentInput.self)
        try await CollaborationService.assign(section: input.section, to: input.assignee, report: try req.idParameter("report"),
                                              templates: req.application.synergia.templates, by: user, on: req.db)
        return .noContent
    }

    @Sendable static func addLink(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let row = try await CrosswalkService.add(try req.content.decode(CrosswalkService.LinkForm.self), by: user, on: req.db)
        return try await TargetLinkDTO(row).encodeResponse(status: .created, for: req)
    }

    @Sendable static func removeLink(req: Request) async throws -> HTTPStatus {
        let user = try req.requireAPIUser()
        try await CrosswalkService.remove(try req.idParameter("id"), by: user, on: req.db)
        return .noContent
    }

    /// The package in the body (JSON or CSV, as downloaded from `/reports/ID/package.json|csv`).
    static func package(_ req: Request, _ report: ReportModel, _ template: ReportTemplate) -> ReportPackageService.Reading {
        ReportPackageService.read(file: nil, text: req.body.string ?? "", template: template, party: report.partyCode)
    }

    static func problems(_ req: Request, _ problems: [PackageProblem]) async throws -> Response {
        try await PackagePreview.Model(problems: problems, catalog: req.catalog).encodeResponse(status: .unprocessableEntity, for: req)
    }

    @Sendable static func previewPackage(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let (report, template) = try await ReportAccess.load(req).pair
        try ReportingService.requireEditable(report, template: template, by: user)
        switch package(req, report, template) {
        case .problems(let found): return try await problems(req, found)
        case .package(let package, _):
            let changes = try await ReportPackageService.changes(package, report: report, template: template, on: req.db)
            return try await PackagePreview.Model(changes: changes).encodeResponse(for: req)
        }
    }

    /// Applies the package; `?overwrite=q1,q2` names answers changed online that it may overwrite.
    @Sendable static func applyPackage(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let loaded = try await ReportAccess.load(req)
        try ReportingService.requireEditable(loaded.report, template: loaded.template, by: user)
        switch package(req, loaded.report, loaded.template) {
        case .problems(let found): return try await problems(req, found)
        case .package(let package, _):
            let overwrite = Set(((req.query["overwrite"] as String?) ?? "").split(separator: ",").map(String.init))
            try await ReportPackageService.apply(package, overwrite: overwrite, report: loaded.id, template: loaded.template, by: user, on: req.db)
            return try await report(req, try await ReportAccess.load(req), by: user).encodeResponse(for: req)
        }
    }

    struct CycleInput: Content { var template: String; var title: String?; var opensOn: String; var dueOn: String }

    @Sendable static func openCycle(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let input = try req.content.decode(CycleInput.self)
        let template = try req.application.synergia.templates.template(input.template)
        do {
            let cycle = try await ReportingService.openCycle(template: template, title: input.title ?? "", opensOn: input.opensOn,
                                                             dueOn: input.dueOn, by: user, on: req.db)
            return try await CycleDTO(cycle).encodeResponse(status: .created, for: req)
        } catch let errors as FieldErrors {
            throw Refusal(errors.byField.values.sorted().first ?? "error.bad-request")
        }
    }

    @Sendable static func closeCycle(req: Request) async throws -> CycleDTO {
        let user = try req.requireAPIUser()
        return CycleDTO(try await ReportingService.closeCycle(try req.idParameter("cycle"), by: user, on: req.db))
    }

    @Sendable static func startReport(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let (report, created) = try await ReportingService.startOrFindReport(cycle: try req.idParameter("cycle"), by: user, on: req.db)
        return try await Self.report(req, try await loaded(report, req), by: user).encodeResponse(status: created ? .created : .ok, for: req)
    }

    /// The report as `user` may now see it: what `GET /api/v1/reports/{id}` answers.
    static func report(_ req: Request, _ loaded: ReportAccess.Loaded, by user: UserModel) async throws -> ReportPage.Model {
        try await ReportPage.query(loaded, actor: user.actor, reader: user, templates: req.application.synergia.templates, on: req.db)
    }

    static func loaded(_ report: ReportModel, _ req: Request) async throws -> ReportAccess.Loaded {
        let cycle = try await report.$cycle.get(on: req.db)
        return ReportAccess.Loaded(report: report, cycle: cycle, template: try req.application.synergia.templates.template(of: cycle))
    }

    struct AnswerInput: Content {
        /// `{"type": "<question type>", "value": …}`.
        var value: AnswerValue
        /// The version the client last read (0 when there was no answer).
        var baseVersion: Int
    }

    /// The later of two concurrent edits: both versions, for the client to choose.
    struct ConflictDTO: Content {
        var conflict: Bool
        var mine: AnswerValue
        var theirs: Theirs
        struct Theirs: Content { var value: AnswerValue; var version: Int; var author: String; var at: Date }
    }

    /// Reads the report, its template and the current answer once, inside the write, and
    /// answers with what the write left (read again only for the title of the report an answer
    /// was given in, when it was given in another).
    @Sendable static func saveAnswer(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let reportID = try req.idParameter("report")
        let questionID = try req.textParameter("question")
        let input = try req.content.decode(AnswerInput.self)
        // A text whose language neither the value nor the answer before says is in the language the client names.
        let saved = try await ReportingService.save(input.value, question: questionID, baseVersion: input.baseVersion, report: reportID,
                                                    templates: req.application.synergia.templates, by: user,
                                                    writtenIn: namedLanguage(req), on: req.db)
        switch saved {
        case .conflict(let mine, let theirs):
            return try await ConflictDTO(conflict: true, mine: mine,
                                         theirs: .init(value: theirs.value, version: theirs.version, author: theirs.author, at: theirs.at))
                .encodeResponse(status: .conflict, for: req)
        case .saved(let current):
            guard let current else { throw Abort(.notFound) }
            return try await ReportPage.Model.Answer.read(question: questionID, current, templates: req.application.synergia.templates, on: req.db)
                .encodeResponse(for: req)
        }
    }

    /// The question's answer as just saved (only that question is read).
    static func answer(_ questionID: String, _ report: ReportModel, _ template: ReportTemplate, _ req: Request) async throws -> ReportPage.Model.Answer {
        guard let question = template.question(questionID),
              let current = try await ReportingService.answer(to: question, of: report, on: req.db) else { throw Abort(.notFound) }
        return try await .read(question: questionID, current, templates: req.application.synergia.templates, on: req.db)
    }

    @Sendable static func detach(req: Request) async throws -> ReportPage.Model.Answer {
        let user = try req.requireAPIUser()
        let (report, template) = try await ReportAccess.load(req).pair
        let questionID = try req.textParameter("question")
        try await ReportingService.detach(question: questionID, report: try report.requireID(), template: template, by: user, on: req.db)
        return try await answer(questionID, report, template, req)
    }

    /// `reason`: why a request to publish is rejected (required when `to` is `draft` from `in-review`).
    /// `withdraw: true`: the request's maker takes it back (then `to` is `draft`).
    struct TransitionInput: Content { var to: String; var reason: String?; var withdraw: Bool? }

    /// Why a report could not be submitted: each missing or invalid answer.
    struct SubmissionProblemsDTO: Content {
        var error: Bool; var status: Int; var reason: String
        var problems: [Problem]
        struct Problem: Content {
            var question: String; var reason: String
            /// The national target whose progress is not assessed, if the problem is that.
            var nationalTarget: String?
        }
    }

    @Sendable static func transition(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let reportID = try req.idParameter("report")
        let input = try req.content.decode(TransitionInput.self)
        if input.withdraw == true {
            try await ReportingService.withdrawRequest(reportID, templates: req.application.synergia.templates, by: user, on: req.db)
            return try await report(req, try await ReportAccess.load(req), by: user).encodeResponse(for: req)
        }
        guard let target = ReportStatus(rawValue: input.to) else {
            throw Refusal("error.workflow.no-such-transition")
        }
        do {
            try await ReportingService.transition(reportID, to: target, templates: req.application.synergia.templates, by: user,
                                                  reason: input.reason, on: req.db)
        } catch let refused as SubmissionRefused {
            return try await SubmissionProblemsDTO(error: true, status: 422, reason: req.catalog[refused.reason],
                                                   problems: refused.problems.map {
                                                       .init(question: $0.question, reason: req.catalog[$0.catalogKey], nationalTarget: $0.nationalTarget)
                                                   })
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return try await report(req, try await ReportAccess.load(req), by: user).encodeResponse(for: req)
    }

    @Sendable static func amend(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let amended = try await ReportVersionService.amend(try req.idParameter("report"), templates: req.application.synergia.templates,
                                                     by: user, on: req.db)
        return try await report(req, try await loaded(amended, req), by: user).encodeResponse(status: .created, for: req)
    }

    struct CommentInput: Content { var text: String; var language: Language? }
    struct CommentDTO: Content { var id: UUID; var question: String; var author: String; var text: String; var language: String? }

    @Sendable static func comment(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        let input = try req.content.decode(CommentInput.self)
        let comment = try await CollaborationService.addComment(input.text, question: try req.textParameter("question"),
                                                                report: try req.idParameter("report"),
                                                                templates: req.application.synergia.templates, by: user,
                                                                writtenIn: input.language ?? WriteAPI.namedLanguage(req), on: req.db)
        return try await CommentDTO(id: try comment.requireID(), question: comment.questionID, author: comment.author, text: comment.text,
                                    language: comment.language)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable static func assess(req: Request) async throws -> TargetDashboard.Model {
        let user = try req.requireAPIUser()
        let (framework, target) = try await ProgressRoutes.target(req)
        try await ProgressService.record(try req.content.decode(ProgressService.AssessmentForm.self), framework: framework, target: target,
                                         by: user, on: req.db)
        return try await ProgressRoutes.dashboard(req, framework, target)
    }

    struct ImportResult: Content {
        var imported: Int
        var indicators: [String]
        /// The first ``IndicatorImportService/shownErrors`` problems.
        var errors: [ImportProblem]
        /// How many problems there are in all.
        var errorCount: Int
        struct ImportProblem: Content { var line: Int; var column: String?; var kind: String; var message: String }
    }

    /// The body is the CSV itself (`text/csv`) or an `.xlsx` workbook; `?format=sdmx`, `sdmx2`, `template` or `plain` (else guessed).
    @Sendable static func importIndicators(req: Request) async throws -> Response {
        let user = try req.requireAPIUser()
        guard let body = req.body.data, let upload = IndicatorImportService.Upload(Data(buffer: body)) else { throw Refusal("error.import.not-utf8") }
        switch try await IndicatorImportService.importFile(upload, format: req.query["format"], by: user, app: req.application) {
        case .failure(let errors):
            return try await ImportResult(imported: 0, indicators: [], errors: errors.errors.prefix(IndicatorImportService.shownErrors).map {
                .init(line: $0.line, column: $0.column, kind: $0.kind.rawValue, message: $0.message)
            }, errorCount: errors.total).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let points):
            return try await ImportResult(imported: points.count, indicators: Array(Set(points.map(\.indicator))).sorted(), errors: [], errorCount: 0)
                .encodeResponse(for: req)
        }
    }
}
