import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import SynergiaTestFixtures
import Testing
import VaporTesting

@Suite("The decisions list, a page at a time")
struct DecisionListTests {
    @Test("a hundred decisions a page, each once with its language versions, its title in the reader's language; bad pages refused")
    func pages() async throws {
        try await withSynergia { app in
            try await DecisionImport.run(text: try TestFixtures.decision("XII-6.zh.txt"), calendar: app.synergia.calendar, on: app.db)
            try await ScaleDemoDecisions.seed(count: 101, catalogs: app.synergia.catalogs, on: app.db)

            let french = Browser(app, acceptLanguage: "fr")
            let first = try await french.get("/decisions")
            #expect(first.status == .ok)
            #expect(first.contains("Décisions : 102"))
            #expect(first.body.components(separatedBy: "<th scope=\"row\">").count - 1 == 100)
            #expect(first.contains(#"<a rel="next" href="/decisions?page=2">"#) && !first.contains(#"rel="prev""#))
            #expect(first.contains(#"<a href="/decisions/GEN-1?version=fr">"#), "the reader's version is the one linked")
            #expect(first.contains(#"<a href="/decisions/GEN-1?version=zh" lang="zh">中文</a>"#), "every version beside it")
            let second = try await french.get("/decisions?page=2")
            #expect(second.body.components(separatedBy: "<th scope=\"row\">").count - 1 == 2)
            #expect(second.contains(#"<a rel="prev" href="/decisions">"#) && !second.contains(#"rel="next""#))
            // XII/6 exists in Chinese only: shown in Chinese, with its action items counted.
            let items = try await ActionItemModel.query(on: app.db).join(DecisionModel.self, on: \ActionItemModel.$decision.$id == \DecisionModel.$id)
                .filter(DecisionModel.self, \.$slug == "XII-6").count()
            #expect(items > 0)
            #expect(second.contains(#"<a href="/decisions/XII-6?version=zh">CBD XII/6</a>"#))
            #expect(second.contains("<td>\(items)</td></tr>"))
            let past = try await french.get("/decisions?page=99")
            #expect(past.contains(#"<a href="/decisions/XII-6?version=zh">CBD XII/6</a>"#) && past.contains("Page 2 sur 2"), "past the last page: the last page")
            for bad in ["0", "-1", "abc", "1.5", "99999999999999999999"] {
                #expect(try await french.get("/decisions?page=\(bad)").status == .badRequest, "\(bad)")
            }

            // The API lists language versions, a page at a time, with the same counts.
            let api = try await Browser(app).json([DecisionSummaryDTO].self, "/api/v1/decisions?limit=7&offset=0")
            #expect(api.count == 7 && api.map(\.symbol) == Array(repeating: "GEN/1", count: 6) + ["GEN/10"])
            #expect(api.map(\.language).prefix(6) == ["ar", "en", "es", "fr", "ru", "zh"])
            let all = try await Browser(app).json([DecisionSummaryDTO].self, "/api/v1/decisions?limit=1000")
            #expect(all.count == 101 * 6 + 1)
            #expect(all.first { $0.slug == "XII-6" }?.actionItemCount == items)
        }
    }
}
