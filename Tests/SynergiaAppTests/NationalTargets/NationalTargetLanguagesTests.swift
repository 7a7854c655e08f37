import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 15, item 1: a national target's title, description and progress are written in one
/// language and translated by the Party's users into others; readers see their language, else the
/// original, each marked with its language. A draft's translations are as private as the draft.
@Suite("National targets in several languages")
struct NationalTargetLanguagesTests {
    static let titleFR = "Conserver 30 % des terres et des eaux du Kenya"
    static let summaryFR = "La couverture des aires protégées a atteint 18 %."

    @Test("T3 written in English and translated into French while a draft: the public cannot see the draft's translations; published, French readers see French, Spanish readers the English original marked, in the list, the page, the JSON and Kenya's reports; a submitted report states the original it sealed")
    func translate() async throws {
        try await withSynergia { app async throws in
            let cbdSecretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let focalPoint = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            let report = try await startReport(app, template: "cbd-7nr", openedBy: cbdSecretariat, startedBy: focalPoint)
            let kenya = Browser(app)
            try await kenya.signIn("fp@example.org")
            #expect(try await kenya.post("/parties/KE/national-targets", pairs: NationalTargetTests.t3).status == .seeOther)

            // A draft: its translations page is the Party's only.
            #expect(try await Browser(app).get("/parties/KE/national-targets/T3/languages").status == .notFound)
            let uganda = Browser(app)
            try await uganda.signIn("ug@example.org")
            #expect(try await uganda.get("/parties/KE/national-targets/T3/languages").status == .notFound)
            let contributor = Browser(app)
            try await contributor.signIn("contributor@example.org")
            let form = try await contributor.get("/parties/KE/national-targets/T3/languages")
            #expect(form.contains("name=\"f.title.fr\"") && form.contains("name=\"f.progressSummary.fr\"") && !form.contains("name=\"f.title.en\""))
            #expect(try await uganda.post("/parties/KE/national-targets/T3/languages",
                                          ["shown": try ContentTranslationsTests.shown(form), "f.title.fr": "Piraté"]).status == .notFound)
            let saved = try await contributor.post("/parties/KE/national-targets/T3/languages", [
                "shown": try ContentTranslationsTests.shown(form), "f.title.fr": Self.titleFR, "f.progressSummary.fr": Self.summaryFR])
            #expect(saved.status == .seeOther && saved.location == "/parties/KE/national-targets/T3")
            // A second save over the same form is a conflict: it would replace what it has not seen.
            let stale = try await kenya.post("/parties/KE/national-targets/T3/languages", [
                "shown": try ContentTranslationsTests.shown(form), "f.title.fr": "Autre titre"])
            #expect(stale.status == .conflict && stale.contains(Self.titleFR))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$subject == "national-target:KE/T3").count() == 1)
            // Nor do its translations show anywhere public while it is a draft.
            #expect(try await Browser(app, acceptLanguage: "fr").get("/api/v1/parties/KE/national-targets/T3").status == .notFound)
            #expect(try await Browser(app).get("/parties/KE/national-targets/T3/languages").status == .notFound)

            #expect(try await kenya.post("/parties/KE/national-targets/T3/publish", ["version": "1"]).status == .seeOther)
            // Published, it is the focal point's and the authority's to change, translations included.
            let again = try await contributor.get("/parties/KE/national-targets/T3/languages")
            #expect(!again.contains("translations-form"))
            #expect(try await contributor.post("/parties/KE/national-targets/T3/languages", [
                "shown": try ContentTranslationsTests.shown(try await kenya.get("/parties/KE/national-targets/T3/languages")),
                "f.title.fr": "Piraté"]).status == .forbidden)

            let french = try await Browser(app, acceptLanguage: "fr").get("/parties/KE/national-targets/T3")
            #expect(french.contains("<h1>T3 \(Self.titleFR)</h1>") && french.contains("<div class=\"md\" lang=\"fr\" dir=\"ltr\"><p>\(Self.summaryFR)</p>"))
            #expect(french.contains("<div class=\"md\" lang=\"en\" dir=\"ltr\"><p>By <strong>2030</strong>.</p>"), "the description, not translated, in English")
            #expect(try await Browser(app, acceptLanguage: "fr").get("/parties/KE/national-targets").contains(Self.titleFR))
            let spanish = try await Browser(app, acceptLanguage: "es").get("/parties/KE/national-targets/T3")
            #expect(spanish.contains("<h1>T3 <span lang=\"en\">Conserve 30% of Kenya&#39;s land &lt;and&gt; waters</span></h1>")
                    || spanish.contains("<h1>T3 <span lang=\"en\">Conserve 30% of Kenya's land &lt;and&gt; waters</span></h1>"))
            let json = try NationalTargetTests.decode(NationalTargetPage.Model.self, try await Browser(app).get("/api/v1/parties/KE/national-targets/T3").body)
            #expect(json.target.translations == ["title": ["fr": Self.titleFR], "progressSummary": ["fr": Self.summaryFR]])

            // In Kenya's 7th report, its entry reads in French.
            let reportID = try report.requireID()
            let frenchReader = Browser(app, acceptLanguage: "fr")
            try await frenchReader.signIn("fp@example.org")
            let section = try await frenchReader.get("/reports/\(reportID)/sections/cbd-7nr.s2")
            #expect(section.contains(Self.titleFR) && section.contains(Self.summaryFR))

            // Submitted: the report states T3 as sealed, in the language it was written in.
            try await fillRequiredAnswers(app, report: reportID, by: "fp@example.org")
            for step in [ReportStatus.inReview, .approved, .submitted] {
                try await ReportingService.transition(reportID, to: step, templates: app.synergia.templates, by: focalPoint, on: app.db)
            }
            let sealed = try await frenchReader.get("/reports/\(reportID)/sections/cbd-7nr.s2")
            #expect(!sealed.contains(Self.titleFR) && sealed.contains("Protected area coverage rose to 18%."))
        }
    }
}
