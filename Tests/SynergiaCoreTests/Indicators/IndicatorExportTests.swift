import Foundation
import Testing
@testable import SynergiaCore

@Suite struct IndicatorExportTests {
    static let points: [IndicatorDataPoint] = [
        IndicatorDataPoint(party: "CN", indicator: "3.1", period: IndicatorPeriod(year: 2020), value: 18.0, unit: "percent",
                           lower: 17.25, upper: 19.5, disaggregation: ["ecosystem": "forest", "sex": "F"],
                           source: "WDPA, \"March\" release", comment: "自然保护地覆盖率，含陆地与海洋"),
        IndicatorDataPoint(party: "CN", indicator: "3.1", period: IndicatorPeriod(year: 2020), value: 0.1, unit: "percent",
                           disaggregation: ["ecosystem": "marine"], comment: "line one\nline two"),
        IndicatorDataPoint(party: "FR", indicator: "A.3", period: IndicatorPeriod(start: 2015, end: 2017)!, value: 1e-05, unit: "index (0-1)",
                           lower: -0.5, upper: 123456.789, source: " leading space kept? no — trimmed", comment: "a,b;c=d"),
        IndicatorDataPoint(party: "EU", indicator: "A.3", period: IndicatorPeriod(year: 2021), value: 0.7123456789012345),
    ]

    static func importBack(_ text: String, _ format: IndicatorCSVFormat) throws -> [IndicatorDataPoint] {
        try IndicatorImport.parse(csv: text, format: format, knownIndicators: ["3.1", "A.3"], knownParties: ["CN", "FR", "EU"], periodRange: 2000...2030).get()
    }

    /// Cells are trimmed on import, so the expected data has no surrounding spaces.
    static var expected: [IndicatorDataPoint] {
        points.map { var p = $0; p.source = p.source.trimmingCharacters(in: .whitespaces); return p }
    }

    @Test func sdmxRoundTripIsLossless() throws {
        let text = IndicatorExport.sdmxCSV(Self.points, dataflow: "CBD:GBF_INDICATORS(1.0)")
        #expect(try Self.importBack(text, .sdmx) == Self.expected)
    }

    @Test func plainRoundTripIsLossless() throws {
        #expect(try Self.importBack(IndicatorExport.csv(Self.points), .plain) == Self.expected)
    }

    @Test func sdmxLayout() {
        let text = IndicatorExport.sdmxCSV(Self.points, dataflow: "CBD:GBF_INDICATORS(1.0)")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,ECOSYSTEM,SEX,OBS_VALUE,UNIT_MEASURE,LOWER_BOUND,UPPER_BOUND,OBS_COMMENT,SOURCE")
        #expect(lines[1] == #"CBD:GBF_INDICATORS(1.0),CN,3.1,2020,forest,F,18,percent,17.25,19.5,自然保护地覆盖率，含陆地与海洋,"WDPA, ""March"" release""#)
        #expect(text.hasSuffix("\n"))
        #expect(text == IndicatorExport.sdmxCSV(Self.points, dataflow: "CBD:GBF_INDICATORS(1.0)"))
    }

    @Test func plainLayout() {
        let text = IndicatorExport.csv([Self.points[0]])
        #expect(text == """
        party,indicator,period,value,unit,lower,upper,disaggregation,source,comment
        CN,3.1,2020,18,percent,17.25,19.5,ecosystem=forest;sex=F,"WDPA, ""March"" release",自然保护地覆盖率，含陆地与海洋

        """)
    }

    @Test func jsonIsDecodableAndUsesPeriodText() throws {
        let text = IndicatorExport.json(Self.points)
        #expect(text.contains("\"period\" : \"2015-2017\""))
        let decoded = try JSONDecoder().decode([IndicatorDataPoint].self, from: Data(text.utf8))
        #expect(decoded == Self.points)
    }

    @Test func emptyExports() throws {
        #expect(IndicatorExport.csv([]) == IndicatorCSVFormat.plainColumns.joined(separator: ",") + "\n")
        #expect(try Self.importBack(IndicatorExport.sdmxCSV([]), .sdmx) == [])
        #expect(IndicatorExport.json([]).hasPrefix("["))
    }
}
