import Foundation
import Testing
import ZIPFoundation
@testable import SynergiaCore

@Suite("XLSX workbooks")
struct XLSXTests {
    static let rows: [[SpreadsheetCSV.Cell]] = [
        ["Indicator code", "Year", "Value", "Footnote"],
        [.text("A.1"), .number("2020"), .number("12.5"), .text("=HYPERLINK(\"http://evil\")")],
        [.text("  spaced  "), .number("2021"), .number("-0.25"), .text("Línea 1\nلغة عربية 中文")],
        [.text(""), .number(""), .number("1e-3"), .text("bell\u{7}here")],
    ]

    func temporary(_ name: String, _ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
        try data.write(to: url)
        return url
    }

    @Test("a workbook written is read back cell for cell: text never as a formula, numbers as written, gaps empty, a control character replaced")
    func roundTrip() throws {
        let data = try XLSXWriter.write([SpreadsheetSheet(name: "Data", rows: Self.rows), SpreadsheetSheet(name: "About", rows: [["x"]])])
        #expect(XLSXReader.looksLikeWorkbook(data))
        let read = try XLSXReader.firstSheet(data)
        #expect(read.map(\.row) == [1, 2, 3, 4])
        #expect(read[1].cells == ["A.1", "2020", "12.5", "=HYPERLINK(\"http://evil\")"])
        #expect(read[2].cells == ["  spaced  ", "2021", "-0.25", "Línea 1\nلغة عربية 中文"])
        let lineEnds = try XLSXReader.firstSheet(try XLSXWriter.write([SpreadsheetSheet(name: "Data", rows: [["one\r\ntwo\rthree"]])]))
        #expect(lineEnds.first?.cells == ["one\r\ntwo\rthree"], "a carriage return comes back as written")
        #expect(read[3].cells == ["", "", "1e-3", "bell\u{FFFD}here"])
    }

    @Test("what is not a workbook is refused with a reason: text, a ZIP without a workbook, a truncated file")
    func hostileFiles() throws {
        #expect(throws: XLSXError.self) { try XLSXReader.firstSheet(Data("party,indicator\nKE,A.1\n".utf8)) }
        let data = try XLSXWriter.write([SpreadsheetSheet(name: "Data", rows: Self.rows)])
        #expect(throws: XLSXError.self) { try XLSXReader.firstSheet(data.prefix(data.count / 2)) }
        #expect(throws: XLSXError.self) { try XLSXReader.firstSheet(Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 64))) }
    }

    /// A workbook made by hand: its first sheet is `sheet`, as written.
    func handMade(sheet: String) throws -> Data { try handMade(sheetBytes: Data(sheet.utf8)) }

    func handMade(sheetBytes: Data) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let parts = [("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#.utf8)),
                     ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
                     ("xl/worksheets/sheet1.xml", sheetBytes)]
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    @Test("a workbook built to exhaust memory is refused: entities to expand, a cell far to the right on every row, a header as wide as a sheet")
    func bombs() throws {
        let laughs = #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
            + #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>"#
        #expect(throws: XLSXError.self) { try XLSXReader.firstSheet(try handMade(sheet: laughs)) }
        // The same, after a comment long enough to push the document type past the first kilobytes.
        let hidden = laughs.replacingOccurrences(of: "<!DOCTYPE", with: "<!--" + String(repeating: " ", count: 8_000) + "--><!DOCTYPE")
        #expect(throws: XLSXError.self) { try XLSXReader.firstSheet(try handMade(sheet: hidden)) }
        let sparse = "<worksheet><sheetData>" + (1...300).map { #"<row r="\#($0)"><c r="XFD\#($0)"><v>1</v></c></row>"# }.joined()
            + "</sheetData></worksheet>"
        #expect(throws: XLSXError.self) { try XLSXReader.firstSheet(try handMade(sheet: sparse)) }
        // A header with a cell at XFD, then many short rows: each would be made as wide as the header.
        let wide = "<worksheet><sheetData>" + #"<row r="1"><c r="A1" t="inlineStr"><is><t>party</t></is></c><c r="XFD1"><v>1</v></c></row>"#
            + (2...300).map { #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c></row>"# }.joined() + "</sheetData></worksheet>"
        guard case .failure(let errors) = IndicatorImport.parse(xlsx: try handMade(sheet: wide), format: nil, knownIndicators: [], knownParties: [],
                                                                periodRange: 1950...2100) else {
            Issue.record("a sheet of five million cells was read"); return
        }
        #expect(errors.errors.map(\.kind) == [.unreadable])
        // A byte that is not UTF-8 in a name made Foundation's parser trap (the fuzzer found it): refused before.
        var broken = Data(#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#.utf8)
        broken[broken.firstIndex(of: UInt8(ascii: "s"))!] = 0xD3
        #expect(throws: XLSXError.self) { try XLSXReader.firstSheet(try handMade(sheetBytes: broken)) }
        #expect(throws: XLSXError.self) { try XLSXReader.rows(ofSheet: broken, shared: []) }
        // Nor a processing instruction (one without data crashed Foundation's parser).
        #expect(throws: XLSXError.self) { try XLSXReader.rows(ofSheet: Data("<worksheet><?pi?><sheetData/></worksheet>".utf8), shared: []) }
        #expect(try XLSXReader.rows(ofSheet: Data(#"<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData/></worksheet>"#.utf8), shared: []).isEmpty)
        // Rows with nothing in them are not rows of data.
        let blank = "<worksheet><sheetData>" + (1...5).map { #"<row r="\#($0)"/>"# }.joined()
            + #"<row r="6"><c r="B6" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#
        #expect(try XLSXReader.firstSheet(try handMade(sheet: blank)).map(\.row) == [6])
    }

    @Test("a text longer than a cell holds is cut, and says so, rather than making a file a spreadsheet calls damaged")
    func longCell() throws {
        let long = String(repeating: "é", count: 40_000)
        let read = try XLSXReader.firstSheet(try XLSXWriter.write([SpreadsheetSheet(name: "Data", rows: [[.text(long)]])]))
        let cell = try #require(read.first?.cells.first)
        #expect(cell.utf16.count <= XLSXWriter.maxCellLength && cell.hasSuffix(" […]") && cell.hasPrefix("éééé"))
    }

    @Test("sheet names a spreadsheet accepts: no forbidden character, at most 31 characters, none twice")
    func sheetNames() {
        #expect(XLSXWriter.uniqueNames(["a/b", String(repeating: "x", count: 40), "Data", "data"]) == ["a_b", String(repeating: "x", count: 31), "Data", "data_4"])
        #expect(XLSXWriter.columnName(0) == "A" && XLSXWriter.columnName(25) == "Z" && XLSXWriter.columnName(26) == "AA" && XLSXWriter.columnName(16_383) == "XFD")
    }

    @Test("LibreOffice opens a workbook Synergia wrote, and shows its cells", .enabled(if: LibreOffice.isAvailable))
    func libreOfficeOpensOurs() throws {
        let input = try temporary("ours.xlsx", try XLSXWriter.write([SpreadsheetSheet(name: "Data", rows: Self.rows)]))
        // Comma-separated, double quotes, UTF-8 (76).
        let csv = try LibreOffice.convert(input, to: "csv:Text - txt - csv (StarCalc):44,34,76", extension: "csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(text.contains("Indicator code,Year,Value,Footnote"))
        #expect(text.contains("A.1,2020,12.5,\"=HYPERLINK(\"\"http://evil\"\")\""), "the formula-like text stayed text: \(text)")
        #expect(text.contains("  spaced  ,2021,-0.25,"))
        #expect(text.contains("لغة عربية 中文"))
    }

    @Test("a workbook LibreOffice wrote (shared strings, its own styles) is read cell for cell", .enabled(if: LibreOffice.isAvailable))
    func oursReadsLibreOffices() throws {
        let source = "Indicator code,Disaggregation type,Disaggregation,Year,Unit,Value,Footnote\n"
            + "3.1,ecosystem,terrestrial,2020,percent,13.1,Sources: KWS\n"
            + "3.1,,,2024,percent,15.75,\"Comité, ñ, 中文\"\n"
        let xlsx = try LibreOffice.convert(try temporary("theirs.csv", Data(source.utf8)), to: "xlsx", extension: "xlsx", from: "CSV:44,34,76")
        let rows = try XLSXReader.firstSheet(try Data(contentsOf: xlsx))
        #expect(rows.map(\.row) == [1, 2, 3])
        #expect(rows[0].cells == ["Indicator code", "Disaggregation type", "Disaggregation", "Year", "Unit", "Value", "Footnote"])
        #expect(rows[1].cells == ["3.1", "ecosystem", "terrestrial", "2020", "percent", "13.1", "Sources: KWS"])
        #expect(rows[2].cells == ["3.1", "", "", "2024", "percent", "15.75", "Comité, ñ, 中文"])

        // And imported as the template, for the importer's Party; a bad row named by its row in the sheet.
        let imported = IndicatorImport.parse(xlsx: try Data(contentsOf: xlsx), format: nil, knownIndicators: ["3.1"], knownParties: ["KE"],
                                             periodRange: 1950...2100, party: "KE")
        let points = try imported.get()
        #expect(points.map(\.party) == ["KE", "KE"])
        #expect(points[0].disaggregation == ["ecosystem": "terrestrial"] && points[0].value == 13.1 && points[0].comment == "Sources: KWS")
        #expect(points[1].period == IndicatorPeriod(year: 2024) && points[1].value == 15.75)
        let badSource = source + "3.1,,,1800,percent,x,\n"
        let bad = try LibreOffice.convert(try temporary("bad.csv", Data(badSource.utf8)), to: "xlsx", extension: "xlsx", from: "CSV:44,34,76")
        guard case .failure(let errors) = IndicatorImport.parse(xlsx: try Data(contentsOf: bad), format: nil, knownIndicators: ["3.1"],
                                                                knownParties: ["KE"], periodRange: 1950...2100, party: "KE") else {
            Issue.record("a bad row was imported"); return
        }
        #expect(errors.lines == [4] && Set(errors.errors.map(\.kind)) == [.periodOutOfRange, .notANumber])
    }
}
