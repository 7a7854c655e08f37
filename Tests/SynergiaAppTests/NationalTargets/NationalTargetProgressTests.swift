import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// The CBD 7th report's progress section written per national target (issue 15, item 2): a
/// published national target answers for the global targets it reports on, with its progress
/// entered once on the target; the global targets without one keep their questions.
@Suite("Progress per national target in the CBD 7th report")
struct NationalTargetProgressTests {
    static func content(_ lookups: NationalTargetService.Lookups, _ title: String, gbf: [String], progress: String?,
                        summary: String = "") throws -> NationalTargetContent {
        try lookups.parse(NationalTargetForm(title: title, degrees: Dictionary(uniqueKeysWithValues: gbf.map { ($0, "high") }),
                                             progress: progress, progressSummary: summary), language: .english)
    }

    static func problems(_ error: any Error) -> [SubmissionProblem] { (error as? SubmissionRefused)?.problems ?? [] }

    @Test("Kenya publishes T3 on GBF Target 3 without assessing it: Target 3's questions are no longer asked, and the report cannot go for review until T3's progress is assessed; then it is submitted with T3 sealed, and T3 changed later leaves the submitted report as it was")
    func progressPerNationalTarget() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let reportID = try report.requireID()
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let templates = app.synergia.templates
            try await fillRequiredAnswers(app, report: reportID, by: "fp@example.org")
            let lookups = try await NationalTargetService.lookups(party: "KE", registry: app.synergia.indicators, on: app.db)
            let created = try await NationalTargetService.create(code: "T3", try Self.content(lookups, "Conserve 30% of land and waters", gbf: ["3"], progress: nil),
                                                                 party: "KE", by: focalPoint, on: app.db)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")

            // A draft answers for nothing: Target 3's questions are asked, and the section lists T3 as a draft.
            var json = try NationalTargetTests.decode(ReportPage.Model.self, try await browser.get("/api/v1/reports/\(reportID)").body)
            #expect(!json.notAsked.contains("cbd-7nr.s2.q5"))
            var section = try await browser.get("/reports/\(reportID)/sections/cbd-7nr.s2")
            #expect(section.contains("id=\"nt-T3\"") && section.contains("once it is published"))
            #expect(!section.body.contains("id=\"q-cbd-7nr.s2.q5\" hidden"))

            // Published, unassessed: Target 3's two questions are not asked (hidden in the form), T3 is required in their place.
            guard case .saved = try await NationalTargetService.publish(party: "KE", code: "T3", baseVersion: created.version, by: focalPoint, on: app.db) else {
                Issue.record("T3 was not published"); return
            }
            json = try NationalTargetTests.decode(ReportPage.Model.self, try await browser.get("/api/v1/reports/\(reportID)").body)
            #expect(json.notAsked.filter { $0.hasPrefix("cbd-7nr.s2.") } == ["cbd-7nr.s2.q5", "cbd-7nr.s2.q6"])
            let s2 = try #require(json.sections.first { $0.id == "cbd-7nr.s2" })
            #expect(s2.completeness.required == 22 + 1 && s2.completeness.answered == 22, "22 global targets asked, and T3 unassessed")
            section = try await browser.get("/reports/\(reportID)/sections/cbd-7nr.s2")
            #expect(!section.contains("id=\"q-cbd-7nr.s2.q5\"") && !section.contains("name=\"v:cbd-7nr.s2.q5\"") && section.contains("id=\"q-cbd-7nr.s2.q3\""))
            #expect(section.contains("href=\"/parties/KE/national-targets/T3/edit#progress\""))
            #expect(!(try await browser.get("/reports/\(reportID)")).contains("id=\"q-cbd-7nr.s2.q5\""), "the whole report's page leaves it out")
            let print = try await browser.get("/reports/\(reportID)/print")
            #expect(print.contains("Target 1 (Plan and manage all areas") && !print.contains("Target 3 (Conserve 30%")
                    && (print.contains("<dt>T3 <span lang=\"en\">Conserve 30% of land and waters</span>") || print.contains("<dt>T3 Conserve 30% of land and waters")))

            do {
                try await ReportingService.transition(reportID, to: .inReview, templates: templates, by: focalPoint, on: app.db)
                Issue.record("sent for review with T3 unassessed")
            } catch {
                #expect(Self.problems(error) == [.nationalTargetProgress(code: "T3", question: "cbd-7nr.s2.q5")])
            }
            let check = try await browser.get("/reports/\(reportID)/check")
            #expect(check.contains("href=\"/parties/KE/national-targets/T3/edit#progress\"") && check.contains("has no progress assessment"))
            #expect(check.contains("href=\"/reports/\(reportID.uuidString)/sections/cbd-7nr.s2#nt-T3\""), "to T3's entry: Target 3's question is not on the page")
            let refused = try await browser.post("/reports/\(reportID)/transition", ["to": "in-review"])
            #expect(refused.status == .unprocessableEntity && refused.contains("national-targets/T3/edit#progress"))
            #expect(try await ReportModel.find(reportID, on: app.db)?.status == .draft)

            // Assessed once, on the target: the report goes through, and seals T3 in place of Target 3's answers.
            guard case .saved = try await NationalTargetService.update(
                party: "KE", code: "T3", try Self.content(lookups, "Conserve 30% of land and waters", gbf: ["3"], progress: "insufficientRate",
                                                          summary: "Coverage rose to **18%**."), baseVersion: created.version + 1, by: focalPoint, on: app.db) else {
                Issue.record("T3 was not assessed"); return
            }
            for step in [ReportStatus.inReview, .approved, .submitted] {
                try await ReportingService.transition(reportID, to: step, templates: templates, by: focalPoint, on: app.db)
            }
            let sealed = try #require(try await ReportModel.find(reportID, on: app.db)?.submittedContent)
            #expect(!sealed.contains("\"cbd-7nr.s2.q5\"") && !sealed.contains("\"cbd-7nr.s2.q6\"") && sealed.contains("\"cbd-7nr.s2.q3\""))
            #expect(sealed.contains("\"progress\":\"insufficientRate\"") && sealed.contains("Coverage rose to **18%**."))

            // Published: GBF Target 3's assessment on the dashboards is T3's, not the answer Target 3's question kept in the draft.
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            try await ReportingService.transition(reportID, to: .published, templates: templates, by: secretariat, on: app.db)
            func assessment(_ target: String) async throws -> ProgressAssessmentModel? {
                try await ProgressAssessmentModel.query(on: app.db).filter(\.$partyCode == "KE").filter(\.$framework == "KMGBF")
                    .filter(\.$target == target).first()
            }
            let target3 = try #require(try await assessment("3"))
            #expect(target3.category == ProgressCategory(rating: .insufficientRate) && target3.evidence.contains("T3 (insufficientRate): Coverage rose to **18%**."))
            #expect(try await assessment("2") != nil, "Target 2, without a national target, from its own answer")
            // Amended and published again, Target 3 keeps the assessment its national target states.
            let amended = try await ReportVersionService.amend(reportID, templates: templates, by: focalPoint, on: app.db)
            for step in [ReportStatus.inReview, .approved, .submitted] {
                try await ReportingService.transition(try amended.requireID(), to: step, templates: templates, by: focalPoint, on: app.db)
            }
            try await ReportingService.transition(try amended.requireID(), to: .published, templates: templates, by: secretariat, on: app.db)
            #expect(try await assessment("3")?.assessedBy == "report/\(try amended.requireID())")

            // Changed after submission: the submitted report still states what was submitted.
            guard case .saved = try await NationalTargetService.update(
                party: "KE", code: "T3", try Self.content(lookups, "Conserve 30% of land and waters", gbf: ["3"], progress: "movingAway"),
                baseVersion: created.version + 2, by: focalPoint, on: app.db) else {
                Issue.record("T3 was not changed"); return
            }
            section = try await browser.get("/reports/\(reportID)/sections/cbd-7nr.s2")
            let start = try #require(section.body.range(of: "id=\"nt-T3\"")).upperBound
            let entry = section.body[start...].prefix(1_500)
            #expect(entry.contains("Coverage rose to <strong>18%</strong>.") && entry.contains("Progress at an insufficient rate") && !entry.contains("Moving away"))
            #expect(!section.contains("/parties/KE/national-targets/T3/edit"), "a submitted report's progress is not assessed again")
        }
    }

    @Test("the API's refusal names the national target; a target reporting only on other conventions' targets changes nothing in the 7th report")
    func apiRefusal() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let reportID = try report.requireID()
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            try await fillRequiredAnswers(app, report: reportID, by: "fp@example.org")
            let lookups = try await NationalTargetService.lookups(party: "KE", registry: app.synergia.indicators, on: app.db)
            for (code, gbf) in [("T1", ["1", "A"]), ("W5", [])] {
                let content = gbf.isEmpty
                    ? try lookups.parse(NationalTargetForm(title: "Wetlands", otherTargets: ["RAMSAR-SP4/5"]), language: .english)
                    : try Self.content(lookups, "Spatial planning", gbf: gbf, progress: nil)
                let row = try await NationalTargetService.create(code: code, content, party: "KE", by: focalPoint, on: app.db)
                _ = try await NationalTargetService.publish(party: "KE", code: code, baseVersion: row.version, by: focalPoint, on: app.db)
            }
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signInWithToken("fp@example.org")
                let answer = try await client.api(.POST, "/api/v1/reports/\(reportID)/transition", json: #"{"to":"in-review"}"#)
                #expect(answer.status == .unprocessableEntity)
                struct Refused: Decodable { struct Problem: Decodable { var question: String; var nationalTarget: String? }; var problems: [Problem] }
                let problems = try answer.json(Refused.self).problems
                #expect(problems.map(\.question) == ["cbd-7nr.s2.q1"] && problems.map(\.nationalTarget) == ["T1"])
                let model = try await client.api(.GET, "/api/v1/reports/\(reportID)").json(ReportPage.Model.self)
                #expect(model.notAsked.filter { $0.hasPrefix("cbd-7nr.s2.") } == ["cbd-7nr.s2.q1", "cbd-7nr.s2.q2"], "W5 reports on no global target")
            }
        }
    }

    @Test("deadline day: five Parties submit while their national target's assessment is withdrawn at the same moment; every submitted report sealed its target assessed, every other was refused for it, and nothing is half done")
    func submitWhileTheAssessmentIsWithdrawn() async throws {
        try await withSynergia { app in
            let secretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let cycle = try await ReportingService.openCycle(template: try app.synergia.templates.template("cbd-7nr"), title: "",
                                                             opensOn: "2026-01-01", dueOn: "2026-12-31", by: secretariat, on: app.db)
            let parties = ["KE", "UG", "TZ", "RW", "ET"]
            var reports: [String: UUID] = [:]
            var focalPoints: [String: UserModel] = [:]
            for party in parties {
                let email = "fp-\(party.lowercased())@example.org"
                let focalPoint = try await makeUser(app, email: email, role: .focalPoint, party: party, convention: "CBD")
                let report = try await ReportingService.startReport(cycle: try cycle.requireID(), by: focalPoint, on: app.db)
                let reportID = try report.requireID()
                try await fillRequiredAnswers(app, report: reportID, by: email)
                let lookups = try await NationalTargetService.lookups(party: party, registry: app.synergia.indicators, on: app.db)
                let row = try await NationalTargetService.create(code: "T3", try Self.content(lookups, "Protected areas", gbf: ["3"], progress: "onTrack"),
                                                                 party: party, by: focalPoint, on: app.db)
                _ = try await NationalTargetService.publish(party: party, code: "T3", baseVersion: row.version, by: focalPoint, on: app.db)
                for step in [ReportStatus.inReview, .approved] {
                    try await ReportingService.transition(reportID, to: step, templates: app.synergia.templates, by: focalPoint, on: app.db)
                }
                reports[party] = reportID
                focalPoints[party] = focalPoint
            }
            let templates = app.synergia.templates
            let (reportsByParty, focalPointsByParty) = (reports, focalPoints)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for party in parties {
                    let (reportID, focalPoint) = (reportsByParty[party]!, focalPointsByParty[party]!)
                    group.addTask {
                        do {
                            try await ReportingService.transition(reportID, to: .submitted, templates: templates, by: focalPoint, on: app.db)
                        } catch {
                            #expect(Self.problems(error) == [.nationalTargetProgress(code: "T3", question: "cbd-7nr.s2.q5")])
                        }
                    }
                    group.addTask {
                        let lookups = try await NationalTargetService.lookups(party: party, registry: app.synergia.indicators, on: app.db)
                        let outcome = try await NationalTargetService.update(party: party, code: "T3", try Self.content(lookups, "Protected areas", gbf: ["3"], progress: nil),
                                                                             baseVersion: 2, by: focalPoint, on: app.db)
                        guard case .saved = outcome else { Issue.record("the withdrawal was refused"); return }
                    }
                }
                try await group.waitForAll()
            }
            for party in parties {
                let report = try #require(try await ReportModel.find(reportsByParty[party]!, on: app.db))
                let target = try #require(try await NationalTargetModel.query(on: app.db).filter(\.$partyCode == party).first())
                #expect(target.content.progress == nil && target.version == 3)
                if report.status == .submitted {
                    let sealed = try #require(report.submittedContent)
                    #expect(sealed.contains("\"nationalTargets\":[{\"code\":\"T3\"") && sealed.contains("\"progress\":\"onTrack\"") && report.receiptSHA256 != nil)
                    // It sealed T3 assessed: the withdrawal came after the submission, in the audit log's order too (it waited for the lock).
                    let submitted = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$action == "report.submitted")
                        .filter(\.$subject == AuditSubject.report(reportsByParty[party]!).description).first()).sequence
                    let withdrawn = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$action == "national-target.changed")
                        .filter(\.$subject == "national-target/\(party)/T3").first()).sequence
                    #expect(submitted < withdrawn, "\(party)")
                } else {
                    #expect(report.status == .approved && report.submittedContent == nil && report.receiptSHA256 == nil)
                }
            }
        }
    }
}
