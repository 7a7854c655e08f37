import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Indicator data: import, chart, export")
struct IndicatorDataTests {
    static let good = """
    party,indicator,period,value,unit,lower,upper,disaggregation,source,comment
    KE,3.1,2015,11.6,%,,,,"WDPA, 2016",
    KE,3.1,2020,12.4,%,12.0,12.8,,"WDPA, 2021",保护区
    KE,3.1,2020,8.1,%,,,ecosystem=marine,WDPA,
    """

    @Test("bad rows are each reported with their line and nothing is imported")
    func badRows() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let browser = Browser(app)
            try await browser.signIn("stats@example.org")
            let bad = """
            party,indicator,period,value,unit,lower,upper,disaggregation,source,comment
            KE,3.1,2015,eleven,%,,,,WDPA,
            XX,3.1,2016,11,%,,,,WDPA,
            KE,NOPE,2016,11,%,,,,WDPA,
            KE,3.1,1700,11,%,,,,WDPA,
            KE,3.1,2018,11,%,,,,WDPA,
            KE,3.1,2018,11,%,,,,WDPA,
            """
            let page = try await browser.post("/indicators/import", ["text": bad, "format": "plain"])
            #expect(page.status == .unprocessableEntity)
            for line in 2...7 { #expect(page.contains("line \(line)"), "line \(line) is reported") }
            #expect(try await IndicatorValueModel.query(on: app.db).count() == 0)
        }
    }

    @Test("import → chart and table on the indicator page → SDMX-CSV export that re-imports to identical data")
    func endToEnd() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let browser = Browser(app)
            try await browser.signIn("stats@example.org")
            let imported = try await browser.post("/indicators/import", ["text": Self.good, "format": "plain"])
            #expect(imported.status == .ok && imported.contains("3 values imported"))
            let page = try await browser.get("/indicators/3.1?party=KE")
            #expect(page.contains("<svg") && page.contains("role=\"img\"") && page.contains("12.4"))
            #expect(!page.contains("8.1"), "the chart and table show the totals, not the marine disaggregation")

            let sdmx = try await browser.get("/indicators/3.1/data.sdmx.csv")
            #expect(sdmx.body.hasPrefix("DATAFLOW"))
            let before = try await IndicatorValueModel.query(on: app.db).sort(\.$period).sort(\.$disaggregation).all().compactMap(\.point)
            try await IndicatorValueModel.query(on: app.db).delete()
            #expect(try await browser.post("/indicators/import", ["text": sdmx.body, "format": "sdmx"]).status == .ok)
            let after = try await IndicatorValueModel.query(on: app.db).sort(\.$period).sort(\.$disaggregation).all().compactMap(\.point)
            #expect(before == after && after.count == 3)
        }
    }

    @Test("a contributor of one Party cannot import another Party's data")
    func otherParty() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fr@example.org", role: .contributor, party: "FR")
            let browser = Browser(app)
            try await browser.signIn("fr@example.org")
            #expect(try await browser.post("/indicators/import", ["text": Self.good, "format": "plain"]).status == .forbidden)
            #expect(try await IndicatorValueModel.query(on: app.db).count() == 0)
        }
    }

    @Test("without a Party, the indicator page shows the median across Parties per year and each Party's latest value")
    func acrossParties() async throws {
        try await withSynergia { app in
            try await ScaleDemoSeed.seed(on: app.db, indicators: app.synergia.indicators, partyLimit: 3)
            let page = try await Browser(app).get("/indicators/3.1")
            #expect(page.status == .ok && page.contains("<svg") && page.contains("median across Parties"))
            let parties = try await PartyModel.query(on: app.db).sort(\.$alpha2).limit(3).all().map(\.alpha2)
            for party in parties { #expect(page.contains("href=\"/indicators/3.1?party=\(party)\""), "\(party)") }
            #expect(page.contains("<td>2024</td>") && page.contains("<td>3</td>"), "30 years, each with 3 Parties")
        }
    }
}

@Suite("National indicators")
struct NationalIndicatorTests {
    @Test("a Party defines a national indicator linked to a global one, imports data for it; other Parties cannot; bad definitions are refused")
    func define() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            try await makeUser(app, email: "fr@example.org", role: .contributor, party: "FR")
            let kenya = Browser(app)
            try await kenya.signIn("stats@example.org")
            let form = ["localCode": "forest-1", "name": "Gazetted forest reserves under management plans", "unit": "percent",
                        "definition": "Share of gazetted forest reserves with an approved management plan.", "globalIndicators": "3.1",
                        "targets": "KMGBF/3"]
            let added = try await kenya.post("/indicators/national", form)
            #expect(added.status == .seeOther && added.location == "/indicators?party=KE#national-KE-FOREST-1")
            let listed = try await Browser(app).json([NationalIndicatorDTO].self, "/api/v1/national-indicators?party=KE")
            #expect(listed.map(\.code) == ["KE-FOREST-1"] && listed.first?.globalIndicators == ["3.1"] && listed.first?.targets == ["KMGBF/3"])
            #expect(try await Browser(app).get("/indicators?party=KE").contains("id=\"national-KE-FOREST-1\""))
            // Without a Party, the page counts each Party's national indicators and links to them.
            let all = try await Browser(app).get("/indicators")
            #expect(!all.contains("id=\"national-KE-FOREST-1\""))
            #expect(all.contains("<a href=\"/indicators?party=KE#national\">Kenya</a></th><td>1</td>"))
            #expect(try await Browser(app).get("/indicators?party=FR").contains("No national indicator yet."))

            // Refused: the same code again, a bad code, an unknown global indicator or target, no name.
            for (label, change) in [("duplicate", [:]), ("code", ["localCode": "a b"]), ("global", ["localCode": "X", "globalIndicators": "9.9"]),
                                    ("target", ["localCode": "Y", "targets": "KMGBF/99"]), ("name", ["localCode": "Z", "name": " "])] {
                #expect(try await kenya.post("/indicators/national", form.merging(change) { $1 }).status == .unprocessableEntity, "\(label)")
            }
            #expect(try await NationalIndicatorModel.query(on: app.db).count() == 1)

            // Kenya imports data for it; the indicator page and Kenya's dashboard show it. France cannot import for it.
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,KE-FOREST-1,2020,41,percent,,,,KFS,\nKE,KE-FOREST-1,2023,47,percent,,,,KFS,\n"
            #expect(try await kenya.post("/indicators/import", ["text": csv, "format": "plain"]).status == .ok)
            #expect(try await Browser(app).get("/indicators/KE-FOREST-1?party=KE").contains("47"))
            let dashboard = try await Browser(app).json(PartyProgress.Model.self, "/api/v1/parties/KE/progress")
            let t3 = try #require(dashboard.frameworks.first { $0.code == "KMGBF" }?.targets.first { $0.code == "3" })
            #expect(t3.indicators.contains { $0.code == "KE-FOREST-1" && $0.latestValue == 47 })
            let france = Browser(app)
            try await france.signIn("fr@example.org")
            let refused = try await france.post("/indicators/import", ["text": "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nFR,KE-FOREST-1,2020,1,percent,,,,x,\n",
                                                                       "format": "plain"])
            #expect(refused.status == .unprocessableEntity && refused.contains("line 2") && refused.contains("national indicator of KE"))
        }
    }
}
