import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 13, item 3: news and meetings written in one language and translated into others; each
/// reader sees their language when it is there, else the original marked with its language.
@Suite("News and meetings in several languages")
struct ContentTranslationsTests {
    static let titleFR = "Les zones humides au cœur des rapports nationaux"
    static let summaryFR = "Un seul rapport sert la CDB et Ramsar."

    func postNews(_ app: Application) async throws -> UUID {
        let secretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
        let item = try await NewsService.post(.init(convention: "CBD", kind: "news", title: "Wetlands at the heart of national reports",
                                                    summary: "One report serves the CBD and Ramsar."),
                                              language: .english, by: secretariat, on: app.db)
        return try item.requireID()
    }

    /// The digest of the translations a translations page's form was written over.
    static func shown(_ page: Browser.Page) throws -> String {
        try #require(page.body.firstMatch(of: #/name="shown" value="([0-9a-f]{64})"/#)).output.1.description
    }

    @Test("a secretariat translates a news item; a French reader sees it in French at once (the kept page too), others the English original, marked")
    func translateNews() async throws {
        try await withSynergia { app async throws in
            let id = try await postNews(app)
            let french = Browser(app, acceptLanguage: "fr")
            let before = try await french.get("/news/\(id)")
            #expect(before.contains(#"<article lang="en" dir="ltr"><h1>Wetlands at the heart"#))
            #expect(before.contains("Pas encore de traduction dans votre langue. Langue d’origine : anglais."))
            #expect(!before.contains("translations-link"), "no translations yet, and the reader may not add any")

            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.get("/news/\(id)").contains("id=\"translations-link\""))
            let form = try await secretariat.get("/news/\(id)/languages")
            #expect(form.contains("name=\"f.title.fr\"") && !form.contains("name=\"f.title.en\""), "a field per language but the original's")
            let audited = try await AuditEntryModel.query(on: app.db).filter(\.$action == "translations.saved").count()
            let saved = try await secretariat.post("/news/\(id)/languages", ["shown": try Self.shown(form), "f.title.fr": Self.titleFR,
                                                                             "f.summary.fr": Self.summaryFR, "f.title.es": " "])
            #expect(saved.status == .seeOther && saved.location == "/news/\(id)")
            #expect(try await ContentTranslationModel.query(on: app.db).count() == 2, "a blank field is no translation")
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "translations.saved").count() == audited + 1)

            let after = try await french.get("/news/\(id)")
            #expect(after.contains(#"<article lang="fr" dir="ltr"><h1>\#(Self.titleFR)</h1>"#))
            #expect(after.contains("Traduction. Langue d’origine : anglais."))
            #expect(try await french.get("/news").contains(Self.titleFR))
            let spanish = try await Browser(app, acceptLanguage: "es").get("/news/\(id)")
            #expect(spanish.contains(#"<article lang="en" dir="ltr"><h1>Wetlands at the heart"#) && !spanish.contains(Self.titleFR))
            let json = try await french.get("/api/v1/news/\(id)")
            #expect(json.contains(#""translations":{"#) && json.contains(Self.summaryFR))
        }
    }

    @Test("two secretaries translate the same item at once: one is saved, the other sees it beside what they typed, and nothing is lost")
    func simultaneousTranslations() async throws {
        try await withSynergia { app async throws in
            let id = try await postNews(app)
            try await makeUser(app, email: "cbd2@example.org", role: .secretariat, convention: "CBD")
            let page = Browser(app)
            try await page.signIn("cbd@example.org")
            let shown = try Self.shown(try await page.get("/news/\(id)/languages"))
            try await LiveServer.with(app) { server in
                let people = [server.client(), server.client()]
                try await people[0].signIn("cbd@example.org")
                try await people[1].signIn("cbd2@example.org")
                let titles = ["Les zones humides d’abord", "Les milieux humides d’abord"]
                let answers = try await simultaneously(2) { index in
                    try await people[index].post("/news/\(id)/languages", ["shown": shown, "f.title.fr": titles[index]])
                }
                let statuses = answers.map(\.status)
                #expect(statuses.filter { $0 == .seeOther }.count == 1 && statuses.filter { $0 == .conflict }.count == 1, "\(statuses)")
                let winner = try #require(statuses.firstIndex(of: .seeOther)), loser = 1 - winner
                let rows = try await ContentTranslationModel.query(on: app.db).all()
                #expect(rows.map(\.text) == [titles[winner]])
                #expect(answers[loser].body.contains("id=\"conflict\"") && answers[loser].body.contains(titles[winner]))
                #expect(answers[loser].body.contains("value=\"\(titles[loser])\""), "what they typed is still in the form")
            }
        }
    }

    @Test("another convention's secretariat, a reader and an anonymous visitor change nothing; markup is text; a meeting is translated the same way")
    func hostileAndMeetings() async throws {
        try await withSynergia { app async throws in
            let id = try await postNews(app)
            let owner = Browser(app)
            try await owner.signIn("cbd@example.org")
            let shown = try Self.shown(try await owner.get("/news/\(id)/languages"))
            try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            for email in ["ramsar@example.org", "fp@example.org"] {
                let other = Browser(app)
                try await other.signIn(email)
                #expect(try await other.post("/news/\(id)/languages", ["shown": shown, "f.title.fr": "Piraté"]).status == .forbidden, "\(email)")
                #expect(!(try await other.get("/news/\(id)/languages")).contains("translations-form"))
            }
            let anonymous = try await Browser(app).post("/news/\(id)/languages", ["shown": shown, "f.title.fr": "Piraté"])
            #expect(anonymous.status != .seeOther || anonymous.location?.hasPrefix("/sign-in") == true)
            #expect(try await ContentTranslationModel.query(on: app.db).count() == 0)
            #expect(try await Browser(app).get("/news/\(UUID())/languages").status == .notFound)

            // Too long: refused, what was typed kept, still over the translations the form was written over.
            let long = try await owner.post("/news/\(id)/languages", ["shown": shown, "f.summary.fr": String(repeating: "é", count: 65_537)])
            #expect(long.status == .unprocessableEntity && long.contains(#"name="shown" value="\#(shown)""#))
            #expect(try await ContentTranslationModel.query(on: app.db).count() == 0)

            #expect(try await owner.post("/news/\(id)/languages", ["shown": shown, "f.title.ru": "<script>alert(1)</script>"]).status == .seeOther)
            let russian = try await Browser(app, acceptLanguage: "ru").get("/news/\(id)")
            #expect(!russian.contains("<script>alert(1)") && russian.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))

            // A meeting: written in English by its secretariat, translated into Arabic.
            let meeting = try await MeetingService.create(.init(code: "WS-1", convention: "CBD", kind: .workshop, title: "Reporting workshop",
                                                                startDate: "2027-03-01", endDate: "2027-03-02", place: "Nairobi",
                                                                description: "One report for every convention.", language: .english), on: app.db)
            let form = try await owner.get("/meetings/\(meeting.code)/languages")
            #expect(form.contains("name=\"f.description.ar\""))
            #expect(try await owner.post("/meetings/\(meeting.code)/languages", ["shown": try Self.shown(form), "f.title.ar": "حلقة عمل بشأن الإبلاغ",
                                                                                 "f.description.ar": "تقرير واحد لكل الاتفاقيات."]).status == .seeOther)
            let arabic = try await Browser(app, acceptLanguage: "ar").get("/meetings/WS-1")
            #expect(arabic.contains(#"<span lang="ar" dir="rtl">حلقة عمل بشأن الإبلاغ</span>"#))
            #expect(arabic.contains("ترجمة. لغة النص الأصلي: الإنجليزية."))
            let chinese = try await Browser(app, acceptLanguage: "zh").get("/meetings/WS-1")
            #expect(chinese.contains(#"<span lang="en" dir="ltr">Reporting workshop</span>"#))
        }
    }

    @Test("a translated title is found by a search in its language, and the meetings list shows each reader their language")
    func searchAndLists() async throws {
        try await withSynergia { app async throws in
            let id = try await postNews(app)
            let owner = Browser(app)
            try await owner.signIn("cbd@example.org")
            #expect(try await SearchTests.search(app, "cœur", language: "fr").total == 0)
            #expect(try await owner.post("/news/\(id)/languages", ["shown": try Self.shown(try await owner.get("/news/\(id)/languages")),
                                                                  "f.title.fr": Self.titleFR, "f.summary.fr": Self.summaryFR]).status == .seeOther)
            let found = try await SearchTests.search(app, "cœur", reader: "fr", language: "fr")
            #expect(found.total == 1 && found.results.first?.path == "/news/\(id)" && found.results.first?.language == "fr")
            let english = try await SearchTests.search(app, "wetlands heart", language: "en")
            #expect(english.results.contains { $0.path == "/news/\(id)" && $0.language == "en" }, "the original is still found")

            let meeting = try await MeetingService.create(.init(code: "WS-2", convention: "CBD", kind: .workshop, title: "Reporting workshop",
                                                                startDate: "2027-03-01", endDate: "2027-03-02", place: "Nairobi",
                                                                description: "One report for every convention.", language: .english), on: app.db)
            let form = try await owner.get("/meetings/\(meeting.code)/languages")
            #expect(try await owner.post("/meetings/WS-2/languages", ["shown": try Self.shown(form), "f.title.ru": "Семинар по отчетности"]).status == .seeOther)
            let russian = try await Browser(app, acceptLanguage: "ru").get("/meetings")
            #expect(russian.contains(#"<span lang="ru" dir="ltr">Семинар по отчетности</span>"#))
            let chinese = try await Browser(app, acceptLanguage: "zh").get("/meetings")
            #expect(chinese.contains(#"<span lang="en" dir="ltr">Reporting workshop</span>"#))
            let listed = try await Browser(app).json([MeetingSummaryDTO].self, "/api/v1/meetings")
            #expect(listed.first { $0.code == "WS-2" }?.titleTranslations == ["ru": "Семинар по отчетности"])
            #expect(try await SearchTests.search(app, "семинар", reader: "ru", language: "ru").results.map(\.path) == ["/meetings/WS-2"])
            // An agenda item added later keeps the translated entry.
            try await MeetingService.addAgendaItem(to: meeting, number: "1", title: "Opening", on: app.db)
            #expect(try await SearchTests.search(app, "семинар", reader: "ru", language: "ru").total == 1)
            // A version holds only text in its language: the English description is not found as Russian, and
            // a description translated without its title makes no version of its own.
            #expect(try await SearchTests.search(app, "every convention", language: "ru").total == 0)
            #expect(try await owner.post("/meetings/WS-2/languages", ["shown": try Self.shown(try await owner.get("/meetings/WS-2/languages")),
                                                                      "f.title.ru": "Семинар по отчетности",
                                                                      "f.description.es": "Un informe para cada convenio."]).status == .seeOther)
            #expect(try await SearchTests.search(app, "informe convenio", language: "es").total == 0)

            // Translations stored before they were indexed (as a database older than this index holds them) are put in by the migration.
            try await ContentTranslationStore.insert(.news, subject: id.uuidString, field: "title", language: .chinese, text: "湿地是国家报告的核心",
                                                     by: "cbd@example.org", at: Date(), on: app.db)
            #expect(try await SearchTests.search(app, "湿地是国家报告的核心", language: "zh").total == 0)
            try await IndexContentTranslations().prepare(on: app.db)
            #expect(try await SearchTests.search(app, "湿地是国家报告的核心", reader: "zh", language: "zh").results.map(\.path) == ["/news/\(id)"])
        }
    }
}
