import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("The demo: a platform that looks lived in, every item of it marked as demo")
struct DemoSeedTests {
    @Test("the demo has a spread of assessments, news of the past weeks, a workshop ahead, a published report, and finds wetlands in six languages")
    func alive() async throws {
        try await withSynergia { app in
            try await DemoSeed.seed(on: app.db, hasher: app.password.async)
            let today = ISODate.string(Date())

            // Every KMGBF target is assessed by many Parties, across the categories.
            let assessments = try await ProgressAssessmentModel.query(on: app.db).filter(\.$framework == "KMGBF").filter(\.$target == "3").all()
            #expect(Set(assessments.map(\.partyCode)).count >= 30)
            #expect(Set(assessments.map(\.category)).count >= 4)
            #expect(assessments.allSatisfy { $0.evidence.hasPrefix("DEMO") })
            #expect(try await Browser(app).get("/progress/KMGBF/3").status == .ok)

            // News dated over the past weeks, newest first, and an event ahead; all marked.
            let news = try await NewsItemModel.query(on: app.db).sort(\.$publishedAt, .descending).all()
            #expect(news.count == 8 && news.allSatisfy { $0.title.hasPrefix("DEMO — ") })
            #expect(news.allSatisfy { $0.publishedAt < Date() && $0.publishedAt > Date().addingTimeInterval(-30 * 86_400) })
            #expect(Set(news.map { ISODate.string($0.publishedAt) }).count == 8, "dated on different days")
            #expect(news.contains { $0.kind == .event && ($0.eventDate ?? "") > today })
            let feed = try await Browser(app).get("/feeds/news.atom")
            #expect(AtomFeedValidator.problems(in: feed.body).isEmpty && feed.contains("DEMO — Wetlands in national reports"))

            // A meeting ahead, open for registration, in the calendar and the events feed.
            let upcoming = try await MeetingModel.query(on: app.db).filter(\.$startDate > today).all()
            #expect(upcoming.map(\.code) == ["DEMO-WORKSHOP"] && upcoming.first?.registrationOpen == true)
            #expect(try await Browser(app).get("/feeds/events.atom").contains("DEMO — Online workshop"))

            // Kenya says it has no data yet for 2.2, with a reason marked DEMO, on its dashboard and the indicator's page.
            let dashboard = try await Browser(app).get("/parties/KE/progress")
            #expect(dashboard.contains("(No data)") && dashboard.contains("DEMO — The national restoration inventory"))
            #expect(try await Browser(app).get("/indicators/2.2?party=KE").contains("id=\"indicator-statement\""))
            // Kenya's sixth and seventh reports were approved by Kenya's publishing authority before they were submitted.
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "report.approved")
                .filter(\.$actor == "publishing-authority@demo.synergia.example").count() == 2)

            // Kenya's sixth report is published (version 1), its amendment a draft.
            let reports = try await ReportModel.query(on: app.db).filter(\.$partyCode == "KE").sort(\.$version).all()
            #expect(reports.contains { $0.status == .published && $0.version == 1 })
            #expect(reports.contains { $0.status == .draft && $0.version == 2 })
            #expect(try await Browser(app).get("/feeds/reports.atom").contains("<entry"))
            // Kenya's seventh report is published too (approved by its authority), with its progress per national target and its
            // binary answers on Kenya's dashboard; its amendment is the draft the demo's users work on.
            let seventh = try await ReportModel.query(on: app.db).join(ReportingCycleModel.self, on: \ReportModel.$cycle.$id == \ReportingCycleModel.$id)
                .filter(ReportingCycleModel.self, \.$templateID == "cbd-7nr").filter(\.$partyCode == "KE").sort(\.$version).all()
            #expect(seventh.map(\.status) == [.published, .draft])
            let sealed = try #require(seventh.first?.submittedContent)
            #expect(sealed.contains("\"code\":\"DEMO-T3\"") && !sealed.contains("\"cbd-7nr.s2.q5\"") && sealed.contains("DEMO national targets.txt"))
            let kenya = try await Browser(app).get("/parties/KE/progress")
            #expect(kenya.contains("id=\"binary\"") && kenya.contains("id=\"binary-1\""))

            // The six searches of the issue each find the news in their language, and the Ramsar Convention by
            // its name in that language (none is known in Arabic: conventions.json says so by having none).
            for (query, language) in [("wetlands", "en"), ("zones humides", "fr"), ("humedales", "es"), ("водно-болотные", "ru"),
                                      ("الأراضي الرطبة", "ar"), ("湿地", "zh")] {
                let found = try await SearchTests.search(app, query, reader: language)
                #expect(found.results.contains { $0.kind == .news && $0.language == language }, "\(query): \(found.results.map(\.path))")
                #expect(found.results.contains { $0.kind == .convention && $0.path == "/conventions/RAMSAR" } == (language != "ar"), "\(query)")
            }
            let spanish = try await SearchTests.search(app, "humedales", reader: "es", kind: .news)
            #expect(spanish.results.first?.title.text == "DEMO — Los humedales en los informes nacionales")
            let decisions = try await SearchTests.search(app, "生物多样性相关公约", reader: "zh", kind: .decision)
            #expect(decisions.total > 0 && decisions.results.allSatisfy { $0.path.hasPrefix("/decisions/XII-6") })
            #expect(try await SearchTests.search(app, "DEMO", kind: .answer).total > 0, "the published report's answers are found")
            // The demo's translated workshop is found by its French title.
            let workshop = try await SearchTests.search(app, "atelier ligne", reader: "fr", kind: .meeting, language: "fr")
            #expect(workshop.results.map(\.path) == ["/meetings/DEMO-WORKSHOP"])

            // Everything the demo wrote is in the audit log (`audit verify` after `serve --demo`).
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)

            // Seeding again adds nothing.
            let generated = try await ProgressAssessmentModel.query(on: app.db).filter(\.$assessedBy == DemoSeed.assessmentAuthor).count()
            try await DemoSeed.seed(on: app.db, hasher: app.password.async)
            #expect(try await NewsItemModel.query(on: app.db).count() == 8)
            #expect(try await MeetingModel.query(on: app.db).filter(\.$code == "DEMO-WORKSHOP").count() == 1)
            #expect(try await ProgressAssessmentModel.query(on: app.db).filter(\.$assessedBy == DemoSeed.assessmentAuthor).count() == generated)
        }
    }
}
