import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Vapor

/// Kenya's CBD 7th national report in an open cycle: the CBD secretariat (`cbd@example.org`)
/// opened the cycle and Kenya's CBD focal point (`fp@example.org`) started the report.
func startKenyaCBDReport(_ app: Application) async throws -> ReportModel {
    let secretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
    let focalPoint = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
    return try await startReport(app, template: "cbd-7nr", openedBy: secretariat, startedBy: focalPoint)
}

/// A report of the template `template` in a cycle of 2026 that `secretariat` opened, started by `focalPoint` for their Party.
func startReport(_ app: Application, template: String, openedBy secretariat: UserModel, startedBy focalPoint: UserModel) async throws -> ReportModel {
    let cycle = try await ReportingService.openCycle(template: try app.synergia.templates.template(template), title: "",
                                                     opensOn: "2026-01-01", dueOn: "2026-12-31", by: secretariat, on: app.db)
    return try await ReportingService.startReport(cycle: try cycle.requireID(), by: focalPoint, on: app.db)
}

/// Answers every required question of a report that has no answer yet, as the account `email`,
/// with valid generated values, so that it can be submitted (for tests about something else than
/// completeness). Returns how many it answered.
@discardableResult
func fillRequiredAnswers(_ app: Application, report reportID: UUID, by email: String) async throws -> Int {
    guard let user = try await UserModel.query(on: app.db).filter(\.$email == email).first(),
          let report = try await ReportModel.query(on: app.db).filter(\.$id == reportID).with(\.$cycle).first() else {
        throw Abort(.notFound)
    }
    let template = try app.synergia.templates.template(of: report.cycle)
    var random = DemoRandom(seed: 7)
    var answered = 0
    for question in template.questions where question.required {
        let current = try await ReportingService.answer(to: question, of: report, on: app.db)
        if let current, !current.revision.value.isBlank { continue }
        var value = ScaleDemoAnswers.answer(for: question, random: &random)
        if value.isBlank, case .multipleChoice = value, let first = question.choices?.first { value = .multipleChoice([first.id]) }
        let outcome = try await ReportingService.save(value, question: question.id, baseVersion: current?.revision.version ?? 0,
                                                      report: reportID, template: template, by: user, on: app.db)
        guard case .saved = outcome else { throw Abort(.conflict, reason: "could not fill \(question.id)") }
        answered += 1
    }
    return answered
}

/// Ships `templates` in place of every template with one of their ids, as a new release of the
/// formats would (two versions of one template may be given together).
func shipTemplates(_ app: Application, _ templates: [ReportTemplate]) {
    let ids = Set(templates.map(\.id))
    let context = app.synergia
    app.synergia = SynergiaContext(settings: context.settings, catalogs: context.catalogs, assets: context.assets, calendar: context.calendar,
                                   templates: ReportingService.Templates(templates + context.templates.byID.values.filter { !ids.contains($0.id) },
                                                                         elements: context.templates.elements),
                                   indicators: context.indicators, cooperation: context.cooperation, pdfQueue: context.pdfQueue,
                                   startedAt: context.startedAt, cpuPool: context.cpuPool)
}

/// A text as written on an English page: the language a form's save records for it.
func en(_ text: String) -> WrittenText { WrittenText(text, language: .english) }
