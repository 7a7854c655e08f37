import Testing
@testable import SynergiaCore

@Suite struct SDMXCodeTests {
    @Test func everydayValuesAreTheirOwnIds() {
        for value in ["KE", "percent", "forest", "F", "species_group", "15-24", "a@b"] {
            #expect(SDMXCode.id(value) == value)
        }
    }

    @Test func otherCharactersAreEscapedReversibly() {
        #expect(SDMXCode.id("index (0-1)") == "index$20$280-1$29")
        #expect(SDMXCode.id("forêt") == "for$C3$AAt")
        #expect(SDMXCode.id("$") == "$24")
        for value in ["index (0-1)", "forêt", "Rift Valley", "湿地", "الأراضي الرطبة", "a$b", "x.y", "tab\there", "100%"] {
            #expect(SDMXCode.isValidID(SDMXCode.id(value)), "\(value)")
            #expect(SDMXCode.text(SDMXCode.id(value)) == value, "\(value)")
        }
    }

    @Test func theTotalCodeAndFormulaStartsCannotBeAValue() {
        #expect(SDMXCode.id("_T") == "$5FT")
        #expect(SDMXCode.id("_T") != SDMXCode.total)
        #expect(SDMXCode.id("-5") == "$2D5")
        #expect(SDMXCode.id("@SUM") == "$40SUM")
        #expect(SDMXCode.text("$5FT") == "_T")
    }

    @Test func badIdsAreRefused() {
        for id in ["", "a b", "$G1", "$4", "$C3", "a.b", "<x>", "$-0", "$+F", "$2e", "$c3$a9"] {
            #expect(SDMXCode.text(id) == nil, "\(id)")
        }
    }

    @Test func randomTextRoundTrips() {
        var rng = DemoRandom(seed: 20)
        let alphabet = Array("aZ09 _-@$.()/\\%éß中ع\u{0}\u{1F600}'\"=+")
        for _ in 0..<500 {
            let length = Int(rng.next() % 12) + 1
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let id = SDMXCode.id(text)
            #expect(SDMXCode.isValidID(id) && SDMXCode.text(id) == text, "\(text.debugDescription)")
        }
    }

    @Test func indicatorCodesLoseOnlyTheirDots() {
        #expect(SDMXCode.indicatorID("A.1") == "A_1")
        #expect(SDMXCode.indicatorID("AICHI-RLI") == "AICHI-RLI")
        #expect(SDMXCode.indicatorID("KE-FOREST-1") == "KE-FOREST-1")
        #expect(SDMXCode.indicatorCodes(["A.1", "3.1", "AICHI-RLI"]) == ["A_1": "A.1", "3_1": "3.1", "AICHI-RLI": "AICHI-RLI"])
    }

    @Test func timePeriodsAreSDMXTimeRanges() {
        #expect(SDMXCode.timePeriod(IndicatorPeriod(year: 2015)) == "2015")
        #expect(SDMXCode.timePeriod(IndicatorPeriod(start: 2015, end: 2017)!) == "2015-01-01/P3Y")
        #expect(SDMXCode.period("2015-01-01/P3Y") == IndicatorPeriod(start: 2015, end: 2017))
        #expect(SDMXCode.period("2015") == IndicatorPeriod(year: 2015))
        #expect(SDMXCode.period("2015-2017") == IndicatorPeriod(start: 2015, end: 2017))
        for bad in ["2015-02-01/P3Y", "2015-01-01/P0Y", "2015-01-01/P3M", "2015-01-01/", "/P3Y", "15-01-01/P3Y", "2015-01-01/PY", "abcd-01-01/P1Y"] {
            #expect(SDMXCode.period(bad) == nil, "\(bad)")
        }
    }
}
