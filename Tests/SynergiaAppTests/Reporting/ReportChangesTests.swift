import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 17, "what changed since my last visit": each answer says who last changed it and when;
/// what others changed since the reader last opened a section is marked there and counted in the
/// table of contents; what someone else saved minutes ago is marked as being edited.
@Suite("What changed since my last visit")
struct ReportChangesTests {
    /// Kenya's report, with its focal point and a contributor signed in, each in a browser.
    func setUp(_ app: Application) async throws -> (UUID, focalPoint: Browser, contributor: Browser) {
        let report = try await ReportSectionTests().setUp(app)
        try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
        let focalPoint = Browser(app), contributor = Browser(app)
        try await focalPoint.signIn("fp@example.org")
        try await contributor.signIn("contributor@example.org")
        return (try report.requireID(), focalPoint, contributor)
    }

    /// A visit counts as seeing what was saved up to ``ReportVisits/commitMargin`` before it: a save
    /// seen at once is marked once more. The tests that open a section after a save wait that long first.
    static func pastCommitMargin() async throws { try await Task.sleep(for: .seconds(ReportVisits.commitMargin + 0.5)) }

    func save(_ browser: Browser, _ report: UUID, _ question: String, _ value: String, base: Int = 0) async throws {
        #expect(try await browser.post("/reports/\(report)/answers/\(question)", ["value": value, "baseVersion": "\(base)"]).status == .seeOther)
    }

    @Test("a colleague's save since my visit is marked on the section and counted in the contents; opening the section clears the mark")
    func markedUntilSeen() async throws {
        try await withSynergia { app async throws in
            let (id, focalPoint, contributor) = try await setUp(app)
            let section = "/reports/\(id)/sections/cbd-7nr.s1"
            #expect(try await contributor.get(section).status == .ok)
            try await save(focalPoint, id, "cbd-7nr.s1.q1", "Ministry of Environment")
            try await Self.pastCommitMargin()

            let overview = try await contributor.get("/reports/\(id)")
            #expect(overview.contains("changed since your last visit: 1"))
            #expect(overview.contains("class=\"question changed\" id=\"q-cbd-7nr.s1.q1\""))
            #expect(overview.contains("fp@example.org saved this at"))
            let seen = try await contributor.get(section)
            #expect(seen.contains("class=\"question changed\" id=\"q-cbd-7nr.s1.q1\"") && seen.contains("Changed since your last visit."))

            // Seen now: the mark is gone (the colleague may still be editing it: that note stays a few minutes).
            let again = try await contributor.get(section)
            #expect(!again.contains("class=\"question changed\"") && !again.contains("Changed since your last visit."))
            #expect(again.contains("fp@example.org saved this at"))
            #expect(!(try await contributor.get("/reports/\(id)")).contains("changed since your last visit"))

            // My own saves are never marked for me.
            let mine = try await focalPoint.get(section)
            #expect(!mine.contains("question changed") && !mine.contains("saved this at") && mine.contains("Last changed by fp@example.org on"))
        }
    }

    @Test("a section never opened counts from my first visit to the report; before any visit nothing is marked")
    func firstVisitBaseline() async throws {
        try await withSynergia { app async throws in
            let (id, focalPoint, contributor) = try await setUp(app)
            try await save(focalPoint, id, "cbd-7nr.s1.q1", "Before anyone looked")
            try await Self.pastCommitMargin()
            #expect(!(try await contributor.get("/reports/\(id)")).contains("changed since your last visit"), "a first-time reader: nothing to compare with")
            #expect(try await contributor.get("/reports/\(id)/sections/cbd-7nr.s1").status == .ok)
            try await save(focalPoint, id, "cbd-7nr.s4.q1", "2026-05-01")
            let overview = try await contributor.get("/reports/\(id)")
            #expect(overview.contains("changed since your last visit: 1"))
            let json = try await contributor.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.sections.map(\.changedSinceVisit) == [0, 0, 0, 1] + Array(repeating: 0, count: json.sections.count - 4))
            #expect(json.answers.first { $0.question == "cbd-7nr.s4.q1" }?.changedSinceVisit == true)
            #expect(json.answers.first { $0.question == "cbd-7nr.s1.q1" }?.changedSinceVisit == false)
        }
    }

    @Test("'being edited' lasts five minutes after someone else's save, and never marks an anonymous reader's page")
    func beingEditedWindow() async throws {
        try await withSynergia { app async throws in
            let (id, focalPoint, _) = try await setUp(app)
            try await save(focalPoint, id, "cbd-7nr.s1.q1", "Ministry of Environment")
            let contributor = try #require(try await UserModel.query(on: app.db).filter(\.$email == "contributor@example.org").first())
            let report = try #require(try await ReportModel.query(on: app.db).filter(\.$id == id).with(\.$cycle).first())
            let loaded = ReportAccess.Loaded(report: report, cycle: report.cycle, template: try app.synergia.templates.template(of: report.cycle))
            func edited(after seconds: TimeInterval, reader: UserModel?) async throws -> Bool? {
                try await ReportPage.query(loaded, actor: reader?.actor ?? .publicVisitor, reader: reader, templates: app.synergia.templates,
                                           now: Date().addingTimeInterval(seconds), on: app.db).answer("cbd-7nr.s1.q1")?.beingEdited
            }
            #expect(try await edited(after: 60, reader: contributor) == true)
            #expect(try await edited(after: 6 * 60, reader: contributor) == false)
            #expect(try await edited(after: 60, reader: nil) == false)
        }
    }

    @Test("visits are kept per reader and section: many at once make one row, a late one never moves it back, an unknown section writes none")
    func visitsUnderLoad() async throws {
        try await withSynergia { app async throws in
            let (id, _, contributor) = try await setUp(app)
            let section = "/reports/\(id)/sections/cbd-7nr.s2"
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signIn("contributor@example.org")
                let statuses = try await simultaneously(12) { _ in try await client.get(section).status }
                #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
            }
            let rows = try await ReportVisitModel.query(on: app.db).all()
            #expect(rows.count == 1 && rows.first?.sectionID == "cbd-7nr.s2")
            let user = try #require(rows.first?.userID)
            let latest = try #require(rows.first?.seenAt)
            try await ReportVisits.record(user, report: id, section: "cbd-7nr.s2", at: latest.addingTimeInterval(-3600), on: app.db)
            let kept = try #require(try await ReportVisitModel.query(on: app.db).first()?.seenAt)
            #expect(abs(kept.timeIntervalSince(latest)) < 0.001, "the time never goes back")

            #expect(try await contributor.get("/reports/\(id)/sections/no-such-section").status == .notFound)
            #expect(try await contributor.get("/reports/\(id)/sections/%3Cscript%3E").status == .notFound)
            #expect(try await ReportVisitModel.query(on: app.db).count() == 1)
        }
    }

    @Test("a visit is written only when it changes what is marked; the reader's kept page loses its marks at once when it does")
    func visitsWrittenWhenTheyMatter() async throws {
        try await withSynergia { app async throws in
            let (id, focalPoint, contributor) = try await setUp(app)
            let section = "/reports/\(id)/sections/cbd-7nr.s1"
            #expect(try await contributor.get(section).status == .ok)
            let first = try #require(try await ReportVisitModel.query(on: app.db).first()?.seenAt)
            for _ in 0..<3 { #expect(try await contributor.get(section).status == .ok) }
            try await save(contributor, id, "cbd-7nr.s1.q1", "My own change")
            #expect(try await contributor.get(section).status == .ok)
            #expect(try await ReportVisitModel.query(on: app.db).first()?.seenAt == first, "nothing new from others: nothing written")

            // Someone else's save: the overview (kept for the reader) counts it until the section is opened, then at once no more.
            try await save(focalPoint, id, "cbd-7nr.s1.q2", "Their narrative")
            try await Self.pastCommitMargin()
            for _ in 0..<2 { #expect(try await contributor.get("/reports/\(id)").contains("changed since your last visit: 1")) }
            #expect(try await contributor.get(section).contains("class=\"question changed\" id=\"q-cbd-7nr.s1.q2\""))
            #expect(try #require(try await ReportVisitModel.query(on: app.db).first()?.seenAt) > first)
            #expect(!(try await contributor.get("/reports/\(id)").contains("changed since your last visit")))
            #expect(!(try await contributor.get(section).contains("question changed")))
        }
    }

    @Test("who changed what, and when, is for those preparing and reviewing the report: the public reader of the published report sees none of it")
    func notPublic() async throws {
        try await withSynergia { app async throws in
            let (id, focalPoint, _) = try await setUp(app)
            try await fillRequiredAnswers(app, report: id, by: "fp@example.org")
            #expect(try await focalPoint.get("/reports/\(id)").contains("Last changed by fp@example.org on"))
            for step in ["in-review", "approved", "submitted"] {
                #expect(try await focalPoint.post("/reports/\(id)/transition", ["to": step]).status == .seeOther)
            }
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.post("/reports/\(id)/transition", ["to": "published"]).status == .seeOther)
            let anonymous = try await Browser(app).get("/reports/\(id)")
            #expect(anonymous.status == .ok && anonymous.contains("id=\"q-cbd-7nr.s1.q1\""))
            #expect(!anonymous.contains("Last changed by") && !anonymous.contains("saved this at") && !anonymous.contains("fp@example.org"))
            let own = try await focalPoint.get("/reports/\(id)")
            #expect(!own.contains("Last changed by") && !own.contains("saved this at"), "the published version shows its answers as submitted")
            #expect(try await ReportVisitModel.query(on: app.db).count() == 0, "nobody opened a section")
            #expect(try await Browser(app).get("/reports/\(id)/sections/cbd-7nr.s1").status == .ok)
            #expect(try await ReportVisitModel.query(on: app.db).count() == 0, "the public's reading writes nothing")
        }
    }
}
