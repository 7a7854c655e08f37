import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Reference pages and their API twins")
struct ReferencePagesTests {
    @Test("the home page lists the conventions, frameworks and Parties")
    func home() async throws {
        try await withSynergia { app async throws in
            let page = try await Browser(app).get("/")
            #expect(page.status == .ok)
            #expect(page.contains("<html lang=\"en\" dir=\"ltr\">"))
            #expect(page.contains("Convention on Biological Diversity"))
            #expect(page.contains("/frameworks/KMGBF"))
            #expect(page.contains("All 196 Parties"))
        }
    }

    @Test("a framework page shows its goals and targets; the API has the same")
    func framework() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app)
            let page = try await browser.get("/frameworks/SP2011")
            #expect(page.status == .ok)
            #expect(page.contains("id=\"goal-E\""))
            #expect(page.contains("id=\"target-20\""))
            #expect(page.contains("href=\"/progress/SP2011/20\""), "each target links to its progress dashboard")
            let api = try await browser.json(FrameworkDTO.self, "/api/v1/frameworks/SP2011")
            #expect(api.goals.map(\.code) == ["A", "B", "C", "D", "E"])
            #expect(api.goals.flatMap(\.targets).count == 20)
            let gbf = try await browser.json(FrameworkDTO.self, "/api/v1/frameworks/KMGBF")
            #expect(gbf.framework.goalCount == 4 && gbf.framework.targetCount == 23)
            #expect(try await browser.get("/frameworks/NOPE").status == .notFound)
        }
    }

    @Test("Parties filter by regional group and by convention, on the page and in the API")
    func partiesFilter() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app)
            let all = try await browser.json(PartyListDTO.self, "/api/v1/parties")
            #expect(all.count == 196)
            let african = try await browser.json(PartyListDTO.self, "/api/v1/parties?regionalGroup=african")
            #expect(african.count == 54)
            #expect(african.parties.allSatisfy { $0.regionalGroup == "african" })
            let ramsar = try await browser.json(PartyListDTO.self, "/api/v1/parties?convention=RAMSAR")
            #expect(ramsar.parties.allSatisfy { $0.memberships["RAMSAR"] == .party })
            #expect(ramsar.parties.contains { $0.alpha2 == "KE" })
            #expect(!ramsar.parties.contains { $0.alpha2 == "EU" }, "the Ramsar Convention is open to States only")
            let both = try await browser.json(PartyListDTO.self, "/api/v1/parties?regionalGroup=african&convention=RAMSAR")
            #expect(both.count == ramsar.parties.filter { $0.regionalGroup == "african" }.count)

            let page = try await browser.get("/parties?region=african")
            #expect(page.contains("54 Parties"))
            #expect(page.contains("<option value=\"african\" selected>"))
            #expect(page.contains(">Kenya<"))
            #expect(!page.contains(">France<"))

            let bad = try await browser.get("/api/v1/parties?regionalGroup=atlantis")
            #expect(bad.status == .badRequest)
            #expect(bad.contains("\"error\":true"))
        }
    }

    @Test("the Parties are listed in the reader's alphabetical order: Chinese by pinyin, French with its accents, Russian in Cyrillic order; the API keeps English's", arguments: [
        ("zh", ["阿富汗", "埃及", "巴西", "厄瓜多尔", "津巴布韦", "南非", "日本", "中国"]),
        ("fr", ["Afghanistan", "Afrique du Sud", "Brésil", "Chine", "Égypte", "Équateur", "Japon", "Zimbabwe"]),
        ("ru", ["Афганистан", "Бразилия", "Египет", "Зимбабве", "Китай", "Эквадор", "Южная Африка", "Япония"]),
        ("en", ["Afghanistan", "Brazil", "China", "Ecuador", "Egypt", "Japan", "South Africa", "Zimbabwe"]),
    ])
    func partiesCollated(language: String, expected: [String]) async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app)
            let page = try await browser.get("/parties?lang=\(language)")
            let positions = expected.map { name in page.body.range(of: ">\(name)</a>").map { page.body.distance(from: page.body.startIndex, to: $0.lowerBound) } }
            #expect(!positions.contains(nil), "every name is on the page")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "in this order: \(expected)")
            let api = try await browser.json(PartyListDTO.self, "/api/v1/parties?lang=\(language)")
            #expect(api.parties.first?.alpha2 == "AF" && api.parties.last?.alpha2 == "ZW", "the API's order does not depend on the language")
        }
    }

    @Test("a Party page shows its codes, names in six languages and conventions; by alpha-2 or alpha-3")
    func party() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app)
            let page = try await browser.get("/parties/KE")
            #expect(page.status == .ok)
            #expect(page.contains("KEN"))
            #expect(page.contains("lang=\"zh\""))
            #expect(page.contains("肯尼亚"))
            let byAlpha3 = try await browser.json(PartyDTO.self, "/api/v1/parties/KEN")
            #expect(byAlpha3.alpha2 == "KE")
            #expect(byAlpha3.regionalGroup == "african")
            #expect(byAlpha3.memberships["CBD"] == .party)
            let eu = try await browser.json(PartyDTO.self, "/api/v1/parties/EU")
            #expect(eu.kind == .reio && eu.alpha3 == nil && eu.regionalGroup == nil)
            #expect(try await browser.get("/api/v1/parties/XX").status == .notFound)
        }
    }

    @Test("conventions list and detail, with unknown facts said to be unknown")
    func conventions() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app)
            let list = try await browser.json([ConventionDTO].self, "/api/v1/conventions")
            #expect(list.map(\.code) == ["CBD", "CITES", "CMS", "RAMSAR", "WHC", "ITPGRFA", "IPPC", "IWC"])
            let cbd = try await browser.json(ConventionDetailDTO.self, "/api/v1/conventions/CBD")
            #expect(cbd.partyCount == 196)
            #expect(cbd.frameworks.map(\.code).contains("KMGBF"))
            let page = try await browser.get("/conventions/IWC")
            #expect(page.status == .ok)
            #expect(page.contains("class=\"unknown\""), "the IWC's secretariat has no administering organization in the data")
        }
    }
}

@Suite("Indicator registry")
struct IndicatorRegistryPageTests {
    @Test("the registry lists GBF headline indicators linked to their targets, with unknown facts as null")
    func registry() async throws {
        try await withSynergia { app in
            let indicators = try await Browser(app).json([IndicatorDTO].self, "/api/v1/indicators")
            let coverage = try #require(indicators.first { $0.code == "3.1" })
            #expect(coverage.targets.contains("KMGBF/3"))
            #expect(indicators.contains { $0.kind == .headline } && indicators.contains { $0.code.hasPrefix("AICHI-") })
            let page = try await Browser(app).get("/indicators")
            #expect(page.contains("id=\"indicator-3.1\"") && page.contains("href=\"/frameworks/KMGBF#target-3\""))
        }
    }
}
