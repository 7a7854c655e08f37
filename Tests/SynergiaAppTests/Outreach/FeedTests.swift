import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("News stream and Atom feeds")
struct FeedTests {
    @Test("news, events, decisions and reports feeds validate as Atom")
    func feedsValidate() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD")
            let secretariat = Browser(app, acceptLanguage: "zh")
            try await secretariat.signIn("sec@example.org")
            #expect(try await secretariat.post("/news", ["convention": "CBD", "kind": "news", "title": "生物多样性相关公约合作讲习班报告发布",
                                                         "summary": "讲习班 & 报告 <摘要>"]).status == .seeOther)
            #expect(try await secretariat.post("/news", ["convention": "CBD", "kind": "event", "title": "Webinar on national reporting",
                                                         "summary": "Online", "eventDate": "2026-12-10"]).status == .seeOther)
            try await MeetingService.create(.init(code: "SBI-1", convention: "CBD", kind: .sbi, title: "SBI 1", startDate: "2016-05-02",
                                                  endDate: "2016-05-06", place: "Montreal"), on: app.db)
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)

            let browser = Browser(app)
            for (feed, expected) in [("news", "生物多样性相关公约合作讲习班报告发布"), ("events", "Webinar on national reporting"),
                                     ("decisions", "XII/6"), ("reports", "")] {
                let response = try await browser.get("/feeds/\(feed).atom")
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "atom+xml")
                #expect(AtomFeedValidator.problems(in: response.body) == [], "\(feed) feed")
                if !expected.isEmpty { #expect(response.contains(expected), "\(feed) feed has its entry") }
            }
            #expect(try await browser.get("/feeds/events.atom").contains("SBI-1"), "meetings are events too")
            #expect(try await browser.get("/feeds/news.atom").contains("讲习班 &amp; 报告 &lt;摘要&gt;"))
            let stream = try await browser.get("/news")
            #expect(stream.contains("生物多样性相关公约合作讲习班报告发布") && stream.contains("Webinar on national reporting"))
        }
    }

    @Test("a page announces in its head the feeds of what it lists, titled in the reader's language, and each one is served")
    func feedsAnnounced() async throws {
        try await withSynergia { app in
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            let browser = Browser(app, acceptLanguage: "fr")
            let expected: [(path: String, feeds: [String])] = [
                ("/", ["news", "events", "decisions", "reports"]), ("/news", ["news", "events"]), ("/meetings", ["events"]),
                ("/decisions", ["decisions"]), ("/decisions/XII-6", ["decisions"]), ("/action-items", ["decisions"]),
                ("/reporting", ["reports"]), ("/parties", []), ("/conventions", []),
            ]
            let link = /<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="\/feeds\/([a-z]+)\.atom"/
            for (path, feeds) in expected {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                let head = page.body.components(separatedBy: "</head>").first ?? ""
                let announced = head.matches(of: link)
                #expect(announced.map { String($0.output.2) } == feeds, "\(path)")
                #expect(page.body.matches(of: link).count == announced.count, "\(path): only in the head")
                #expect(announced.allSatisfy { $0.output.1.hasPrefix("Synergia — ") && !$0.output.1.isEmpty }, "\(path)")
            }
            #expect(try await browser.get("/").contains("title=\"Synergia — rapports nationaux publiés\" href=\"/feeds/reports.atom\""))
            for feed in Feed.Name.allCases {
                let response = try await browser.get(SiteURL.feed(feed).path)
                #expect(response.status == .ok && response.headers.contentType?.subType == "atom+xml", "\(feed)")
            }
        }
    }

    @Test("only a convention's secretariat posts its news")
    func onlySecretariat() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            let browser = Browser(app)
            try await browser.signIn("ramsar@example.org")
            #expect(try await browser.post("/news", ["convention": "CBD", "kind": "news", "title": "x", "summary": "y"]).status == .forbidden)
            #expect(try await NewsItemModel.query(on: app.db).count() == 0)
        }
    }

    @Test("every news item has its own page and JSON, linked from the list, the feed and search; an unknown id is a 404")
    func newsItemPage() async throws {
        try await withSynergia { app in
            let secretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            let item = try await NewsService.post(.init(convention: "RAMSAR", kind: "event", title: "Humedales <y> aves", summary: "Un taller.",
                                                        language: "es", link: "https://www.ramsar.org/", eventDate: "2027-02-02"),
                                                  language: .spanish, by: secretariat, on: app.db)
            let id = try item.requireID()
            let browser = Browser(app)
            let page = try await browser.get("/news/\(id.uuidString)")
            #expect(page.status == .ok)
            #expect(page.contains("<h1>Humedales &lt;y&gt; aves</h1>") && page.contains(#"<article lang="es" dir="ltr">"#))
            #expect(page.contains(#"<a href="https://www.ramsar.org/">Read more</a>"#) && page.contains("2027-02-02"))
            #expect(try await browser.json(NewsItemDTO.self, "/api/v1/news/\(id.uuidString)").title == "Humedales <y> aves")
            #expect(try await browser.get("/news").contains(#"<a href="/news/\#(id.uuidString)">Humedales &lt;y&gt; aves</a>"#))
            #expect(try await SearchTests.search(app, "humedales aves", kind: .news).results.map(\.path) == ["/news/\(id.uuidString)"])
            for bad in ["/news/\(UUID().uuidString)", "/news/not-an-id", "/api/v1/news/\(UUID().uuidString)"] {
                #expect(try await browser.get(bad).status == .notFound, "\(bad)")
            }
        }
    }

    @Test("the cooperation registry links initiatives to the decision paragraphs that call for them")
    func cooperation() async throws {
        try await withSynergia { app in
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            let page = try await Browser(app).get("/cooperation")
            #expect(page.contains("href=\"/decisions/XII-6#para-19\""))
            #expect(page.contains("Liaison Group of Biodiversity-related Conventions"))
            let api = try await Browser(app).json(Cooperation.Model.self, "/api/v1/cooperation")
            #expect(api.liaisonGroup.members.count == 8)
            #expect(api.liaisonGroup.members.first { $0.convention == "IWC" }?.joined == nil, "unknown stays unknown")
        }
    }
}
