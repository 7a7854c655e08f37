import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import SynergiaTestFixtures
import Testing
import VaporTesting

/// Indicator data for statistical tools: the published SDMX structure and the data against it.
@Suite("Indicator data as SDMX: structure, SDMX-CSV 2.0, SDMX-ML")
struct SDMXExportTests {
    static let data = #"""
    party,indicator,period,value,unit,lower,upper,disaggregation,source,comment
    KE,3.1,2015-2017,11.6,percent,,,,"WDPA, 2016",
    KE,3.1,2020,12.4,percent,12.0,12.8,,"WDPA, 2021",保护区
    KE,3.1,2020,8.1,percent,,,ecosystem=Rift Valley lakes,WDPA,"-2 since ""2015"""
    KE,A.3,2020,0.71,index (0-1),,,,IUCN,
    """#

    /// Kenya's statistics office imports the values above.
    static func importData(_ app: Application) async throws -> Browser {
        try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
        let browser = Browser(app)
        try await browser.signIn("stats@example.org")
        #expect(try await browser.post("/indicators/import", ["text": data, "format": "plain"]).status == .ok)
        return browser
    }

    static func published(_ app: Application) async throws -> [IndicatorDataPoint] {
        try await IndicatorValueModel.query(on: app.db).all().compactMap(\.point)
            .sorted { ($0.indicator, $0.period, DisaggregationText.format($0.disaggregation)) < ($1.indicator, $1.period, DisaggregationText.format($1.disaggregation)) }
    }

    @Test("the structure message names every Party, indicator, unit and value the data uses")
    func structure() async throws {
        try await withSynergia { app in
            _ = try await Self.importData(app)
            let page = try await Browser(app).get("/sdmx/structure")
            #expect(page.status == .ok)
            #expect(page.headers.contentType?.subType == "vnd.sdmx.structure+xml")
            let outline = XMLOutline.parse(page.body)
            #expect(outline.error == nil)
            let codes = Set(outline.all("str:Code").compactMap { $0["id"] })
            let parties = try await PartyModel.query(on: app.db).all().map(\.alpha2)
            #expect(!parties.isEmpty && parties.allSatisfy(codes.contains))
            #expect(codes.isSuperset(of: ["3_1", "A_3", "percent", SDMXCode.id("index (0-1)"), SDMXCode.id("Rift Valley lakes"), "_T"]))
            #expect(outline.all("str:Dataflow").first?["version"] == "\(app.synergia.indicators.version).0")
        }
    }

    @Test("SDMX-CSV 2.0 of everything published imports back to the same data")
    func csvRoundTrip() async throws {
        try await withSynergia { app in
            let browser = try await Self.importData(app)
            let before = try await Self.published(app)
            let export = try await Browser(app).get("/sdmx/data.csv")
            #expect(export.status == .ok)
            #expect(export.headers.contentType?.subType == "vnd.sdmx.data+csv")
            #expect(export.headers.first(name: .contentDisposition) == "attachment; filename=\"all.sdmx.csv\"")
            #expect(export.body.hasPrefix("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,"))
            #expect(export.body.split(separator: "\n").count == 1 + before.count)

            try await IndicatorValueModel.query(on: app.db).delete()
            let imported = try await browser.post("/indicators/import", ["text": export.body])
            #expect(imported.status == .ok, "the format is recognized from the header")
            #expect(try await Self.published(app) == before && before.count == 4)
        }
    }

    @Test("SDMX-ML of one indicator and one Party holds exactly its values")
    func xmlOfOneIndicator() async throws {
        try await withSynergia { app in
            _ = try await Self.importData(app)
            let page = try await Browser(app).get("/sdmx/data.xml?indicator=3.1&party=KE")
            #expect(page.status == .ok)
            #expect(page.headers.contentType?.subType == "vnd.sdmx.structurespecificdata+xml")
            #expect(page.headers.first(name: .contentDisposition) == "attachment; filename=\"3.1-KE.sdmx.xml\"")
            let outline = XMLOutline.parse(page.body)
            #expect(outline.error == nil)
            let observations = outline.all("Obs")
            #expect(observations.map { $0["OBS_VALUE"] ?? "" }.sorted() == ["11.6", "12.4", "8.1"])
            #expect(observations.allSatisfy { $0["INDICATOR"] == "3_1" && $0["REF_AREA"] == "KE" })
            #expect(observations.contains { $0["TIME_PERIOD"] == "2015-01-01/P3Y" })
            #expect(observations.contains { $0["OBS_COMMENT"] == "-2 since \"2015\"" })
            #expect(try await Browser(app).get("/sdmx/data.xml?party=FR").body.contains("<Obs") == false)
        }
    }

    @Test("the indicator pages link the SDMX exports and the structure")
    func links() async throws {
        try await withSynergia { app in
            let list = try await Browser(app).get("/indicators")
            #expect(list.contains("href=\"/sdmx/structure\"") && list.contains("href=\"/sdmx/data.csv\"") && list.contains("href=\"/sdmx/data.xml\""))
            let page = try await Browser(app).get("/indicators/3.1?party=KE")
            #expect(page.contains("href=\"/sdmx/data.csv?indicator=3.1&amp;party=KE\"") || page.contains("href=\"/sdmx/data.csv?indicator=3.1&party=KE\""))
        }
    }

    @Test("a bad Party is refused, an unknown indicator is not found, and neither reaches the file name")
    func hostileQueries() async throws {
        try await withSynergia { app in
            let browser = Browser(app)
            for party in ["KEN", "<s>", "K1", "%0d%0aSet-Cookie:x=1"] {
                let page = try await browser.get("/sdmx/data.csv?party=\(party)")
                #expect(page.status == .badRequest, "\(party)")
                #expect(page.headers.first(name: .contentDisposition) == nil)
            }
            for indicator in ["NOPE", "..%2F..%2Fetc%2Fpasswd", "3.1%22%3B%20filename%3Dx.exe", "%3Cscript%3E"] {
                let page = try await browser.get("/sdmx/data.xml?indicator=\(indicator)")
                #expect(page.status == .notFound, "\(indicator)")
                #expect(!page.body.contains("<script>"))
            }
        }
    }

    @Test("an export read a page at a time gives every value once, whatever the page size")
    func pages() async throws {
        try await withSynergia { app in
            _ = try await Self.importData(app)
            let all = try await Self.published(app)
            for size in [1, 2, 3, 4, 5] {
                var read: [IndicatorDataPoint] = []
                try await PublishedIndicatorData.forEachPage(indicators: ["3.1", "A.3"], party: nil, pageSize: size, on: app.db) { read += $0 }
                #expect(read.count == all.count, "page size \(size)")
                #expect(Set(read.map(\.key)) == Set(all.map(\.key)), "page size \(size)")
            }
            var kenya: [IndicatorDataPoint] = []
            try await PublishedIndicatorData.forEachPage(indicators: ["3.1"], party: "KE", pageSize: 1, on: app.db) { kenya += $0 }
            #expect(kenya.count == 3)
        }
    }
}
