import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Comments on questions and section assignments: internal to the people preparing and
/// reviewing a report, and frozen once it is submitted. Each write is one transaction that
/// locks the report and checks the right and the lock there.
enum CollaborationService {
    /// The Party's focal point assigns a section to someone who may edit the report.
    static func assign(section sectionID: String, to assigneeEmail: String, report reportID: UUID, templates: ReportingService.Templates,
                       by user: UserModel, on db: any Database) async throws {
        try await db.write { tx in
            let report = try await ReportingService.lockedReport(reportID, in: tx)
            let template = try templates.template(of: try await report.$cycle.get(on: tx.db))
            try Authorize.require(user.actor, .startReport(party: report.partyCode, convention: template.convention))
            guard !report.status.isLocked else { throw Refusal("error.report.locked") }
            guard template.sections.contains(where: { $0.id == sectionID }) else { throw Abort(.notFound) }
            let email = AccountService.normalized(email: assigneeEmail)
            guard EmailAddress.isValid(email), let assignee = try await UserModel.query(on: tx.db).filter(\.$email == email).first(),
                  AuthorizationPolicy.permits(assignee.actor, .editReport(party: report.partyCode, convention: template.convention)) else {
                throw Refusal("error.assignment.not-contributor")
            }
            let assignment = try await SectionAssignmentModel.query(on: tx.db).filter(\.$report.$id == reportID)
                .filter(\.$sectionID == sectionID).first() ?? SectionAssignmentModel()
            let before = assignment.id == nil ? nil : assignment.assignee
            assignment.$report.id = reportID
            assignment.sectionID = sectionID
            assignment.assignee = assignee.email
            try await assignment.save(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "section.assigned", subject: .assignment(report: reportID, section: sectionID),
                                      before: before, after: assignee.email)
        }
    }

    /// Adds a comment on a question, by someone who may read the report's drafts, while it is
    /// not submitted.
    @discardableResult
    static func addComment(_ text: String, question questionID: String, report reportID: UUID, templates: ReportingService.Templates,
                           by user: UserModel, writtenIn language: Language? = nil, on db: any Database) async throws -> QuestionCommentModel {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Refusal("error.comment.empty") }
        return try await db.write { tx in
            let report = try await ReportingService.lockedReport(reportID, in: tx)
            let template = try templates.template(of: try await report.$cycle.get(on: tx.db))
            try Authorize.require(user.actor, .readDraftReport(party: report.partyCode, convention: template.convention))
            guard !report.status.isLocked else { throw Refusal("error.report.locked") }
            guard template.question(questionID) != nil else { throw Abort(.notFound) }
            let comment = QuestionCommentModel()
            comment.$report.id = reportID
            comment.questionID = questionID
            comment.author = user.email
            comment.text = String(text.prefix(10_000))
            comment.language = language?.code
            try await comment.create(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "comment.added", subject: .comment(try comment.requireID()))
            return comment
        }
    }

    /// A report's comments by question (the caller has checked the reader may see them).
    static func comments(of reportID: UUID, on db: any Database) async throws -> [String: [QuestionCommentModel]] {
        Dictionary(grouping: try await QuestionCommentModel.query(on: db).filter(\.$report.$id == reportID).sort(\.$createdAt).all(),
                   by: \.questionID)
    }

    /// A report's assignees by section (the caller has checked the reader may see them).
    static func assignments(of reportID: UUID, on db: any Database) async throws -> [String: String] {
        Dictionary(try await SectionAssignmentModel.query(on: db).filter(\.$report.$id == reportID).all().map { ($0.sectionID, $0.assignee) },
                   uniquingKeysWith: { a, _ in a })
    }
}
