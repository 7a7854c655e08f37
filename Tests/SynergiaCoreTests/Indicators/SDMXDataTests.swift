import Foundation
import Testing
@testable import SynergiaCore
import SynergiaTestFixtures

@Suite struct SDMXDataTests {
    static let registry = try! IndicatorRegistry.load()
    static let writer = SDMXData(registry: registry)

    static let points: [IndicatorDataPoint] = [
        IndicatorDataPoint(party: "KE", indicator: "A.3", period: IndicatorPeriod(year: 2020), value: 0.71, unit: "index (0-1)",
                           lower: 0.7, upper: 0.72, source: "IUCN, 2024-1", comment: "-5% since 2015 & \"rising\""),
        IndicatorDataPoint(party: "KE", indicator: "3.1", period: IndicatorPeriod(start: 2015, end: 2017)!, value: 12.5, unit: "percent",
                           disaggregation: ["ecosystem": "Rift Valley wetlands", "sex": "F"], source: "=cmd|' /C calc'!A0", comment: "'quoted"),
        IndicatorDataPoint(party: "CN", indicator: "3.1", period: IndicatorPeriod(year: 2021), value: 1e-05,
                           disaggregation: ["ecosystem": "湿地", "subnational_area": "_T"], comment: "line one\nline two"),
    ]

    static func importBack(_ text: String) throws -> [IndicatorDataPoint] {
        try IndicatorImport.parse(csv: text, format: .sdmx2, knownIndicators: ["3.1", "A.3"], knownParties: ["CN", "KE"],
                                  periodRange: 2000...2030).get()
    }

    /// The problems an SDMX-CSV 2.0 file of Kenya's A.3 has (nil when it imports).
    static func problems(_ text: String) -> IndicatorImportErrors? {
        guard case .failure(let errors) = IndicatorImport.parse(csv: text, format: .sdmx2, knownIndicators: ["A.3"], knownParties: ["KE"],
                                                                  periodRange: 2000...2030) else { return nil }
        return errors
    }

    @Test func csvRoundTripIsLossless() throws {
        let text = Self.writer.csvHeader + Self.writer.csvRows(Self.points)
        #expect(try Self.importBack(text) == Self.points)
        #expect(IndicatorCSVFormat.detect(text) == .sdmx2)
        #expect(IndicatorCSVFormat.detect("\u{FEFF}" + text) == .sdmx2)
    }

    @Test func csvRowsGiveEveryDimensionAndTheStructure() throws {
        let text = Self.writer.csvHeader + Self.writer.csvRows([Self.points[0]])
        let lines = text.split(separator: "\n")
        #expect(lines[0] == Substring(SDMXData.csvColumns.joined(separator: ",")))
        #expect(lines[0].hasPrefix("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,AGE,BIOME,"))
        let dimensions = SDMXStructure.disaggregationDimensions.count
        #expect(lines[1].hasPrefix("dataflow,SYNERGIA:BIODIVERSITY_INDICATORS(\(Self.registry.version).0),I,KE,A_3,"
                                   + Array(repeating: "_T", count: dimensions).joined(separator: ",") + ",2020,0.71,index$20$280-1$29,0.7,0.72,"))
        #expect(lines[1].hasSuffix(",ER_RSK_LST"))
    }

    @Test func aFormulaInATextCellIsNeutralizedAndComesBack() throws {
        let text = Self.writer.csvRows([Self.points[1]])
        #expect(text.contains(#"'=cmd|' /C calc'!A0"#))
        #expect(text.contains("''quoted"))
        #expect(text.contains(",2015-01-01/P3Y,"))
    }

    @Test func xmlObservationsAreWellFormedAndCarryEveryComponent() {
        let xml = Self.writer.xmlHead(id: "TEST", prepared: Date(timeIntervalSince1970: 0)) + Self.writer.xmlObservations(Self.points) + SDMXData.xmlTail
        let outline = XMLOutline.parse(xml)
        #expect(outline.error == nil)
        let observations = outline.all("Obs")
        #expect(observations.count == 3)
        #expect(observations[0]["OBS_COMMENT"] == "-5% since 2015 & \"rising\"")
        #expect(observations[0]["SDG_SERIES"] == "ER_RSK_LST")
        #expect(observations[1]["TIME_PERIOD"] == "2015-01-01/P3Y")
        #expect(observations[1]["ECOSYSTEM"] == SDMXCode.id("Rift Valley wetlands"))
        #expect(observations[2]["SUBNATIONAL_AREA"] == "$5FT")
        #expect(observations[2]["OBS_COMMENT"] == "line one\nline two", "a line break in an attribute survives the parser")
        #expect(observations[2]["UNIT_MEASURE"] == nil)
        for observation in observations {
            for dimension in SDMXStructure.dimensionIDs { #expect(observation[dimension] != nil, "\(dimension)") }
        }
        #expect(outline.all("mes:DataSet").first?["action"] == nil)
        let structure = outline.all("mes:Structure").first
        #expect(structure?["dimensionAtObservation"] == "AllDimensions")
        #expect(structure?["namespace"] == SDMXStructure.dsdURN(version: Self.writer.version) + ":ObsLevelDim:AllDimensions")
    }

    @Test func importRefusesDeletionsAndNamesTheLine() {
        let header = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE"
        let text = header + "\ndataflow,X,I,KE,A_3,2020,0.7\ndataflow,X,D,KE,A_3,2021,0.7\ndataflow,X,,KE,A_3,2022-01-01/P2M,0.7\n"
        guard let errors = Self.problems(text) else {
            Issue.record("a deletion and a bad period were accepted")
            return
        }
        #expect(errors.errors.map(\.kind) == [.unknownAction, .malformedPeriod])
        #expect(errors.lines == [3, 4])
    }

    @Test func importNeedsTheStructureColumnsFirst() {
        let text = "REF_AREA,STRUCTURE,STRUCTURE_ID,INDICATOR,TIME_PERIOD,OBS_VALUE\nKE,dataflow,X,A_3,2020,1\n"
        guard let errors = Self.problems(text) else {
            Issue.record("a file without STRUCTURE first was accepted")
            return
        }
        #expect(errors.errors.first?.kind == .missingColumn)
        #expect(errors.errors.first?.line == 1)
    }

    @Test func anUnknownComponentIsReported() {
        let text = "STRUCTURE,STRUCTURE_ID,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,COLOUR\ndataflow,X,KE,A_3,2020,1,red\n"
        guard let errors = Self.problems(text) else {
            Issue.record("an unknown column was accepted")
            return
        }
        #expect(errors.errors.map(\.kind) == [.unknownColumn])
        #expect(errors.errors.first?.column == "COLOUR")
    }

    @Test func aDecodedValueCannotForgeASecondDimension() {
        let text = "STRUCTURE,STRUCTURE_ID,REF_AREA,INDICATOR,TIME_PERIOD,ECOSYSTEM,OBS_VALUE\n"
            + "dataflow,X,KE,A_3,2020,a$3Bsex$3DM,1\ndataflow,X,KE,A_3,2021,$20forest,1\ndataflow,X,KE,A_3,2022,tab$09,1\n"
        guard let errors = Self.problems(text) else {
            Issue.record("a value holding ; and = was accepted")
            return
        }
        #expect(errors.errors.map(\.kind) == [.malformedDisaggregation, .malformedDisaggregation, .malformedDisaggregation])
        #expect(errors.lines == [2, 3, 4])
        #expect(errors.errors.first?.column == "ECOSYSTEM")
    }

    @Test func theStructureColumnsOutOfPlaceAreRefused() {
        let text = "STRUCTURE,STRUCTURE_ID,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,ACTION\ndataflow,X,KE,A_3,2020,1,D\n"
        guard let errors = Self.problems(text) else {
            Issue.record("an ACTION column in the wrong place was read as nothing")
            return
        }
        #expect(errors.errors.map(\.kind) == [.unknownColumn])
        #expect(errors.errors.first?.column == "ACTION")
    }
}
