import SynergiaCore
import Testing

@Suite("Reference data files")
struct ReferenceDataTests {
    let data: ReferenceData

    init() throws { data = try ReferenceData.load() }

    @Test("the 196 Parties to the CBD: 195 States and the European Union")
    func partiesAreTheCBDParties() {
        #expect(data.parties.count == 196)
        #expect(data.parties.filter { $0.kind == .state }.count == 195)
        let eu = data.parties.first { $0.alpha2 == "EU" }
        #expect(eu?.kind == .reio)
        #expect(eu?.regionalGroup == nil, "the EU belongs to no UN regional group")
        #expect(eu?.alpha3 == .unknown, "ISO 3166-1 assigns the EU no alpha-3 code")
        // The CBD's only non-Party among UN Member States.
        #expect(!data.parties.contains { $0.alpha2 == "US" })
        for code in ["CK", "NU", "PS"] { #expect(data.parties.contains { $0.alpha2 == code }, "\(code) is a Party") }
    }

    @Test("every State has both ISO codes, unique, and a regional group")
    func statesHaveCodesAndGroups() {
        let states = data.parties.filter { $0.kind == .state }
        for party in states {
            #expect(party.alpha2.count == 2 && party.alpha2.allSatisfy(\.isUppercase), "\(party.alpha2)")
            let alpha3 = party.alpha3.value ?? ""
            #expect(alpha3.count == 3 && alpha3.allSatisfy(\.isUppercase), "\(party.alpha2) alpha-3 \(alpha3)")
            #expect(party.regionalGroup != nil, "\(party.alpha2) has no regional group")
        }
        #expect(Set(data.parties.map(\.alpha2)).count == 196)
        #expect(Set(states.compactMap(\.alpha3.value)).count == 195)
    }

    @Test("regional groups have their UN sizes (Asia-Pacific with the Cook Islands, Niue and Palestine)")
    func regionalGroupSizes() {
        func count(_ group: RegionalGroup) -> Int { data.parties.filter { $0.regionalGroup == group }.count }
        #expect(count(.african) == 54)
        #expect(count(.easternEuropean) == 23)
        #expect(count(.latinAmericanCaribbean) == 33)
        #expect(count(.westernEuropeanOthers) == 28)
        #expect(count(.asiaPacific) == 57)
        #expect(data.parties.first { $0.alpha2 == "KE" }?.regionalGroup == .african)
        #expect(data.parties.first { $0.alpha2 == "TR" }?.regionalGroup == .westernEuropeanOthers)
        #expect(data.parties.first { $0.alpha2 == "CN" }?.regionalGroup == .asiaPacific)
    }

    @Test("every State is named in the six UN languages")
    func namesInSixLanguages() {
        for party in data.parties where party.kind == .state {
            for language in Language.allCases {
                #expect(!(party.names.values[language.code] ?? "").isEmpty, "\(party.alpha2) has no \(language.code) name")
            }
        }
        #expect(data.parties.first { $0.alpha2 == "CN" }?.names.values["zh"] == "中国")
    }

    @Test("every Party is a Party to the CBD; memberships use the known statuses")
    func memberships() {
        for party in data.parties { #expect(party.membership(in: "CBD") == .party, "\(party.alpha2)") }
        #expect(data.parties.first { $0.alpha2 == "KE" }?.membership(in: "RAMSAR") == .party)
    }

    @Test("the eight conventions of the Liaison Group")
    func conventions() {
        #expect(data.conventions.map(\.code) == ["CBD", "CITES", "CMS", "RAMSAR", "WHC", "ITPGRFA", "IPPC", "IWC"])
        let cbd = data.conventions.first { $0.code == "CBD" }
        #expect(cbd?.names.english == "Convention on Biological Diversity")
        #expect(cbd?.entryIntoForce == .known(1993))
        #expect(cbd?.names.values["zh"] == "生物多样性公约")
    }

    @Test("Strategic Plan 2011–2020: 20 Aichi Targets under strategic goals A–E")
    func aichiTargets() throws {
        let plan = try #require(data.frameworks.first { $0.code == "SP2011" })
        #expect(plan.goals.map(\.code) == ["A", "B", "C", "D", "E"])
        #expect(plan.targets.map(\.code) == (1...20).map(String.init))
        let goalOf = Dictionary(uniqueKeysWithValues: plan.targets.map { ($0.code, $0.goal ?? "") })
        #expect(goalOf["1"] == "A" && goalOf["5"] == "B" && goalOf["11"] == "C" && goalOf["14"] == "D" && goalOf["20"] == "E")
        for target in plan.targets { #expect(target.text?.english.isEmpty == false, "Aichi Target \(target.code) has no text") }
        #expect(plan.targets.first { $0.code == "11" }?.text?.english.contains("17 per cent of terrestrial") == true)
    }

    @Test("Kunming-Montreal GBF: 23 targets and goals A–D")
    func gbfTargets() throws {
        let gbf = try #require(data.frameworks.first { $0.code == "KMGBF" })
        #expect(gbf.goals.map(\.code) == ["A", "B", "C", "D"])
        #expect(gbf.targets.map(\.code) == (1...23).map(String.init))
        #expect(gbf.targets.first { $0.code == "3" }?.text?.english.contains("30 per cent") == true)
    }

    @Test("the conventions' own strategic plans are there")
    func conventionPlans() {
        let codes = Set(data.frameworks.map(\.convention))
        #expect(codes.isSuperset(of: ["CBD", "CITES", "CMS", "RAMSAR"]))
        for framework in data.frameworks {
            for target in framework.targets where target.goal != nil {
                #expect(framework.goals.contains { $0.code == target.goal }, "\(framework.code) target \(target.code) names a missing goal")
            }
        }
    }
}
