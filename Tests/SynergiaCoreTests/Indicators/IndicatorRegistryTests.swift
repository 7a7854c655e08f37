import Testing
@testable import SynergiaCore

@Suite struct IndicatorRegistryTests {
    let registry: IndicatorRegistry

    init() throws { registry = try IndicatorRegistry.load() }

    @Test func loadsVersionAndSource() {
        // 4: the monitoring framework's list joined the file (the SDMX structure's version moves with it).
        #expect(registry.version == 4)
        #expect(registry.source.contains("15/5"))
        #expect(registry.indicators.count >= 20)
    }

    @Test func sdgSeriesCodesAreTheSDGDatabasesOrUnknown() {
        #expect(registry.indicator(code: "A.3")?.sdgSeries == .known(["ER_RSK_LST"]))
        #expect(registry.indicator(code: "AICHI-RLI")?.sdgSeries == .known(["ER_RSK_LST"]))
        #expect(registry.indicator(code: "5.1")?.sdgSeries == .known(["ER_H2O_FWTL"]))
        #expect(registry.indicator(code: "AICHI-FOREST")?.sdgSeries == .known(["AG_LND_FRST"]))
        let described = Set((try? ReferenceData.decode(IndicatorRegistry.self, file: "indicators"))?.codes ?? [])
        #expect(described.count == 26)
        for indicator in registry.indicators {
            if indicator.sdg.isEmpty && !described.contains(indicator.code) {
                // Known only from the monitoring framework's list, which does not say its SDG indicators.
                #expect(indicator.sdgSeries == .unknown, "\(indicator.code)")
            } else if indicator.sdg.isEmpty {
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

    @Test func holdsTheWholeMonitoringFrameworkOnceEach() throws {
        let list = try MonitoringFrameworkList.load()
        #expect(list.count == 204)
        let counts = Dictionary(grouping: registry.indicators, by: \.kind).mapValues(\.count)
        #expect(counts == [.headline: 27, .component: 52, .complementary: 110, .binary: 15, .aichiGlobal: 5])
        // Every code of the list is in the registry, but the list's "2.1": its identifier is the registry's 2.2 (decision 15/5's number).
        #expect(Set(list.map(\.code)).subtracting(registry.codes) == ["2.1"])
        #expect(registry.indicator(code: "2.2")?.name.english == "Area under restoration" && registry.indicator(code: "2.1") == nil)
        // The file's facts stay; one known only from the list has its title, kind and target, nothing more.
        #expect(registry.indicator(code: "3.1")?.unit == .known("percent"))
        let component = try #require(registry.indicator(code: "A.CT.1"))
        #expect(component.kind == .component && component.goal == "A" && component.targets.isEmpty && component.unit == .unknown)
        let binary = try #require(registry.indicator(code: "5.b"))
        #expect(binary.kind == .binary && binary.targets == [IndicatorTargetLink(framework: "KMGBF", code: "5")] && binary.goal == nil)
        #expect(binary.name.english == "Number of countries with legal instruments or other policy frameworks for regulating trade in wild species")
    }

    @Test(arguments: [
        "identifier,code,kind,goal_or_target,title\nX,A.9,headline,E,Title\n",
        "identifier,code,kind,goal_or_target,title\nX,A.9,national,A,Title\n",
        "identifier,code,kind,goal_or_target,title\nX,,headline,A,Title\n",
        "identifier,code,kind,goal_or_target,title\nX,A.9,headline,24,Title\n",
        "id,code,kind,goal,title\nX,A.9,headline,A,Title\n",
    ])
    func aListRowThatIsNoIndicatorIsRefused(text: String) {
        #expect(throws: ResourceError.self) { try MonitoringFrameworkList.parse(text) }
    }
}
