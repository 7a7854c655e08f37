import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Progress overview and per-Party dashboard")
struct ProgressOverviewTests {
    /// Records a Party's assessment as its CBD focal point would.
    func assess(_ app: Application, _ party: String, _ target: String, _ category: String, cycle: String = "2026") async throws {
        let email = "fp-\(party.lowercased())@example.org"
        if try await UserModel.query(on: app.db).filter(\.$email == email).first() == nil {
            try await makeUser(app, email: email, role: .focalPoint, party: party, convention: "CBD")
        }
        let browser = Browser(app)
        try await browser.signIn(email)
        let saved = try await browser.post("/progress/KMGBF/\(target)", ["cycle": cycle, "category": category, "confidence": "medium"])
        #expect(saved.status == .seeOther)
    }

    /// The oracle: every assessment of `cycle` read as a model and counted with the Party's
    /// regional group and conventions, by the plain loop in `ProgressAggregation.counts`.
    func countedOneByOne(cycle: String, on db: any Database) async throws -> ProgressOverview.Tallies {
        let parties = try await PartyModel.query(on: db).with(\.$memberships).all()
        let members = Dictionary(uniqueKeysWithValues: parties.map { party in
            (party.alpha2, (region: party.regionalGroup,
                            conventions: party.memberships.filter { $0.status == .party }.map(\.conventionCode)))
        })
        let assessments = try await ProgressAssessmentModel.query(on: db).filter(\.$cycle == cycle).all().map { row in
            (party: row.partyCode, regionalGroup: members[row.partyCode]?.region, conventions: members[row.partyCode]?.conventions ?? [],
             target: "\(row.framework)/\(row.target)", category: row.category)
        }
        var tallies: ProgressOverview.Tallies = [:]
        for target in Set(assessments.map(\.target)) { tallies[target] = ProgressAggregation.counts(assessments: assessments, for: target) }
        return tallies
    }

    @Test("the overview counts every target's assessments in the latest cycle, by region and convention, with known counts")
    func overviewCounts() async throws {
        try await withSynergia { app in
            try await assess(app, "KE", "3", "on-track")
            try await assess(app, "SN", "3", "moving-away")
            try await assess(app, "FR", "3", "on-track")
            try await assess(app, "FR", "2", "unknown")
            try await assess(app, "KE", "3", "moving-away", cycle: "2024")

            let dto = try await Browser(app).json(ProgressOverview.Model.self, "/api/v1/progress")
            #expect(dto.cycle == "2026" && dto.cycles == ["2026", "2024"])
            let kmgbf = try #require(dto.frameworks.first { $0.code == "KMGBF" })
            #expect(kmgbf.targets.count == 23)
            let t3 = try #require(kmgbf.targets.first { $0.code == "3" })
            #expect(t3.overall == [.onTrack: 2, .movingAway: 1])
            #expect(t3.byRegion["african"] == [.onTrack: 1, .movingAway: 1])
            #expect(t3.byRegion["western-european-others"] == [.onTrack: 1])
            #expect(t3.byConvention["CBD"] == [.onTrack: 2, .movingAway: 1])
            #expect(kmgbf.targets.first { $0.code == "2" }?.overall == [.unknown: 1])
            #expect(kmgbf.targets.first { $0.code == "1" }?.overall == [:])

            let earlier = try await Browser(app).json(ProgressOverview.Model.self, "/api/v1/progress?cycle=2024")
            #expect(earlier.frameworks.first { $0.code == "KMGBF" }?.targets.first { $0.code == "3" }?.overall == [.movingAway: 1])

            let page = try await Browser(app).get("/progress")
            #expect(page.status == .ok && page.contains("<svg") && page.contains("href=\"/progress/KMGBF/3?cycle=2026\""))
            let csv = try await Browser(app).get("/progress/overview.csv")
            #expect(csv.body.contains("KMGBF,3,2026,0,2,0,0,1,0"))
        }
    }

    @Test("on generated data for 20 Parties, the aggregation equals a count of every assessment, one by one")
    func matchesHandWrittenSQL() async throws {
        try await withSynergia { app in
            let summary = try await ScaleDemoSeed.seed(on: app.db, indicators: app.synergia.indicators, partyLimit: 20)
            let national = ScaleDemoSeed.indicatorsPerParty - app.synergia.indicators.indicators.filter { $0.kind == .headline || $0.kind == .aichiGlobal }.count
            #expect(summary == .init(parties: 20, assessments: 20 * (20 + 23) * 3, values: 20 * ScaleDemoSeed.indicatorsPerParty * 30,
                                     nationalIndicators: 20 * national))
            #expect(try await NationalIndicatorModel.query(on: app.db).count() == 20 * national)
            for cycle in ScaleDemoSeed.cycles {
                let built = try await ProgressOverview.tallies(cycle: cycle, on: app.db)
                #expect(built == (try await countedOneByOne(cycle: cycle, on: app.db)))
                #expect(built.count == 43 && built.values.allSatisfy { $0.total == 20 })
            }
            // Running it again replaces the generated rows rather than adding to them.
            try await ScaleDemoSeed.seed(on: app.db, indicators: app.synergia.indicators, partyLimit: 20)
            #expect(try await ProgressAssessmentModel.query(on: app.db).count() == summary.assessments)
        }
    }

    @Test("a Party's dashboard lists every target of its conventions' frameworks by cycle, with its indicator data")
    func partyDashboard() async throws {
        try await withSynergia { app in
            try await assess(app, "KE", "3", "on-track")
            try await assess(app, "KE", "3", "insufficient-rate", cycle: "2024")
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let stats = Browser(app)
            try await stats.signIn("stats@example.org")
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,3.1,2015,11.6,percent,,,,WDPA,\nKE,3.1,2020,12.4,percent,,,,WDPA,\n"
            #expect(try await stats.post("/indicators/import", ["text": csv, "format": "plain"]).status == .ok)

            let dto = try await Browser(app).json(PartyProgress.Model.self, "/api/v1/parties/KE/progress")
            #expect(dto.cycles == ["2024", "2026"])
            #expect(dto.frameworks.map(\.code).starts(with: ["SP2011", "KMGBF"]))
            let party = try await Browser(app).json(PartyDTO.self, "/api/v1/parties/KE")
            for framework in dto.frameworks where framework.convention != "CBD" {
                #expect(party.memberships[framework.convention] == .party, "\(framework.code) is shown only to Parties of \(framework.convention)")
            }
            let t3 = try #require(dto.frameworks.first { $0.code == "KMGBF" }?.targets.first { $0.code == "3" })
            #expect(t3.assessments == ["2024": .insufficientRate, "2026": .onTrack])
            let coverage = try #require(t3.indicators.first { $0.code == "3.1" })
            #expect(coverage.values == 2 && coverage.latestPeriod == "2020" && coverage.latestValue == 12.4)

            let page = try await Browser(app).get("/parties/KE/progress")
            #expect(page.status == .ok && page.contains("id=\"framework-KMGBF\"") && page.contains("2020: 12.4"))
            #expect(try await Browser(app).get("/parties/KE").contains("href=\"/parties/KE/progress\""))
            #expect(try await Browser(app).get("/parties/XX/progress").status == .notFound)
            let partyCSV = try await Browser(app).get("/parties/KE/progress.csv")
            #expect(partyCSV.contains("KE,KMGBF,3,2024,insufficient-rate") && partyCSV.contains("KE,KMGBF,3,2026,on-track"))
        }
    }
}
