import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// The GBF binary indicator questionnaire in Kenya's CBD 7th national report: a question asked
/// only when an earlier answer enables it is shown then, and otherwise neither required nor submitted.
@Suite("Binary indicator questions in a report")
struct BinaryQuestionsTests {
    static let landlocked = "cbd-7nr.bin.1"
    static let seaUse = "cbd-7nr.bin.1_1_c"
    static let terrestrial = "cbd-7nr.bin.1_1_a"
    static let target1 = "cbd-7nr.bin.target-1"

    /// Question `id`'s part of `page`: its `<div …>` start tag and what follows up to the next question.
    static func box(_ page: String, _ id: String) throws -> String {
        let marker = try #require(page.range(of: "id=\"q-\(id)\""))
        let start = try #require(page[..<marker.lowerBound].range(of: "<div", options: .backwards))
        let end = page[marker.upperBound...].range(of: "class=\"question")?.lowerBound ?? page.endIndex
        return String(page[start.lowerBound..<end])
    }

    @Test("the sea-use question waits, hidden, on 'Is your country landlocked?'; answered 'No', the section shows it, and the page carries the script that does so live")
    func conditionalQuestionAppears() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let section = "/reports/\(report.id!)/sections/\(Self.target1)"
            let before = try await browser.get(section)
            #expect(before.status == .ok)
            #expect(before.contains("/assets/conditions.js") || before.contains("conditions.js?"), "the section's page has the conditions script")
            let hidden = try Self.box(before.body, Self.seaUse)
            #expect(hidden.contains("hidden=\"hidden\"") && hidden.contains("data-enabled-when="))
            #expect(hidden.contains("&quot;cbd-7nr.bin.1&quot;") && hidden.contains("&quot;no&quot;"), "the condition, escaped in its attribute")
            #expect(!(try Self.box(before.body, Self.terrestrial)).contains("hidden="), "a question without a condition is always asked")
            #expect(before.contains("1.1 Are all areas of your country"), "a header's text leads its first question")

            #expect(try await browser.post("/reports/\(report.id!)/answers/\(Self.landlocked)", ["value": "no", "baseVersion": "0"]).status == .seeOther)
            let after = try await browser.get(section)
            #expect(!(try Self.box(after.body, Self.seaUse)).contains("hidden="))

            // The JSON twin says which questions are not asked, as the answers stand.
            let token = try await APIClient.forUser(app, "fp@example.org")
            let json = try await token.send(.GET, "/api/v1/reports/\(report.id!)")
            let notAsked = try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any]
            let list = try #require(notAsked?["notAsked"] as? [String])
            #expect(!list.contains(Self.seaUse) && list.contains("cbd-7nr.bin.1_2"))
        }
    }

    @Test("the whole report's page leaves the questionnaire's 83 questions to their sections' pages (listed in its contents) and stays small")
    func wholePageLinksTheParts() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let whole = try await browser.get("/reports/\(report.id!)")
            // One entry for the questionnaire in the contents, linking its first section, whose page lists them all.
            #expect(whole.contains("<li id=\"part-kmgbf-binary\"><a href=\"/reports/\(report.id!)/sections/cbd-7nr.bin.goal-b\">GBF binary indicators"))
            #expect(whole.contains("0 of 70 required questions answered"))
            #expect(!whole.contains("/sections/\(Self.target1)\"") && !whole.contains("id=\"q-\(Self.landlocked)\""))
            let first = try await browser.get("/reports/\(report.id!)/sections/cbd-7nr.bin.goal-b")
            #expect(first.contains("href=\"/reports/\(report.id!)/sections/\(Self.target1)\"") && first.contains("aria-current=\"page\">Binary indicators: Goal B"))
            #expect(whole.body.utf8.count < 100_000)
        }
    }

    @Test("a required question not asked does not stop the submission, and an answer saved to it before the Party said it is landlocked stays out of the receipt and the published report")
    func notAskedIsNotSubmitted() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let reportID = try report.requireID()
            let template = try app.synergia.templates.template("cbd-7nr")
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            for (question, value) in [(Self.landlocked, "no"), (Self.seaUse, "fully")] {
                _ = try await ReportingService.save(.singleChoice(value), question: question, baseVersion: 0, report: reportID, template: template,
                                                    by: focalPoint, on: app.db)
            }
            try await fillRequiredAnswers(app, report: reportID, by: "fp@example.org")
            // Then the Party corrects itself: it is landlocked, so the sea-use question is not asked.
            let landlockedQuestion = try #require(template.question(Self.landlocked))
            let landlocked = try #require(try await ReportingService.answer(to: landlockedQuestion, of: report, on: app.db))
            _ = try await ReportingService.save(.singleChoice("yes"), question: Self.landlocked, baseVersion: landlocked.revision.version,
                                                report: reportID, template: template, by: focalPoint, on: app.db)
            // 1.2 ("were the plans created using a participatory process") is required, and not asked while every 1.1 answer is "No".
            for question in ["cbd-7nr.bin.1_1_a", "cbd-7nr.bin.1_1_b"] {
                let asked = try #require(template.question(question))
                let current = try await ReportingService.answer(to: asked, of: report, on: app.db)
                _ = try await ReportingService.save(.singleChoice("no"), question: question, baseVersion: current?.revision.version ?? 0,
                                                    report: reportID, template: template, by: focalPoint, on: app.db)
            }
            try await AnswerModel.query(on: app.db).filter(\.$questionID == "cbd-7nr.bin.1_2").delete()

            let draftDashboard = try await Browser(app).get("/parties/KE/progress")
            #expect(draftDashboard.status == .ok && !draftDashboard.contains("id=\"binary\""), "a draft's answers never reach the dashboard")
            for step in [ReportStatus.inReview, .approved, .submitted, .published] {
                try await ReportingService.transition(reportID, to: step, templates: app.synergia.templates,
                                                      by: step == .published ? secretariat : focalPoint, on: app.db)
            }
            let sealed = try #require(try await ReportModel.find(reportID, on: app.db))
            let content = try #require(sealed.submittedContent)
            #expect(!content.contains(Self.seaUse), "the answer to a question not asked is not submitted")
            #expect(content.contains(Self.terrestrial) && content.contains("\"\(Self.landlocked)\""))
            // Still in the draft's own answers (nothing lost: were the answer changed back, it would be asked again).
            #expect(try await AnswerModel.query(on: app.db).filter(\.$questionID == Self.seaUse).count() == 1)

            let page = try await Browser(app).get("/reports/\(reportID)/sections/\(Self.target1)")
            #expect(page.status == .ok)
            #expect(!page.contains("id=\"q-\(Self.seaUse)\""), "the public reader sees neither the question not asked nor its answer")
            #expect(page.contains("id=\"q-\(Self.terrestrial)\""))

            // The Party's dashboard shows the published answers under their goal or target, linking the report's section.
            let dashboard = try await Browser(app).get("/parties/KE/progress")
            #expect(dashboard.contains("id=\"binary\"") && dashboard.contains("id=\"binary-1\""))
            #expect(dashboard.contains("href=\"/reports/\(reportID)/sections/\(Self.target1)\""))
            #expect(dashboard.contains("1.1 (a) Address land-use (terrestrial) change?</dt><dd>No</dd>"))
            #expect(!dashboard.contains("1.1 (c) Address sea-use"), "not asked, not shown")
            let json = try await Browser(app).get("/api/v1/parties/KE/progress")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
            let binary = try #require(object["binary"] as? [String: Any])
            #expect(binary["report"] as? String == reportID.uuidString)
            let targets = try #require(binary["targets"] as? [[String: Any]])
            #expect(targets.first { $0["code"] as? String == "1" }.map { ($0["answers"] as? [Any])?.count } == 3,
                    "1, 1.1 (a) and (b): (c) and 1.2 are not asked")
        }
    }
}
