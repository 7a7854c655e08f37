import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor
import VaporTesting

/// Every value from a request that ends up in a link, a file, a feed or a mail is checked or
/// escaped where it is used.
@Suite("Safe output: links, spreadsheets, feeds, uploads, addresses")
struct SafeOutputTests {
    @Test("a javascript: link is refused in news and meeting documents, and never rendered")
    func scriptLinks() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            for link in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "https://ok.example/\u{0}x"] {
                let news = try await secretariat.post("/news", ["convention": "CBD", "kind": "news", "title": "T", "summary": "S", "link": link])
                #expect(news.status == .unprocessableEntity || news.status == .badRequest, "\(link): \(news.status)")
            }
            #expect(try await NewsItemModel.query(on: app.db).count() == 0)
            _ = try await MeetingService.create(.init(code: "WS-1", convention: "CBD", kind: .workshop, title: "Workshop",
                                                      startDate: "2027-01-10", endDate: "2027-01-11", place: "Bonn"), on: app.db)
            let document = try await secretariat.post("/meetings/WS-1/documents", ["title": "Doc", "link": "javascript:alert(1)"])
            #expect(document.status == .unprocessableEntity)
            // A stored one (from before the check) is shown as text, not as a link, and not in the feed.
            let item = NewsItemModel()
            item.conventionCode = "CBD"; item.kind = .news; item.title = "Old"; item.summary = "S"; item.language = "en"
            item.link = "javascript:alert(1)"; item.publishedAt = Date()
            try await item.create(on: app.db)
            #expect(!(try await Browser(app).get("/news").contains("javascript:")))
            #expect(!(try await Browser(app).get("/feeds/news.atom").contains("javascript:")))
        }
    }

    @Test("exported CSV cells that start like a formula are neutralized, including values from the query")
    func formulas() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let stats = Browser(app)
            try await stats.signIn("stats@example.org")
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,3.1,2020,-12.5,percent,,,,=HYPERLINK(\"https://evil\"),@SUM(A1)\n"
            #expect(try await stats.post("/indicators/import", ["text": csv, "format": "plain"]).status == .ok)
            let export = try await Browser(app).get("/indicators/3.1/data.csv")
            #expect(export.contains("KE,3.1,2020,-12.5,percent,,,,\"'=HYPERLINK(\"\"https://evil\"\")\",'@SUM(A1)"), "\(export.body)")
            // A cycle in the query is a year, or nothing at all: no row is echoed into the file.
            let reflected = try await Browser(app).get("/progress/overview.csv?cycle=2027%0D%0A=cmd|' /C calc'!A0")
            #expect(reflected.status == .badRequest && reflected.headers.contentType != HTTPMediaType(type: "text", subType: "csv"))
            #expect(SpreadsheetCSV.neutralized("=1+1") == "'=1+1" && SpreadsheetCSV.neutralized("+1") == "'+1" && SpreadsheetCSV.neutralized("ok") == "ok")
            #expect(SpreadsheetCSV.restored(SpreadsheetCSV.reversiblyNeutralized("'=x")) == "'=x")
        }
    }

    @Test("a Latin-1 file is refused with a clear message and nothing is stored")
    func notUTF8() async throws {
        try await withSynergia { app in
            let token = try await APIClient.forNewUser(app, "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            var body = Data("party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,3.1,2020,1,percent,,,,".utf8)
            body.append(contentsOf: [0x4D, 0xE9, 0x78, 0x69, 0x63, 0x6F]) // "México" in Latin-1
            body.append(contentsOf: Array(",\n".utf8))
            let refused = try await token.send(.POST, "/api/v1/indicators/import", data: body, contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("UTF-8"))
            #expect(try await IndicatorValueModel.query(on: app.db).count() == 0)
        }
    }

    @Test("an import of many bad rows lists the first thousand and counts the rest")
    func cappedErrors() async throws {
        try await withSynergia { app in
            let token = try await APIClient.forNewUser(app, "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let rows = (0..<5_000).map { "KE,3.1,20\($0 % 10)0,not a number,percent,,,,,\n" }.joined()
            let refused = try await token.send(.POST, "/api/v1/indicators/import",
                                               csv: "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\n" + rows)
            #expect(refused.status == .unprocessableEntity)
            let result = try refused.json(WriteAPI.ImportResult.self)
            #expect(result.errors.count == 1_000 && result.errorCount >= 5_000)
        }
    }

    @Test("feeds link to the configured public address, whatever Host the request names")
    func feedBaseURL() async throws {
        try await withSynergia(configure: { $0.publicURL = URL(string: "https://synergia.example.org")! }) { app in
            let feed = try await Browser(app).get("/feeds/news.atom", headers: ["Host": "evil.example"])
            #expect(feed.contains("https://synergia.example.org/feeds/news.atom") && !feed.contains("evil.example"))
            #expect(!feed.contains("1970-01-01"), "an empty feed is not dated 1970")
        }
    }

    @Test("a form upload larger than 1 MB is accepted where the route takes it")
    func largeUpload() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let stats = Browser(app)
            try await stats.signIn("stats@example.org")
            let header = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\n"
            let rows = (0..<40_000).map { "KE,3.1,\(1950 + $0 % 150),\($0),percent,,,sex=f\($0 / 150),WDPA,padding padding\n" }.joined()
            let page = try await stats.post("/indicators/import", ["text": header + rows, "format": "plain"])
            #expect((header + rows).utf8.count > 1_500_000)
            #expect(page.status == .ok, "\(page.status)")
            #expect(try await IndicatorValueModel.query(on: app.db).count() == 40_000)
        }
    }

    @Test("an invitation to an address that is not one plain address is refused", arguments: [
        "a@evil.example,victim@example.org", "victim@example.org\u{0}", "Name <a@example.org>", "a b@example.org", "a@example", "a@@example.org",
    ])
    func invitationAddress(_ address: String) async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            _ = try await MeetingService.create(.init(code: "WS-1", convention: "CBD", kind: .workshop, title: "Workshop",
                                                      startDate: "2027-01-10", endDate: "2027-01-11", place: "Bonn"), on: app.db)
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            let page = try await secretariat.post("/meetings/WS-1/invitations", ["name": "X", "email": address, "category": "expert", "organization": "Y"])
            #expect(page.status == .unprocessableEntity || page.status == .badRequest, "\(page.status)")
            #expect(try await NotificationModel.query(on: app.db).count() == 0)
        }
    }

    @Test("HSTS in production")
    func hsts() async throws {
        try await withSynergia(configure: { $0.production = true }) { app async throws in
            #expect(try await Browser(app).get("/healthz").headers.first(name: "Strict-Transport-Security")?.contains("max-age=") == true)
        }
        try await withSynergia { app async throws in
            #expect(!(try await Browser(app).get("/healthz").headers.contains(name: "Strict-Transport-Security")))
        }
    }

    @Test("a value in a link's path or query is percent-encoded as Foundation would, whatever its bytes")
    func percentEncoding() {
        var samples = ["wetland", "zones humides", "водно-болотные", "الأراضي الرطبة", "湿地", "a&b=c?d#e/f:g+h%i", "\"><script>alert(1)</script>",
                       "../../etc/passwd", "e\u{301}", "👩🏽‍🔬", "\u{202E}rtl", "line\nbreak\ttab", "~-._", ""]
        samples.append(String(decoding: (0x20..<0x7F).map { UInt8($0) }, as: UTF8.self))
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        var queryAllowed = CharacterSet.urlQueryAllowed
        queryAllowed.remove(charactersIn: "&=+?#")
        for text in samples {
            #expect(SiteURL.segment(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved), "\(text)")
            #expect(SiteURL.queryValue(text) == text.addingPercentEncoding(withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: "/:"))), "\(text)")
            #expect(text.urlQueryEscaped == text.addingPercentEncoding(withAllowedCharacters: queryAllowed), "\(text)")
            // What reaches an attribute or a query can end neither: no quote, angle bracket, space, `&` or `#` is left.
            #expect(!SiteURL.queryValue(text).contains { "\"'<> &#".contains($0) })
        }
    }
}
