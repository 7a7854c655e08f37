@testable import SynergiaApp
import Plot
import SynergiaCore
import Testing
import VaporTesting

@Suite("Pages in the person's language")
struct LanguagePagesTests {
    @Test("Accept-Language: zh gets a Chinese page")
    func chineseFromHeader() async throws {
        try await withSynergia { app async throws in
            let page = try await Browser(app, acceptLanguage: "zh").get("/parties/KE")
            #expect(page.contains("<html lang=\"zh\" dir=\"ltr\">"))
            #expect(page.contains("缔约方"))            // navigation from the Chinese catalog
            #expect(page.contains("<h1>肯尼亚</h1>"))    // the Party's Chinese name
            #expect(page.headers.first(name: .contentLanguage) == "zh")
        }
    }

    @Test("the switcher's choice is remembered in a cookie and beats Accept-Language")
    func switcherCookie() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app, acceptLanguage: "zh")
            let chosen = try await browser.get("/conventions?lang=ar")
            #expect(chosen.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(browser.cookies[LanguageMiddleware.cookieName] == "ar")
            let next = try await browser.get("/frameworks")
            #expect(next.contains("dir=\"rtl\""), "the cookie keeps Arabic on the next page")
            #expect(next.contains("href=\"?lang=en\""), "every page has the switcher (its query alone: the page's own address)")
        }
    }

    @Test("text the data lacks in a language shows in English, marked lang=en")
    func fallbackMarked() async throws {
        try await withSynergia { app async throws in
            let page = try await Browser(app, acceptLanguage: "ru").get("/frameworks/KMGBF")
            #expect(page.contains("<html lang=\"ru\""))
            #expect(page.contains("<span lang=\"en\">"))
        }
    }

    @Test("in Arabic, an address or a date in a sentence is isolated, and English shown for lack of Arabic is marked left to right; in English, only an Arabic name is")
    func isolated() throws {
        let catalogs = try Catalogs.load()
        let arabic = PageContext(language: .arabic, catalog: catalogs[.arabic])
        let note: Node<HTML.BodyContext> = arabic.text("report.changed-by", ["author": "fp@example.org", "time": "٢٧ نوفمبر"])
        #expect(note.render().contains("<bdi>fp@example.org</bdi>") && !note.render().contains("<bdi>٢٧"))
        let name: Node<HTML.BodyContext> = arabic.name(LocalizedText(["en": "Only in English"]))
        #expect(name.render() == "<span lang=\"en\" dir=\"ltr\">Only in English</span>")
        let english = PageContext(language: .english, catalog: catalogs[.english])
        let plain: Node<HTML.BodyContext> = english.text("report.changed-by", ["author": "fp@example.org", "time": "27 November"])
        #expect(!plain.render().contains("<bdi>"), "nothing to isolate: no bytes added")
        let mixed: Node<HTML.BodyContext> = english.text("report.changed-by", ["author": "وزارة البيئة", "time": "27 November"])
        #expect(mixed.render().contains("<bdi>وزارة البيئة</bdi>"))
        let russian = PageContext(language: .russian, catalog: catalogs[.russian])
        let fallback: Node<HTML.BodyContext> = russian.name(LocalizedText(["en": "Only in English"]))
        #expect(fallback.render() == "<span lang=\"en\">Only in English</span>", "same direction: lang alone")
    }

    @Test("on an Arabic page, what is in another language says so: a Chinese decision's meeting, the language links, English short names; codes are isolated, citations and the targets a paragraph names are in Arabic")
    func otherLanguagesMarked() async throws {
        try await withSynergia { app async throws in
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            let browser = Browser(app, acceptLanguage: "ar")
            let decision = try await browser.get("/decisions/XII-6")
            #expect(decision.contains("<h1><bdi>CBD</bdi> مقرر <bdi>XII/6</bdi>"))
            #expect(decision.contains("<dd><span lang=\"zh\" dir=\"ltr\">COP-12, 大韩民国平昌"), "the meeting as the Chinese text gives it")
            #expect(decision.contains("<span lang=\"zh\" dir=\"ltr\">中文</span>"), "each language link is named in its own language")
            #expect(decision.contains("<li>مقرر <bdi>XI/6</bdi></li>"), "a citation in the reader's words")
            #expect(decision.contains("<p class=\"targets\" lang=\"ar\" dir=\"rtl\">"), "the targets a Chinese paragraph names, in Arabic")
            let home = try await browser.get("/")
            #expect(home.contains("<strong><span lang=\"en\" dir=\"ltr\">Ramsar Convention</span></strong>"))
            #expect(home.contains("<h2 id=\"home-conventions\">8 اتفاقيات</h2>"), "eight: Arabic's plural for 3–10")
            let english = try await Browser(app).get("/")
            #expect(english.contains("<strong>Ramsar Convention</strong>") && english.contains(">8 conventions</h2>"), "nothing added in English")
        }
    }

    @Test("a person's answer is marked as in a language not recorded, laid out by its own letters")
    func answersMarkedUnknown() throws {
        let catalogs = try Catalogs.load()
        let arabic = PageContext(language: .arabic, catalog: catalogs[.arabic])
        let question = TemplateQuestion(id: "q", type: .shortText, title: LocalizedText(["en": "Q"]), required: false)
        #expect(ReportPage.QuestionView.shown(arabic, question, .shortText("Written in English")).render()
                == "<p lang dir=\"auto\">Written in English</p>", "lang with no value: the language is unknown (HTML)")
        #expect(!ReportPage.QuestionView.shown(arabic, question, .number(12)).render().contains("lang"), "a number is in no language")
        let counted = TemplateQuestion(id: "n", type: .number, title: LocalizedText(["en": "N"]), unit: "documents")
        let russian = PageContext(language: .russian, catalog: catalogs[.russian])
        #expect(ReportPage.QuestionView.shown(russian, counted, .number(1234)).render().replacingOccurrences(of: "\u{A0}", with: " ") == "<p>1 234 документа</p>")
        #expect(ReportPage.QuestionView.shown(arabic, counted, .number(2)).render() == "<p>وثيقتان</p>")
        #expect(ReportPage.QuestionView.shown(PageContext(language: .english, catalog: catalogs[.english]), counted, .number(1)).render() == "<p>1 document</p>")
        let french = PageContext(language: .french, catalog: catalogs[.french])
        let conflict: Node<HTML.BodyContext> = .span(ReportPage.QuestionView.said(french, counted, .number(1234)))
        #expect(conflict.render().replacingOccurrences(of: "\u{202F}", with: " ") == "<span>1 234 documents</span>", "a conflict says a number as its answer does")
    }

    @Test("an unknown page is a 404 in the person's language; under /api it is JSON")
    func notFound() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app, acceptLanguage: "zh-CN")
            let page = try await browser.get("/no/such/page")
            #expect(page.status == .notFound)
            #expect(page.contains("此地址没有页面。"))
            #expect(page.headers.contentType == .html)
            let api = try await browser.get("/api/v1/nothing")
            #expect(api.status == .notFound)
            #expect(api.headers.contentType == .json)
            #expect(api.contains("\"status\":404"))
        }
    }
}
