import Fluent
import SQLKit
import Foundation
import SynergiaCore
import Vapor

/// Amendments: amending a submitted report opens a new draft version; the submitted one keeps
/// its content and receipt.
enum ReportVersionService {
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
            // Carried over, each answer was last changed when and by whom it was, not now (else the
            // whole report would look changed since everyone's last visit, and "being edited").
            try await tx.sql.raw("""
                UPDATE answers SET updated_at = (SELECT o.updated_at FROM answers o
                                                 WHERE o.report_id = \(bind: reportID) AND o.question_id = answers.question_id)
                WHERE report_id = \(bind: nextID)
                """).run()
            try await AuditLog.record(tx, actor: user.email, action: "report.amended", subject: .report(nextID),
                                      before: "report/\(reportID) v\(report.version)", after: "v\(next.version)")
            return next
        }
    }
}
