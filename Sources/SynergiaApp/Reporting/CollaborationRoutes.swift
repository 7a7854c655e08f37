import Foundation
import SynergiaCore
import Vapor

/// The forms for comments on questions and section assignments.
struct CollaborationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let report = routes.grouped("reports", ":report")
        report.on(.POST, "comments", ":question", body: .collect(maxSize: "64kb")) { req in
            try await Self.comment(req, question: try req.textParameter("question"))
        }
        // The section's comment form names the question in its body.
        report.on(.POST, "comments", body: .collect(maxSize: "64kb")) { req in
            try await Self.comment(req, question: try req.content.get(String.self, at: "question"))
        }
        report.on(.POST, "assignments", body: .collect(maxSize: "4kb"), use: Self.assign)
    }

    @Sendable static func assign(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let reportID = try req.idParameter("report")
        let sectionID = try req.content.get(String.self, at: "section")
        try await CollaborationService.assign(section: sectionID, to: try req.content.get(String.self, at: "assignee"), report: reportID,
                                              templates: req.application.synergia.templates, by: user, on: req.db)
        return req.redirect(to: SiteURL.reportSection(reportID, section: sectionID).path)
    }

    static func comment(_ req: Request, question questionID: String) async throws -> Response {
        let user = try req.requireUser()
        let reportID = try req.idParameter("report")
        try await CollaborationService.addComment(try req.content.get(String.self, at: "text"), question: questionID, report: reportID,
                                                  templates: req.application.synergia.templates, by: user, writtenIn: req.language, on: req.db)
        // Back to the question on its section's page (of the report's own template version), where the comment now shows.
        return req.redirect(to: ReportingRoutes.afterSave(try await ReportAccess.readable(req), question: questionID))
    }
}
