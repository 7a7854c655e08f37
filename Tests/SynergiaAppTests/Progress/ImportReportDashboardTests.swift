import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Import → report → dashboard")
struct ImportReportDashboardTests {
    @Test("imported data shows in the report; the report's assessment reaches the public dashboards only when published")
    func endToEnd() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let template = try app.synergia.templates.template("cbd-7nr")
            let assessment = try #require(template.questions.first { $0.type == .progressAssessment && $0.target == TargetReference(framework: "KMGBF", code: "4") })
            let narrative = try #require(template.questions.first { $0.type == .longText && $0.target == TargetReference(framework: "KMGBF", code: "4") })

            // 1. The statistics office imports the Red List Index.
            let stats = Browser(app)
            try await stats.signIn("stats@example.org")
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,A.3,2015,0.81,,,,,IUCN,\nKE,A.3,2020,0.79,,,,,IUCN,\n"
            #expect(try await stats.post("/indicators/import", ["text": csv, "format": "plain"]).status == .ok)

            // 2. The report shows it, and the focal point assesses target 4 with a narrative.
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            let path = "/reports/\(report.id!)"
            let page = try await focalPoint.get(path)
            #expect(page.contains("0.79"), "the imported series is in the report's indicator question")
            #expect(try await focalPoint.post("\(path)/answers/\(assessment.id)", ["value": "insufficientRate", "baseVersion": "0"]).status == .seeOther)
            #expect(try await focalPoint.post("\(path)/answers/\(narrative.id)", ["value": "The Red List Index fell from 0.81 to 0.79.", "baseVersion": "0"]).status == .seeOther)

            // 3. Submitted but not yet published: the public dashboard has nothing.
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in ["in-review", "approved", "submitted"] {
                #expect(try await focalPoint.post("\(path)/transition", ["to": step]).status == .seeOther, "\(step)")
            }
            #expect(try await Browser(app).json(TargetDashboard.Model.self, "/api/v1/progress/KMGBF/4").assessments.isEmpty)

            // 4. The secretariat publishes: the dashboards show Kenya's assessment, its evidence, and the data.
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.post("\(path)/transition", ["to": "published"]).status == .seeOther)
            let dashboard = try await Browser(app).json(TargetDashboard.Model.self, "/api/v1/progress/KMGBF/4")
            let kenya = try #require(dashboard.assessments.first { $0.party == "KE" })
            #expect(kenya.category == .insufficientRate && kenya.cycle == "2026" && kenya.confidence == .notStated)
            #expect(kenya.evidence.contains("fell from 0.81 to 0.79"))
            #expect(dashboard.byRegion["african"] == [.insufficientRate: 1])
            let party = try await Browser(app).json(PartyProgress.Model.self, "/api/v1/parties/KE/progress")
            let t4 = try #require(party.frameworks.first { $0.code == "KMGBF" }?.targets.first { $0.code == "4" })
            #expect(t4.assessments == ["2026": .insufficientRate])
            #expect(t4.indicators.first { $0.code == "A.3" }?.latestValue == 0.79)
            #expect(try await Browser(app).get("/progress/KMGBF/4").contains("<svg"))
        }
    }

    @Test("the dashboards show the latest published version: a later amendment replaces it, an older version published afterwards does not")
    func latestPublishedVersion() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let template = try app.synergia.templates.template("cbd-7nr")
            let t4 = try #require(template.questions.first { $0.type == .progressAssessment && $0.target == TargetReference(framework: "KMGBF", code: "4") })
            let t5 = try #require(template.questions.first { $0.type == .progressAssessment && $0.target == TargetReference(framework: "KMGBF", code: "5") })
            let focalPoint = Browser(app), secretariat = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            try await secretariat.signIn("cbd@example.org")
            let v1 = "/reports/\(report.id!)"
            _ = try await focalPoint.post("\(v1)/answers/\(t4.id)", ["value": "insufficientRate", "baseVersion": "0"])
            _ = try await focalPoint.post("\(v1)/answers/\(t5.id)", ["value": "movingAway", "baseVersion": "0"])
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in ["in-review", "approved", "submitted"] { _ = try await focalPoint.post("\(v1)/transition", ["to": step]) }

            // Version 2 amends version 1 (still only submitted): target 4 improves.
            let amended = try await focalPoint.post("\(v1)/amend", [:])
            let v2 = try #require(amended.location?.split(separator: "#").first.map(String.init))
            let current = try await focalPoint.json(ReportPage.Model.self, "/api/v1\(v2)")
            let t4Version = try #require(current.answers.first { $0.question == t4.id }).version
            _ = try await focalPoint.post("\(v2)/answers/\(t4.id)", ["value": "onTrack", "baseVersion": "\(t4Version)"])
            for step in ["in-review", "approved", "submitted"] { _ = try await focalPoint.post("\(v2)/transition", ["to": step]) }
            #expect(try await secretariat.post("\(v2)/transition", ["to": "published"]).status == .seeOther)
            let rows = { try await ProgressAssessmentModel.query(on: app.db).filter(\.$partyCode == "KE").filter(\.$target ~~ ["4", "5"])
                .filter(\.$framework == "KMGBF").sort(\.$target).all() }
            #expect(try await rows().map(\.category) == [.onTrack, .movingAway])
            let recorded = try await AuditEntryModel.query(on: app.db).filter(\.$action == "progress.published").count()
            #expect(recorded == template.questions.filter { $0.type == .progressAssessment }.count, "one audit entry per assessment")

            // Version 1 published afterwards does not overwrite version 2 on the dashboards.
            #expect(try await secretariat.post("\(v1)/transition", ["to": "published"]).status == .seeOther)
            let after = try await rows()
            #expect(after.map(\.category) == [.onTrack, .movingAway] && after.map(\.target) == ["4", "5"])
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "progress.published").count() == recorded)
        }
    }
}
