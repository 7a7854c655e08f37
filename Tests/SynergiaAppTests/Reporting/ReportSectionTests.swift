import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 17, first part: a report in sections, one page each, with the table of contents and the
/// sections before and after; the Party's name, not its code.
@Suite("A report a section at a time")
struct ReportSectionTests {
    func setUp(_ app: Application) async throws -> ReportModel {
        let secretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
        let focalPoint = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
        let cycle = try await ReportingService.openCycle(template: try app.synergia.templates.template("cbd-7nr"), title: "", opensOn: "2026-01-01",
                                                         dueOn: "2026-12-31", by: secretariat, on: app.db)
        return try await ReportingService.startReport(cycle: try cycle.requireID(), by: focalPoint, on: app.db)
    }

    @Test("the report lists its sections with their completeness; each section has its page, with the sections before and after it")
    func sectionPages() async throws {
        try await withSynergia { app async throws in
            let report = try await setUp(app)
            let id = try report.requireID()
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let whole = try await browser.get("/reports/\(id)")
            #expect(whole.contains("<title>Kenya — Seventh national report"), "the Party's name, not KE")
            for section in ["s1", "s2", "s3", "s4"] { #expect(whole.contains("href=\"/reports/\(id)/sections/cbd-7nr.\(section)\"")) }
            #expect(whole.contains("0 of 3 required questions answered") && whole.contains("0 of 23 required questions answered"))

            let first = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(first.status == .ok)
            #expect(first.contains("<h1>Information on the report and the national targets</h1>"))
            #expect(first.contains("id=\"q-cbd-7nr.s1.q1\"") && !first.contains("id=\"q-cbd-7nr.s2.q1\""), "this section's questions only")
            #expect(first.contains("aria-current=\"page\">Information on the report"))
            #expect(!first.contains("rel=\"prev\"") && first.contains("rel=\"next\" href=\"/reports/\(id)/sections/cbd-7nr.s2\""))
            let last = try await browser.get("/reports/\(id)/sections/cbd-7nr.s4")
            #expect(last.contains("rel=\"prev\" href=\"/reports/\(id)/sections/cbd-7nr.s3\"") && !last.contains("rel=\"next\""))
            #expect(last.contains("Section 4 of 4"))

            // A save on a section's page comes back to it, and the counts move at once (the kept page is not served stale).
            let saved = try await browser.post("/reports/\(id)/answers/cbd-7nr.s1.q1", ["value": "Ministry of Environment", "baseVersion": "0"])
            #expect(saved.location == "/reports/\(id)/sections/cbd-7nr.s1#q-cbd-7nr.s1.q1")
            let again = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(again.contains("Ministry of Environment") && again.contains("1 of 3 required questions answered"))
            let json = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.sections.map(\.id) == ["cbd-7nr.s1", "cbd-7nr.s2", "cbd-7nr.s3", "cbd-7nr.s4"])
            #expect(json.sections.first?.completeness == .init(answered: 1, required: 3) && json.partyNames["en"] == "Kenya")

            // The assignment form's label and button say different things.
            #expect(first.contains("Assign to (email)</label>") && first.contains(">Assign</button>"))
        }
    }

    @Test("in Chinese the title has the Party's Chinese name; an unknown section is 404; a draft's section is not the public's")
    func languageAndAccess() async throws {
        try await withSynergia { app async throws in
            let report = try await setUp(app)
            let id = try report.requireID()
            let browser = Browser(app, acceptLanguage: "zh")
            try await browser.signIn("fp@example.org")
            let page = try await browser.get("/reports/\(id)/sections/cbd-7nr.s2")
            #expect(page.contains("<title>") && page.contains("肯尼亚") && !page.contains("— KE</title>"))
            #expect(page.contains("第 2 节，共 4 节"))
            #expect(try await browser.get("/reports/\(id)/sections/cbd-7nr.s9").status == .notFound)
            #expect(try await browser.get("/reports/\(id)/sections/%3Cscript%3E").status == .notFound)
            let anonymous = try await Browser(app).get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(anonymous.status != .ok && !anonymous.contains("q-cbd-7nr.s1.q1"), "\(anonymous.status)")
            try await makeUser(app, email: "other@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            let other = Browser(app)
            try await other.signIn("other@example.org")
            #expect(try await other.get("/reports/\(id)/sections/cbd-7nr.s1").status == .forbidden)
        }
    }
}
