import Testing
@testable import SynergiaCore

@Suite struct IndicatorRegistryTests {
    let registry: IndicatorRegistry

    init() throws { registry = try IndicatorRegistry.load() }

    @Test func loadsVersionAndSource() {
        #expect(registry.version == 3)
        #expect(registry.source.contains("15/5"))
        #expect(registry.indicators.count >= 20)
    }

    @Test func sdgSeriesCodesAreTheSDGDatabasesOrUnknown() {
        #expect(registry.indicator(code: "A.3")?.sdgSeries == .known(["ER_RSK_LST"]))
        #expect(registry.indicator(code: "AICHI-RLI")?.sdgSeries == .known(["ER_RSK_LST"]))
        #expect(registry.indicator(code: "5.1")?.sdgSeries == .known(["ER_H2O_FWTL"]))
        #expect(registry.indicator(code: "AICHI-FOREST")?.sdgSeries == .known(["AG_LND_FRST"]))
        for indicator in registry.indicators {
            if indicator.sdg.isEmpty {
                #expect(indicator.sdgSeries == .known([]), "\(indicator.code) has no SDG indicator, so no series")
            } else if let series = indicator.sdgSeries.value {
                #expect(!series.isEmpty, "\(indicator.code): an SDG indicator has a series or an unknown one")
                for code in series { #expect(SDMXCode.isValidID(code) && code == code.uppercased(), "\(code)") }
            }
        }
    }

    @Test func codesAreUnique() {
        #expect(registry.codes.count == registry.indicators.count)
    }

    @Test func headlineIndicatorsNamedAsInDecision15_5() {
        let expected = [
            "A.1": "Red List of Ecosystems",
            "A.2": "Extent of natural ecosystems",
            "A.3": "Red List Index",
            "B.1": "Services provided by ecosystems",
            "3.1": "Coverage of protected areas and OECMs",
            "6.1": "Rate of invasive alien species establishment",
            "2.2": "Area under restoration",
        ]
        for (code, name) in expected {
            #expect(registry.indicator(code: code)?.name.english == name, "\(code)")
            #expect(registry.indicator(code: code)?.kind == .headline, "\(code)")
        }
    }

    @Test func goalIsImpliedByLetterCodes() {
        #expect(registry.indicator(code: "A.3")?.goal == "A")
        #expect(registry.indicator(code: "D.2")?.goal == "D")
        #expect(registry.indicator(code: "3.1")?.goal == nil)
        #expect(registry.indicator(code: "AICHI-RLI")?.goal == nil)
    }

    @Test func sdgLinks() {
        #expect(Set(registry.indicators(sdg: "15.5.1").map(\.code)) == ["A.3", "AICHI-RLI"])
        #expect(registry.indicators(sdg: "15.1.1").map(\.code) == ["AICHI-FOREST"])
        #expect(registry.indicators(sdg: "15.1.2").map(\.code) == ["AICHI-PA-KBA"])
        #expect(registry.indicator(code: "10.1")?.sdg == ["2.4.1"])
    }

    @Test func targetLinksPointAtExistingTargets() {
        let kmgbf = Set((1...23).map(String.init)), aichi = Set((1...20).map(String.init))
        for indicator in registry.indicators {
            for link in indicator.targets {
                switch link.framework {
                case "KMGBF": #expect(kmgbf.contains(link.code), "\(indicator.code) → \(link.code)")
                case "SP2011": #expect(aichi.contains(link.code), "\(indicator.code) → \(link.code)")
                default: Issue.record("\(indicator.code) links unknown framework \(link.framework)")
                }
            }
            if indicator.kind == .headline { #expect(indicator.targets.allSatisfy { $0.framework == "KMGBF" }) }
            if indicator.kind == .aichiGlobal { #expect(indicator.targets.allSatisfy { $0.framework == "SP2011" }) }
        }
        #expect(Set(registry.indicators(framework: "KMGBF", target: "19").map(\.code)) == ["D.1", "D.2", "D.3"])
        #expect(registry.indicators(framework: "SP2011", target: "11").map(\.code).sorted() == ["AICHI-PA", "AICHI-PA-KBA"])
    }

    @Test func unknownFieldsDecodeAsUnknown() {
        #expect(registry.indicator(code: "A.2")?.custodian == .unknown)
        #expect(registry.indicator(code: "A.3")?.custodian == .known("IUCN"))
        #expect(registry.indicator(code: "3.1")?.unit == .known("percent"))
    }
}
