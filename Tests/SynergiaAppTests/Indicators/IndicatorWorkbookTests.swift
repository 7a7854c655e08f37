import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Indicator data as Parties keep it: in spreadsheets. The template is downloaded, filled,
/// uploaded as `.xlsx` with the same all-or-nothing checks as a CSV file; data and reports
/// are exported as workbooks too.
@Suite("Indicator data and reports in workbooks (XLSX)")
struct IndicatorWorkbookTests {
    static func workbook(_ rows: [[SpreadsheetCSV.Cell]]) throws -> Data {
        try XLSXWriter.write([SpreadsheetSheet(name: "Data", rows: rows)])
    }

    static let header: [SpreadsheetCSV.Cell] = IndicatorCSVFormat.templateColumns.map { .text($0) }

    @Test("a focal point uploads the filled template as XLSX: its rows become Kenya's data, and the template comes back filled with them")
    func templateRoundTrip() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let blank = try await browser.download("/indicators/3.1/template.xlsx")
            #expect(blank.status == .ok && blank.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(blank.headers.first(name: .contentDisposition)?.contains("3.1-template-KE.xlsx") == true)
            #expect(try XLSXReader.firstSheet(blank.data).map(\.cells) == [IndicatorCSVFormat.templateColumns], "no data yet: the header alone")

            let filled = try Self.workbook([Self.header,
                                            ["3.1", "", "", .number("2020"), "percent", .number("13.6"), "Kenya Wildlife Service"],
                                            ["3.1", "Ecosystem", "marine", .number("2020"), "percent", .number("0.9"), ""],
                                            ["3.1", "", "", "2021-2022", "percent", .number("14.2"), ""]])
            let page = try await browser.upload("/indicators/import", file: "file", named: "kenya-3.1.xlsx", filled)
            #expect(page.status == .ok, "\(page.body.prefix(600))")
            let csv = try await Browser(app).get("/indicators/3.1/data.csv?party=KE")
            #expect(csv.contains("KE,3.1,2020,13.6,percent,,,,,Kenya Wildlife Service"))
            #expect(csv.contains("KE,3.1,2020,0.9,percent,,,ecosystem=marine,,"))
            #expect(csv.contains("KE,3.1,2021-2022,14.2,percent"))

            let again = try await browser.download("/indicators/3.1/template.xlsx")
            let rows = try XLSXReader.firstSheet(again.data).map(\.cells)
            #expect(rows.count == 4 && rows.contains(["3.1", "ecosystem", "marine", "2020", "percent", "0.9"]))
            // Uploaded again unchanged, it says the same: the file Synergia wrote is one it reads.
            #expect(try await browser.upload("/indicators/import", file: "file", named: "again.xlsx", again.data).status == .ok)
            // The bounds and the source of a value survive the round trip through the template.
            let plain = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,3.1,2019,12.9,percent,12.1,13.4,,UNEP-WCMC,\n"
            #expect(try await browser.post("/indicators/import", ["text": plain, "format": "plain"]).status == .ok)
            let withBounds = try await browser.download("/indicators/3.1/template.xlsx")
            #expect(try await browser.upload("/indicators/import", file: "file", named: "bounds.xlsx", withBounds.data).status == .ok)
            #expect(try await Browser(app).get("/indicators/3.1/data.csv?party=KE").contains("KE,3.1,2019,12.9,percent,12.1,13.4,,UNEP-WCMC,"))

            let data = try await Browser(app).download("/indicators/3.1/data.xlsx?party=KE")
            let exported = try XLSXReader.firstSheet(data.data).map(\.cells)
            #expect(exported.first == IndicatorCSVFormat.plainColumns && exported.count == 5)
        }
    }

    @Test("a workbook with bad rows imports nothing and names each bad row as the spreadsheet numbers it; another Party's column, an unknown type, a type without a value are refused")
    func badRowsChangeNothing() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let bad = try Self.workbook([["Kenya's data for 3.1"], [], Self.header,
                                         ["3.1", "", "", .number("2020"), "percent", .number("13.6"), ""],
                                         ["3.1", "Planet", "Mars", .number("2020"), "percent", .number("1"), ""],
                                         ["3.1", "ecosystem", "", .number("2021"), "percent", .number("1"), ""],
                                         ["9.99", "", "", "twenty", "percent", "lots", ""]])
            let page = try await browser.upload("/indicators/import", file: "file", named: "bad.xlsx", bad)
            #expect(page.status == .unprocessableEntity)
            for line in [5, 6, 7] { #expect(page.contains(">\(line)<") || page.contains("line \(line)") || page.contains("\(line)</td>"), "row \(line)") }
            #expect(!page.contains(">4<"), "row 4 is good")
            #expect(page.contains("unknown disaggregation type"))
            #expect(!(try await Browser(app).get("/indicators/3.1/data.csv?party=KE")).contains("KE,3.1"), "nothing imported")

            // Not a workbook at all, though it says .xlsx: a clear refusal, nothing stored.
            let broken = try await browser.upload("/indicators/import", file: "file", named: "broken.xlsx", Data([0x50, 0x4B, 0x03, 0x04, 0, 1, 2]))
            #expect(broken.status == .unprocessableEntity && broken.contains("workbook"))

            // The template holds the importer's Party's data only: an account without a Party is told to use the plain layout.
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            let refused = try await secretariat.upload("/indicators/import", file: "file", named: "t.xlsx",
                                                       try Self.workbook([Self.header, ["3.1", "", "", .number("2020"), "percent", .number("1"), ""]]))
            #expect(refused.status == .unprocessableEntity && refused.contains("plain layout"))
        }
    }

    @Test("a report downloads as a workbook: the package's rows, one per question, readable in a spreadsheet; a draft's only by those who may read it")
    func reportWorkbook() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            _ = try await browser.post("/reports/\(report.id!)/answers/cbd-7nr.s1.q1", ["value": "=Ministry of Environment", "baseVersion": "0"])
            let page = try await browser.get("/reports/\(report.id!)")
            #expect(page.contains("href=\"/reports/\(report.id!)/package.xlsx\""))
            let file = try await browser.download("/reports/\(report.id!)/package.xlsx")
            #expect(file.status == .ok && file.headers.first(name: .contentDisposition)?.contains("KE-cbd-7nr-v3.xlsx") == true)
            let rows = try XLSXReader.firstSheet(file.data).map(\.cells)
            #expect(rows.first == ["question_id", "section", "type", "title", "value", "version"])
            #expect(rows.contains { $0.first == "cbd-7nr.s1.q1" && $0.contains("=Ministry of Environment") }, "the text as written: a workbook cell is never a formula")
            #expect(rows.filter { $0.first?.hasPrefix("cbd-7nr.") == true }.count == 153)
            let anonymous = try await Browser(app).download("/reports/\(report.id!)/package.xlsx")
            #expect(anonymous.status != .ok && !XLSXReader.looksLikeWorkbook(anonymous.data), "a draft's workbook is not the public's")
        }
    }
}
