import Fluent
import Foundation
import Plot
import SynergiaCore
import Vapor

/// Amendments and versions: amending a submitted report opens a new draft version (the
/// submitted one keeps its content and receipt); any two versions compare side by side.
struct ReportVersions: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "reports", ":report", "amend", body: .collect(maxSize: "4kb")) { req -> Response in
            let user = try req.requireUser()
            let amended = try await Self.amend(try req.idParameter("report"), templates: req.application.synergia.templates,
                                               by: user, on: req.db)
            return req.redirect(to: SiteURL.report(try amended.requireID()).path)
        }
        routes.get("reports", ":report", "compare") { req -> Response in
            let (report, template) = try await ReportAccess.readable(req).pair
            guard let otherID = req.query[UUID.self, at: "with"],
                  let other = try await ReportModel.query(on: req.db).filter(\.$id == otherID).with(\.$cycle).first(),
                  other.$cycle.id == report.$cycle.id, other.partyCode == report.partyCode else { throw Abort(.notFound) }
            try ReportAccess.requireReadable(other, convention: template.convention, by: req.actor)
            let left = try await Self.snapshot(report, template: template, on: req.db)
            let right = try await Self.snapshot(other, template: template, on: req.db)
            return Response.html(ReportCompareView.render(req.page, template: template, left: (report, left), right: (other, right)))
        }
    }

    /// Opens version `n + 1` as a draft with the answers of version `n`, in one transaction
    /// that locks the report (two amendments at once make one new version, the other is refused).
    static func amend(_ reportID: UUID, templates: ReportingService.Templates, by user: UserModel, on db: any Database) async throws -> ReportModel {
        try await db.write { tx in
            let report = try await ReportingService.lockedReport(reportID, in: tx)
            let cycle = try await report.$cycle.get(on: tx.db)
            let template = try templates.template(of: cycle)
            let latest = try await ReportModel.query(on: tx.db).filter(\.$cycle.$id == report.$cycle.id)
                .filter(\.$partyCode == report.partyCode).sort(\.$version, .descending).first()
            guard latest?.id == report.id else { throw Refusal("error.report.not-latest") }
            let amendment: ReportAmendment
            switch ReportWorkflow.amend(report.status, version: report.version, by: user.actor, party: report.partyCode,
                                        convention: template.convention) {
            case .failure(let refusal): throw Refusal(refusal.catalogKey)
            case .success(let result): amendment = result
            }
            let next = ReportModel()
            next.$cycle.id = report.$cycle.id
            next.partyCode = report.partyCode
            next.status = amendment.status
            next.version = amendment.version
            try await next.create(on: tx.db)
            let nextID = try next.requireID()
            for answer in try await AnswerModel.query(on: tx.db).filter(\.$report.$id == reportID).all() {
                let copy = AnswerModel()
                copy.$report.id = nextID
                copy.questionID = answer.questionID
                copy.value = answer.value
                copy.version = answer.version
                copy.detached = answer.detached
                copy.updatedBy = answer.updatedBy
                try await copy.create(on: tx.db)
                try await AuditLog.record(tx, actor: user.email, action: "answer.carried-over", subject: .answer(report: nextID, question: answer.questionID),
                                          after: "from v\(report.version)")
            }
            try await AuditLog.record(tx, actor: user.email, action: "report.amended", subject: .report(nextID),
                                      before: "report/\(reportID) v\(report.version)", after: "v\(next.version)")
            return next
        }
    }

    /// A version's answers: as submitted when it was submitted (``ReportingService/answers(of:template:on:)``), else as now.
    static func snapshot(_ report: ReportModel, template: ReportTemplate, on db: any Database) async throws -> [String: AnswerValue] {
        try await ReportingService.answers(of: report, template: template, on: db).mapValues(\.revision.value)
    }
}

/// Two versions of a report, question by question; differing answers are marked.
enum ReportCompareView {
    static func render(_ page: PageContext, template: ReportTemplate, left: (ReportModel, [String: AnswerValue]),
                       right: (ReportModel, [String: AnswerValue])) -> String {
        Layout.render(page, title: page.t("report.compare"), main: [
            .h1(page.name(template.title), .text(" — \(left.0.partyCode)")),
            .table(.class("compare"),
                   .thead(.tr(.th(page.text("package.question")), .th(.text("v\(left.0.version)")), .th(.text("v\(right.0.version)")))),
                   .tbody(.forEach(template.questions) { question in
                       let a = left.1[question.id], b = right.1[question.id]
                       return .tr(.class(a == b ? "" : "changed"),
                                  .th(.attribute(named: "scope", value: "row"), page.name(question.title)),
                                  .td(.text(a.map(AnswerForm.formText) ?? "—")), .td(.text(b.map(AnswerForm.formText) ?? "—")))
                   })),
        ])
    }
}
