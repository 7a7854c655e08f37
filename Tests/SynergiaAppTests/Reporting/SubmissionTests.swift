import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Submitting means complete: every required answer there and every answer valid against the
/// template version the cycle was opened with.
@Suite("Submission means complete")
struct SubmissionTests {
    @Test("a report with 1 of its required answers is not sent for review: the check's list comes back, each missing answer linked, and it stays a draft")
    func incompleteReview() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let path = "/reports/\(report.id!)"
            #expect(try await browser.post("\(path)/answers/cbd-7nr.s1.q2", ["value": "Our report", "baseVersion": "0"]).status == .seeOther)
            let refused = try await browser.post("\(path)/transition", ["to": "in-review"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.contains("id=\"refused\"") && refused.contains(app.synergia.catalogs[.english]["error.review.incomplete"]))
            #expect(refused.contains("href=\"\(path)/sections/cbd-7nr.s1#q-cbd-7nr.s1.q3\""))
            #expect(!refused.contains("#q-cbd-7nr.s1.q2\""), "the answered question is not listed")
            #expect(try #require(try await ReportModel.find(report.id, on: app.db)).status == .draft)

            let token = try await APIClient.forUser(app, "fp@example.org")
            let api = try await token.send(.POST, "/api/v1/reports/\(report.id!)/transition", json: #"{"to":"in-review"}"#)
            #expect(api.status == .unprocessableEntity)
            let problems = try api.json(WriteAPI.SubmissionProblemsDTO.self).problems
            // Every required question asked (not those waiting on an earlier answer), but the one answered.
            let template = try app.synergia.templates.template("cbd-7nr")
            let notAsked = template.disabledQuestions(answers: [:])
            #expect(problems.count == template.questions.filter { $0.required && !notAsked.contains($0.id) }.count - 1)

            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            #expect(try await browser.post("\(path)/transition", ["to": "in-review"]).status == .seeOther)
        }
    }

    @Test("an answer emptied during the review stops the approval, with the check's list; the report stays in review")
    func incompleteApproval() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let path = "/reports/\(report.id!)"
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            #expect(try await browser.post("\(path)/transition", ["to": "in-review"]).status == .seeOther)
            try await AnswerModel.query(on: app.db).filter(\.$questionID == "cbd-7nr.s1.q3").delete()
            let refused = try await browser.post("\(path)/transition", ["to": "approved"])
            #expect(refused.status == .unprocessableEntity && refused.contains("href=\"\(path)/sections/cbd-7nr.s1#q-cbd-7nr.s1.q3\""))
            #expect(refused.contains(app.synergia.catalogs[.english]["error.approval.incomplete"]))
            #expect(try #require(try await ReportModel.find(report.id, on: app.db)).status == .inReview)
        }
    }

    @Test("an answer emptied after the review (a stored answer gone) stops the submission with the check's list; the report stays approved")
    func incompleteSubmission() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let path = "/reports/\(report.id!)"
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in ["in-review", "approved"] { #expect(try await browser.post("\(path)/transition", ["to": step]).status == .seeOther) }
            try await AnswerModel.query(on: app.db).filter(\.$questionID == "cbd-7nr.s1.q3").delete()
            let refused = try await browser.post("\(path)/transition", ["to": "submitted"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.contains(app.synergia.catalogs[.english]["error.submission.incomplete"]))
            #expect(refused.contains("href=\"\(path)/sections/cbd-7nr.s1#q-cbd-7nr.s1.q3\""))
            let stored = try #require(try await ReportModel.find(report.id, on: app.db))
            #expect(stored.status == .approved && stored.receiptSHA256 == nil && stored.submittedContent == nil)

            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            #expect(try await browser.post("\(path)/transition", ["to": "submitted"]).status == .seeOther)
        }
    }

    @Test("an answer stored before a rule was tightened (invalid now) stops the submission")
    func invalidStoredAnswer() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            let token = try await APIClient.forUser(app, "fp@example.org")
            for step in ["in-review", "approved"] {
                #expect(try await token.send(.POST, "/api/v1/reports/\(report.id!)/transition", json: #"{"to":"\#(step)"}"#).status == .ok)
            }
            // A choice that is not in the question's list, stored behind the validation.
            try await app.db.sql.update(AnswerModel.schema).set("value", to: #"{"type":"singleChoice","value":"withdrawn-choice"}"#)
                .where("question_id", .equal, "cbd-7nr.s4.q2").run()
            let refused = try await token.send(.POST, "/api/v1/reports/\(report.id!)/transition", json: #"{"to":"submitted"}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.json(WriteAPI.SubmissionProblemsDTO.self).problems.map(\.question) == ["cbd-7nr.s4.q2"])
        }
    }

    @Test("a cycle keeps the template version it was opened with after a newer version ships")
    func cycleTemplateVersion() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            // A new version of the template ships with a new required question.
            let v1 = try app.synergia.templates.template("cbd-7nr")
            var v2 = v1
            v2.version = v1.version + 1
            v2.sections[0].questions.append(TemplateQuestion(id: "cbd-7nr.s1.q99", type: .shortText, title: .init(english: "Asked from version 2"),
                                                             required: true))
            shipTemplates(app, [v1, v2])
            #expect(try app.synergia.templates.template("cbd-7nr").version == v2.version, "new cycles open with the new version")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let page = try await browser.get("/reports/\(report.id!)")
            #expect(page.status == .ok && !page.contains("Asked from version 2"), "the open cycle shows the version it was opened with")
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in ["in-review", "approved", "submitted"] {
                #expect(try await browser.post("/reports/\(report.id!)/transition", ["to": step]).status == .seeOther, "\(step)")
            }
            let content = try #require(try await ReportModel.find(report.id, on: app.db)?.submittedContent)
            #expect(content.contains(#""templateVersion":\#(v1.version)"#))
        }
    }
}
