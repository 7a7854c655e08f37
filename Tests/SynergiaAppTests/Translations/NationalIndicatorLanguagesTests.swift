import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 13, item 3: a national indicator's name and definition are written in one language and
/// translated into others by its Party's focal points; readers see their language, else the original.
@Suite("National indicators in several languages")
struct NationalIndicatorLanguagesTests {
    static let nameFR = "Réserves forestières classées dotées d’un plan de gestion"
    static let nameEN = "Gazetted forest reserves under a management plan"

    /// Kenya's focal point defines KE-FOREST-1 with the page in French.
    func defineInFrench(_ app: Application) async throws -> Browser {
        try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CBD")
        let kenya = Browser(app, acceptLanguage: "fr")
        try await kenya.signIn("stats@example.org")
        let added = try await kenya.post("/indicators/national", ["localCode": "FOREST-1", "name": Self.nameFR, "unit": "percent",
                                                                   "definition": "Part des réserves forestières classées dotées d’un plan approuvé.",
                                                                   "globalIndicators": "3.1", "targets": "KMGBF/3"])
        #expect(added.status == .seeOther)
        return kenya
    }

    @Test("defined in French, translated into English by its Party: English readers see English, Spanish readers the French original, both marked")
    func translate() async throws {
        try await withSynergia { app async throws in
            let kenya = try await defineInFrench(app)
            let listed = try #require(try await Browser(app).json([NationalIndicatorDTO].self, "/api/v1/national-indicators?party=KE").first)
            #expect(listed.language == "fr" && listed.translations.isEmpty)
            let before = try await Browser(app, acceptLanguage: "en").get("/indicators?party=KE")
            #expect(before.contains(#"<td lang="fr" dir="ltr">\#(Self.nameFR)</td>"#), "the original, marked as French")

            let form = try await kenya.get("/indicators/KE-FOREST-1/languages")
            #expect(form.contains("name=\"f.name.en\"") && form.contains("name=\"f.definition.en\"") && !form.contains("name=\"f.name.fr\""))
            #expect(form.contains(#"action="/indicators/KE-FOREST-1/languages""#))
            let saved = try await kenya.post("/indicators/KE-FOREST-1/languages", [
                "shown": try ContentTranslationsTests.shown(form), "f.name.en": Self.nameEN,
                "f.definition.en": "Share of gazetted forest reserves with an approved management plan."])
            #expect(saved.status == .seeOther && saved.location == "/indicators/KE-FOREST-1?party=KE")
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "translations.saved").count() == 1)

            let english = try await Browser(app, acceptLanguage: "en").get("/indicators/KE-FOREST-1?party=KE")
            #expect(english.contains("<h1>KE-FOREST-1 \(Self.nameEN)</h1>"))
            #expect(english.contains("Share of gazetted forest reserves with an approved management plan."))
            #expect(try await Browser(app, acceptLanguage: "en").get("/indicators?party=KE").contains(#"<td lang="en" dir="ltr">\#(Self.nameEN)</td>"#))
            let spanish = try await Browser(app, acceptLanguage: "es").get("/indicators/KE-FOREST-1?party=KE")
            #expect(spanish.contains(#"<h1>KE-FOREST-1 <span lang="fr">\#(Self.nameFR)</span></h1>"#),
                    "no Spanish: the French original, not the English translation")
            let json = try #require(try await Browser(app).json([NationalIndicatorDTO].self, "/api/v1/national-indicators?party=KE").first)
            #expect(json.translations == ["name": ["en": Self.nameEN], "definition": ["en": "Share of gazetted forest reserves with an approved management plan."]])
            // Kenya's dashboard lists the indicator under its target in the reader's language.
            let dashboard = try await Browser(app, acceptLanguage: "en").json(PartyProgress.Model.self, "/api/v1/parties/KE/progress")
            let t3 = try #require(dashboard.frameworks.first { $0.code == "KMGBF" }?.targets.first { $0.code == "3" })
            #expect(t3.indicators.contains { $0.code == "KE-FOREST-1" && $0.name["en"] == Self.nameEN && $0.name["fr"] == Self.nameFR })
        }
    }

    @Test("another Party's focal point, a secretariat and an anonymous visitor cannot translate a Party's indicator; a registry indicator has no such page")
    func hostile() async throws {
        try await withSynergia { app async throws in
            let kenya = try await defineInFrench(app)
            let shown = try ContentTranslationsTests.shown(try await kenya.get("/indicators/KE-FOREST-1/languages"))
            try await makeUser(app, email: "fr@example.org", role: .focalPoint, party: "FR", convention: "CBD")
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            for email in ["fr@example.org", "cbd@example.org"] {
                let other = Browser(app)
                try await other.signIn(email)
                #expect(try await other.post("/indicators/KE-FOREST-1/languages", ["shown": shown, "f.name.en": "Hijacked"]).status == .forbidden, "\(email)")
                #expect(!(try await other.get("/indicators/KE-FOREST-1/languages")).contains("translations-form"))
            }
            let anonymous = try await Browser(app).post("/indicators/KE-FOREST-1/languages", ["shown": shown, "f.name.en": "Hijacked"])
            #expect(anonymous.status != .seeOther || anonymous.location?.hasPrefix("/sign-in") == true)
            #expect(try await ContentTranslationModel.query(on: app.db).count() == 0)
            #expect(try await Browser(app).get("/indicators/3.1/languages").status == .notFound, "the registry's texts are official")
            #expect(try await Browser(app).get("/indicators/KE-NONE/languages").status == .notFound)
        }
    }
}
