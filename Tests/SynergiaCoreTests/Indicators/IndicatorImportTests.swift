import Testing
@testable import SynergiaCore

@Suite struct IndicatorImportTests {
    let indicators: Set<String> = ["A.3", "3.1", "10.1"]
    let parties: Set<String> = ["FR", "CN", "BR", "EU"]
    let years = 2000...2030

    func plain(_ csv: String) -> Result<[IndicatorDataPoint], IndicatorImportErrors> {
        IndicatorImport.parse(csv: csv, format: .plain, knownIndicators: indicators, knownParties: parties, periodRange: years)
    }

    func sdmx(_ csv: String) -> Result<[IndicatorDataPoint], IndicatorImportErrors> {
        IndicatorImport.parse(csv: csv, format: .sdmx, knownIndicators: indicators, knownParties: parties, periodRange: years)
    }

    func errors(_ result: Result<[IndicatorDataPoint], IndicatorImportErrors>) -> [IndicatorImportError] {
        if case .failure(let e) = result { return e.errors }
        return []
    }

    @Test func readsPlainRows() throws {
        let csv = """
        party,indicator,period,value,unit,lower,upper,disaggregation,source,comment
        FR,3.1,2020,33.2,percent,30,35.5,ecosystem=marine;sex=F,WDPA,first
        cn,A.3,2015-2017,0.75,index,,,,, 
        """
        let points = try plain(csv).get()
        #expect(points.count == 2)
        #expect(points[0] == IndicatorDataPoint(party: "FR", indicator: "3.1", period: IndicatorPeriod(year: 2020), value: 33.2, unit: "percent",
                                                lower: 30, upper: 35.5, disaggregation: ["ecosystem": "marine", "sex": "F"], source: "WDPA", comment: "first"))
        #expect(points[1].party == "CN")
        #expect(points[1].period == IndicatorPeriod(start: 2015, end: 2017))
        #expect(points[1].lower == nil && points[1].upper == nil && points[1].disaggregation.isEmpty)
    }

    @Test func columnsMayComeInAnyOrderAndOptionalOnesMayBeMissing() throws {
        let points = try plain("value,period,indicator,party\n12,2010,3.1,BR\n").get()
        #expect(points == [IndicatorDataPoint(party: "BR", indicator: "3.1", period: IndicatorPeriod(year: 2010), value: 12)])
    }

    @Test func reportsEveryBadRowWithItsLineAndReturnsNothing() {
        let csv = """
        party,indicator,period,value,unit,lower,upper,disaggregation,source,comment
        FR,3.1,2020,33.2,percent,,,,,
        FR,3.1,2021,about 34,percent,,,,,
        FR,X.9,2020,1,percent,,,,,
        ZZ,3.1,2020,1,percent,,,,,
        FR,3.1,1990,1,percent,,,,,
        FR,3.1,2020,40,percent,,,,,
        FR,3.1,2022,1,percent,abc,,,,
        FR,3.1,20x1,1,percent,,,,,
        FR,3.1,2023,1,percent,,,colour=blue,,
        FR,3.1,2024,5,percent,6,,,,
        FR,3.1,2025,1,percent,,,,,"spans
        two lines"
        FR,3.1,2026,nan,percent,,,,,
        FR,3.1,2027
        """
        let found = errors(plain(csv))
        let byLine = Dictionary(grouping: found, by: \.line).mapValues { $0.map(\.kind) }
        #expect(byLine[3] == [.notANumber])
        #expect(byLine[4] == [.unknownIndicator])
        #expect(byLine[5] == [.unknownParty])
        #expect(byLine[6] == [.periodOutOfRange])
        #expect(byLine[7] == [.duplicateRow])
        #expect(byLine[8] == [.notANumber])
        #expect(byLine[9] == [.malformedPeriod])
        #expect(byLine[10] == [.unknownDimension])
        #expect(byLine[11] == [.boundsInconsistent])
        #expect(byLine[12] == nil) // the good multi-line row
        #expect(byLine[14] == [.notANumber]) // line numbers count the newline inside the quoted cell
        #expect(byLine[15] == [.wrongCellCount])
        #expect(found.count == 11)
        #expect(found.map(\.line) == found.map(\.line).sorted())
        #expect(found.first { $0.kind == .duplicateRow }?.message.contains("line 2") == true)
        #expect(found.first { $0.kind == .notANumber }?.column == "value")
    }

    @Test func oneRowMayHaveSeveralErrors() {
        let found = errors(plain("party,indicator,period,value\nZZ,Q,1800,x\n"))
        #expect(found.map(\.kind) == [.unknownParty, .unknownIndicator, .periodOutOfRange, .notANumber])
        #expect(found.allSatisfy { $0.line == 2 })
    }

    @Test func duplicatesDependOnDisaggregation() throws {
        let ok = try plain("party,indicator,period,value,disaggregation\nFR,3.1,2020,1,sex=F\nFR,3.1,2020,2,sex=M\nFR,3.1,2020,3,\n").get()
        #expect(ok.count == 3)
        let dup = errors(plain("party,indicator,period,value,disaggregation\nFR,3.1,2020,1,sex=F;age=15-24\nFR,3.1,2020,2,age=15-24; sex=F\n"))
        #expect(dup.map(\.kind) == [.duplicateRow])
        #expect(dup.first?.line == 3)
    }

    @Test func malformedDisaggregationAndHeaderProblems() {
        #expect(errors(plain("party,indicator,period,value,disaggregation\nFR,3.1,2020,1,sex\n")).map(\.kind) == [.malformedDisaggregation])
        let header = errors(plain("party,indicator,year,value,colour\nFR,3.1,2020,1,red\n"))
        #expect(header.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.missingColumn, .unknownColumn, .unknownColumn])
        #expect(header.allSatisfy { $0.line == 1 })
        #expect(errors(plain("")).map(\.kind) == [.missingColumn])
    }

    @Test func readsSDMX() throws {
        let csv = """
        DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,SEX,OBS_VALUE,UNIT_MEASURE,LOWER_BOUND,UPPER_BOUND,OBS_COMMENT,SOURCE
        SYNERGIA:BIODIVERSITY_INDICATORS(1.0),FR,10.1,2019,F,12.5,percent,10,15,,FAO
        SYNERGIA:BIODIVERSITY_INDICATORS(1.0),FR,10.1,2019,,20,percent,,,,FAO
        """
        let points = try sdmx(csv).get()
        #expect(points.map(\.disaggregation) == [["sex": "F"], [:]])
        #expect(points[0].lower == 10 && points[0].upper == 15 && points[0].source == "FAO")
    }

    @Test func sdmxRejectsUnknownDimensionColumnsAndMissingDataflow() {
        let unknown = errors(sdmx("DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,COLOUR,OBS_VALUE\nX,FR,3.1,2020,red,1\n"))
        #expect(unknown.map(\.kind) == [.unknownColumn])
        #expect(unknown.first?.column == "COLOUR" && unknown.first?.line == 1)
        let noFlow = errors(sdmx("REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\nFR,3.1,2020,1\n"))
        #expect(noFlow.map(\.kind) == [.missingColumn])
        let plainAsSDMX = errors(sdmx("party,indicator,period,value\nFR,3.1,2020,1\n"))
        #expect(plainAsSDMX.contains { $0.kind == .unknownColumn && $0.column == "party" })
    }

    @Test func sdmxRowErrorsHaveLineNumbers() {
        let csv = "DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\nX,FR,3.1,2020,1\nX,XX,3.1,2020,1\nX,FR,3.1,2031,1\n"
        #expect(errors(sdmx(csv)).map { "\($0.line):\($0.kind.rawValue)" } == ["3:unknownParty", "4:periodOutOfRange"])
    }

    @Test func numbersAreDecimal() throws {
        let found = errors(plain("party,indicator,period,value\nFR,3.1,2020,0x1p3\nFR,3.1,2021,inf\nFR,3.1,2022,\"1,5\"\nFR,3.1,2023,-1.5e3\n"))
        #expect(found.map { "\($0.line):\($0.kind.rawValue)" } == ["2:notANumber", "3:notANumber", "4:notANumber"])
        #expect(try plain("party,indicator,period,value\nFR,3.1,2023,-1.5e3\n").get().first?.value == -1500)
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let csv = "\u{FEFF}party,indicator,period,value,comment\r\nFR,3.1,2020,1,\"a\r\nb\"\r\nFR,3.1,2021,x,\r\n"
        let found = errors(plain(csv))
        #expect(found.map(\.line) == [4])
        let ok = try plain("\u{FEFF}party,indicator,period,value,comment\r\nFR,3.1,2020,1,\"a\r\nb\"\r\n").get()
        #expect(ok.first?.comment == "a\r\nb")
    }

    @Test func periods() {
        #expect(IndicatorPeriod("2015")?.description == "2015")
        #expect(IndicatorPeriod("2015-2017")?.description == "2015-2017")
        #expect(IndicatorPeriod("2017-2015") == nil)
        #expect(IndicatorPeriod("15") == nil)
        #expect(IndicatorPeriod("2015-") == nil)
        #expect(IndicatorPeriod("2015-2017")!.isWithin(2016...2020) == false)
    }
}
