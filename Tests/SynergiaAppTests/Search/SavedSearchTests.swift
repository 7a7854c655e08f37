import Fluent
import Foundation
import SQLKit
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor
import VaporTesting

@Suite("Saved searches: e-mails of new results through the outbox, and every search's Atom feed")
struct SavedSearchTests {
    static let site = SiteAddress(URL(string: "http://localhost:8080")!)

    /// Dates everything indexed so far an hour back, as if the index had been built then.
    static func indexedAnHourAgo(_ app: Application) async throws {
        try await app.db.sql.raw("UPDATE search_entries SET updated_at = \(bind: Int64(Date().timeIntervalSince1970) - 3600)").run()
    }

    static func news(_ app: Application, _ title: String, summary: String, language: Language, by user: UserModel) async throws {
        _ = try await NewsService.post(.init(convention: "RAMSAR", kind: "news", title: title, summary: summary, language: language.code),
                                       language: language, by: user, on: app.db)
    }

    static func mails(_ app: Application) async throws -> [NotificationModel] {
        try await NotificationModel.query(on: app.db).filter(\.$kind == .savedSearch).sort(\.$recipient).all()
    }

    static func digest(_ app: Application, at date: Date) async throws -> Int {
        try await SavedSearchDigest.runDue(site: site, catalogs: app.synergia.catalogs, now: date, on: app.db)
    }

    @Test("a reader saves a search from its page; the e-mail a day later lists what was published since, in their language, once; nothing new, no e-mail")
    func savedAndMailed() async throws {
        try await withSynergia { app in
            let secretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            try await makeUser(app, email: "reader@example.org", role: .contributor, party: "FR")
            try await Self.indexedAnHourAgo(app)

            let browser = Browser(app, acceptLanguage: "fr")
            #expect(try await browser.get("/search?q=zones%20humides").contains("/sign-in?next=/search"), "an anonymous reader is asked to sign in")
            try await browser.signIn("reader@example.org")
            let page = try await browser.get("/search?q=zones%20humides")
            #expect(page.contains(#"<form id="save-search""#))
            #expect(page.contains(#"<link rel="alternate" type="application/atom+xml""#) && page.contains("/search.atom?q=zones%20humides"))
            let saved = try await browser.post("/search/saved", ["q": "zones humides", "frequency": "daily"])
            #expect(saved.status == .seeOther && saved.location == "/account/searches?saved=1")
            let list = try await browser.get("/account/searches?saved=1")
            #expect(list.contains("Recherche enregistrée") && list.contains("“zones humides”") && list.contains("Chaque jour"))

            let now = Date()
            try await Self.news(app, "Les zones humides du Sahel", summary: "Un atlas des zones humides.", language: .french, by: secretariat)
            try await Self.news(app, "Tourbières", summary: "Rien à voir.", language: .french, by: secretariat)
            #expect(try await Self.digest(app, at: now.addingTimeInterval(3600)) == 0, "not due before a day")
            #expect(try await Self.digest(app, at: now.addingTimeInterval(86_400 + 60)) == 1)
            let mail = try #require(try await Self.mails(app).first)
            #expect(mail.recipient == "reader@example.org")
            #expect(mail.subject == "Synergia : nouveaux résultats pour « zones humides » (1)")
            #expect(mail.body.contains("1. Les zones humides du Sahel\n   http://localhost:8080/news/"))
            #expect(!mail.body.contains("Tourbières") && !mail.body.contains("/conventions/RAMSAR"), "only what is new and matches")
            #expect(mail.body.contains("http://localhost:8080/account/searches"))
            #expect(try await Self.digest(app, at: now.addingTimeInterval(86_400 + 120)) == 0, "sent once")
            #expect(try await Self.digest(app, at: now.addingTimeInterval(2 * 86_400 + 120)) == 0, "nothing new, no e-mail")
            #expect(try await Self.mails(app).count == 1)
        }
    }

    @Test("four digest runs at once queue each due e-mail exactly once")
    func simultaneousDigests() async throws {
        try await withSynergia { app in
            let secretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            try await Self.indexedAnHourAgo(app)
            for n in 0..<30 {
                let user = try await makeUser(app, email: "reader\(n)@example.org", role: .contributor, party: "FR")
                try await SavedSearchService.save(.init(q: n % 2 == 0 ? "wetlands" : "peatlands"), frequency: n % 3 == 0 ? .weekly : .daily,
                                                  language: .english, for: user, on: app.db)
            }
            try await Self.news(app, "Wetlands and peatlands", summary: "Both.", language: .english, by: secretariat)
            let later = Date().addingTimeInterval(8 * 86_400)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await Self.digest(app, at: later) } }
                return try await group.reduce(0, +)
            }
            #expect(counts == 30)
            let mails = try await Self.mails(app)
            #expect(mails.count == 30 && Set(mails.map(\.recipient)).count == 30)
        }
    }

    @Test("twenty saves of one search at once keep one; forty of different searches at once stop at the limit")
    func simultaneousSaves() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "reader@example.org", role: .contributor, party: "FR")
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signIn("reader@example.org")
                let same = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for _ in 0..<20 { group.addTask { try await client.post("/search/saved", ["q": "wetland", "frequency": "weekly"]).status } }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(same.allSatisfy { $0 == .seeOther })
                #expect(try await SavedSearchModel.query(on: app.db).count() == 1)

                let many = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for n in 0..<40 { group.addTask { try await client.post("/search/saved", ["q": "wetland \(n)", "frequency": "daily"]).status } }
                    return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
                }
                #expect(many.filter { $0 == .seeOther }.count == SavedSearchService.maxPerUser - 1)
                #expect(many.filter { $0 == .unprocessableEntity }.count == 40 - (SavedSearchService.maxPerUser - 1))
                #expect(try await SavedSearchModel.query(on: app.db).count() == SavedSearchService.maxPerUser)
            }
        }
    }

    @Test("hostile saves change nothing: signed out, no form token, empty or bad searches, another reader's search")
    func hostileSaves() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "reader@example.org", role: .contributor, party: "FR")
            try await makeUser(app, email: "other@example.org", role: .contributor, party: "KE")
            let anonymous = Browser(app)
            #expect(try await anonymous.post("/search/saved", ["q": "wetland", "frequency": "daily"]).status == .unauthorized)

            let browser = Browser(app)
            try await browser.signIn("reader@example.org")
            #expect(try await browser.post("/search/saved", ["q": "wetland", "frequency": "daily"], csrf: false).status == .forbidden)
            for fields in [["q": "", "frequency": "daily"], ["q": "   ", "frequency": "daily"], ["q": "wetland", "frequency": "hourly"],
                           ["q": "wetland"], ["q": "wetland", "frequency": "daily", "kind": "secret"],
                           ["q": "wetland", "frequency": "daily", "convention": "CBD'; DROP TABLE saved_searches; --"],
                           ["q": String(repeating: "x", count: 201), "frequency": "daily"],
                           ["q": "alpha beta gamma delta epsilon zeta eta theta iota", "frequency": "daily"],
                           ["q": "wetland" + String(repeating: "\u{301}", count: 300), "frequency": "daily"]] {
                #expect(try await browser.post("/search/saved", fields).status == .badRequest, "\(fields)")
            }
            #expect(try await SavedSearchModel.query(on: app.db).count() == 0)

            // A search with markup and a line break is kept as text: escaped on the page, one line in the subject.
            let hostile = "<script>x</script>\r\nBcc: all@example.org"
            #expect(try await browser.post("/search/saved", ["q": hostile, "frequency": "daily"]).status == .seeOther)
            let list = try await browser.get("/account/searches")
            #expect(!list.contains("<script>x") && list.contains("&lt;script&gt;x"))
            let saved = try #require(try await SavedSearchModel.query(on: app.db).with(\.$user).first())
            let message = SavedSearchDigest.Message(saved: saved, newest: .init(entries: [], total: 3, terms: []), site: Self.site,
                                                    catalog: app.synergia.catalogs[.english])
            #expect(!message.subject.contains("\r") && !message.subject.contains("\n"))
            let rendered = MailMessage(from: NotificationDelivery.sender, to: ["reader@example.org"], subject: message.subject, textBody: message.body,
                                       messageID: "<t@synergia>", date: Date(), headers: []).rendered()
            #expect(!rendered.contains("\r\nBcc:"), "no header can be added through a search")

            let other = Browser(app)
            try await other.signIn("other@example.org")
            let id = try saved.requireID()
            #expect(try await other.post("/account/searches/\(id.uuidString)/delete", [:]).status == .notFound)
            #expect(try await other.post("/account/searches/not-an-id/delete", [:]).status == .notFound)
            #expect(try await other.get("/api/v1/account/searches").body.contains("\"items\":[]"))
            #expect(try await SavedSearchModel.query(on: app.db).count() == 1)
            #expect(try await browser.post("/account/searches/\(id.uuidString)/delete", [:]).status == .seeOther)
            #expect(try await SavedSearchModel.query(on: app.db).count() == 0)
        }
    }

    @Test("a search's Atom feed lists its newest published results, valid Atom; a draft answer never, a published one at once")
    func feed() async throws {
        try await withSynergia { app in
            let secretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            try await Self.news(app, "Wetland day <& friends>", summary: "Wetlands everywhere.", language: .english, by: secretariat)
            let (report, _) = try await SearchTests.kenyaReport(app, answer: "Our Olbolossatzz wetland restoration plan, still a draft.", to: .submitted)

            let browser = Browser(app)
            let atom = try await browser.get("/search.atom?q=wetland")
            #expect(atom.status == .ok && atom.headers.contentType?.subType == "atom+xml")
            #expect(AtomFeedValidator.problems(in: atom.body).isEmpty, "\(AtomFeedValidator.problems(in: atom.body))")
            #expect(atom.body.contains("Wetland day &lt;&amp; friends&gt;"))
            #expect(atom.body.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"http://localhost:8080/search.atom?q=wetland\"/>"))
            #expect(!atom.body.contains("Olbolossatzz"), "a draft is never in a feed")
            #expect(try await browser.get("/search.atom?q=").status == .badRequest)
            #expect(try await browser.get("/search.atom?q=wetland&kind=nope").status == .badRequest)

            let secretariatCBD = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            try await ReportingService.transition(report, to: .published, templates: app.synergia.templates, by: secretariatCBD, on: app.db)
            let published = try await browser.get("/search.atom?q=olbolossatzz%20wetland")
            #expect(published.body.contains("Olbolossatzz"))
            #expect(AtomFeedValidator.problems(in: published.body).isEmpty)
        }
    }

    @Test("an entry a source keeps unchanged keeps its date when the source is written again; a changed one is new")
    func entryDates() async throws {
        try await withSynergia { app in
            let documents = [SearchDocument(kind: .news, path: "/news/a", title: "Alpha wetland", body: "one", language: "en"),
                             SearchDocument(kind: .news, path: "/news/b", title: "Beta wetland", body: "two", language: "en")]
            try await app.db.transaction { try await SearchIndex.replace("test:dates", with: documents, on: $0) }
            try await app.db.sql.raw("UPDATE search_entries SET updated_at = 1000").run()
            var changed = documents
            changed[1].body = "two, amended"
            let amended = changed
            try await app.db.transaction { try await SearchIndex.replace("test:dates", with: amended, on: $0) }
            struct Row: Decodable { var path: String; var updated_at: Int64 }
            let rows = try await app.db.sql.raw("SELECT path, updated_at FROM search_entries WHERE source = 'test:dates' ORDER BY path")
                .all(decoding: Row.self)
            #expect(rows.map(\.path) == ["/news/a", "/news/b"])
            #expect(rows[0].updated_at == 1000)
            #expect(rows[1].updated_at > 1000)
            let newest = try await SearchPage.newest(.init(q: "wetland"), after: 1000, limit: 10, on: app.db)
            #expect(newest.entries.map(\.path) == ["/news/b"])
        }
    }

    @Test("an amended report published saying the same keeps its answers' dates and feed ids: nobody is told of them twice")
    func amendedReport() async throws {
        try await withSynergia { app in
            let (first, question) = try await SearchTests.kenyaReport(app, answer: "Olbolossatzz wetland restored.", to: .published)
            try await app.db.sql.raw("UPDATE search_entries SET updated_at = 1000").run()
            let before = try await SearchPage.newest(.init(q: "olbolossatzz"), limit: 10, on: app.db)
            #expect(before.entries.map(\.path) == [SiteURL.reportQuestion(first, question: question).path])

            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            let second = try await ReportVersionService.amend(first, templates: app.synergia.templates, by: focalPoint, on: app.db)
            let secondID = try second.requireID()
            for step in [ReportStatus.inReview, .approved, .submitted, .published] {
                try await ReportingService.transition(secondID, to: step, templates: app.synergia.templates,
                                                      by: step == .published ? secretariat : focalPoint, on: app.db)
            }
            let after = try await SearchPage.newest(.init(q: "olbolossatzz"), limit: 10, on: app.db)
            #expect(after.entries.map(\.path) == [SiteURL.reportQuestion(secondID, question: question).path], "the new version is found")
            #expect(after.entries.map(\.updated_at) == [1000], "unchanged: not new")
            #expect(after.entries.map(\.atomID) == before.entries.map(\.atomID))
            #expect(try await SearchPage.newest(.init(q: "olbolossatzz"), after: 1000, limit: 10, on: app.db).entries.isEmpty)
        }
    }
}
