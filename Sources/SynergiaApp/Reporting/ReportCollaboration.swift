import Fluent
import Foundation
import Plot
import SynergiaCore
import Vapor

/// A comment on a question of a report (for the people preparing it).
public final class QuestionCommentModel: Model, @unchecked Sendable {
    public static let schema = "question_comments"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: ReportModel
    @Field(key: "question_id") public var questionID: String
    @Field(key: "author") public var author: String
    @Field(key: "text") public var text: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}

/// A section of a report assigned by the focal point to a contributor.
public final class SectionAssignmentModel: Model, @unchecked Sendable {
    public static let schema = "section_assignments"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: ReportModel
    @Field(key: "section_id") public var sectionID: String
    @Field(key: "assignee") public var assignee: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}

struct CreateCollaborationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(QuestionCommentModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("question_id", .string, .required)
            .field("author", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(SectionAssignmentModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("section_id", .string, .required)
            .field("assignee", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "report_id", "section_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SectionAssignmentModel.schema).delete()
        try await database.schema(QuestionCommentModel.schema).delete()
    }
}

/// Comments on questions and section assignments.
enum ReportCollaboration {
    static func register(_ app: Application) throws {
        app.on(.POST, "reports", ":report", "comments", ":question", body: .collect(maxSize: "64kb")) { req in
            try await comment(req, question: req.parameters.get("question")!)
        }
        // The section's comment form names the question in its body.
        app.on(.POST, "reports", ":report", "comments", body: .collect(maxSize: "64kb")) { req in
            try await comment(req, question: try req.content.get(String.self, at: "question"))
        }
        app.on(.POST, "reports", ":report", "assignments", body: .collect(maxSize: "4kb")) { req -> Response in
            let user = try req.requireUser()
            let (report, _, template) = try await ReportingRoutes.load(req)
            let sectionID = try req.content.get(String.self, at: "section")
            try await assign(section: sectionID, to: try req.content.get(String.self, at: "assignee"), report: report, template: template,
                             by: user, on: req.db)
            return req.redirect(to: "/reports/\(try report.requireID())#s-\(sectionID)")
        }
    }

    /// The Party's focal point assigns a section to someone who may edit the report.
    static func assign(section sectionID: String, to assigneeEmail: String, report: ReportModel, template: ReportTemplate,
                       by user: UserModel, on db: any Database) async throws {
        guard AuthorizationPolicy.permits(user.actor, .startReport(party: report.partyCode, convention: template.convention)) else {
            throw Abort(.forbidden)
        }
        let email = AccountService.normalized(email: assigneeEmail)
        guard template.sections.contains(where: { $0.id == sectionID }) else { throw Abort(.notFound) }
        guard let assignee = try await UserModel.query(on: db).filter(\.$email == email).first(),
              AuthorizationPolicy.permits(assignee.actor, .editReport(party: report.partyCode, convention: template.convention)) else {
            throw Refusal("error.assignment.not-contributor")
        }
        let assignment = try await SectionAssignmentModel.query(on: db).filter(\.$report.$id == report.requireID())
            .filter(\.$sectionID == sectionID).first() ?? SectionAssignmentModel()
        assignment.$report.id = try report.requireID()
        assignment.sectionID = sectionID
        assignment.assignee = assignee.email
        try await assignment.save(on: db)
        try await AuditLog.append(actor: user.email, action: "section.assigned", subject: "report/\(try report.requireID())/\(sectionID)",
                                  after: assignee.email, on: db)
    }

    static func comment(_ req: Request, question questionID: String) async throws -> Response {
        let user = try req.requireUser()
        let (report, _, template) = try await ReportingRoutes.load(req)
        try req.authorize(.readDraftReport(party: report.partyCode, convention: template.convention))
        try await addComment(try req.content.get(String.self, at: "text"), question: questionID, report: report, template: template,
                             by: user, on: req.db)
        return req.redirect(to: "/reports/\(try report.requireID())#q-\(questionID)")
    }

    /// Adds a comment on a question (the caller has checked that the user may read the report).
    @discardableResult
    static func addComment(_ text: String, question questionID: String, report: ReportModel, template: ReportTemplate, by user: UserModel,
                           on db: any Database) async throws -> QuestionCommentModel {
        guard template.question(questionID) != nil else { throw Abort(.notFound) }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw Refusal("error.comment.empty") }
        let comment = QuestionCommentModel()
        comment.$report.id = try report.requireID()
        comment.questionID = questionID
        comment.author = user.email
        comment.text = String(text.prefix(10_000))
        try await comment.create(on: db)
        return comment
    }

    static func comments(of report: ReportModel, on db: any Database) async throws -> [String: [QuestionCommentModel]] {
        Dictionary(grouping: try await QuestionCommentModel.query(on: db).filter(\.$report.$id == report.requireID())
            .sort(\.$createdAt).all(), by: \.questionID)
    }

    static func assignments(of report: ReportModel, on db: any Database) async throws -> [String: String] {
        Dictionary(try await SectionAssignmentModel.query(on: db).filter(\.$report.$id == report.requireID()).all()
            .map { ($0.sectionID, $0.assignee) }, uniquingKeysWith: { a, _ in a })
    }
}
