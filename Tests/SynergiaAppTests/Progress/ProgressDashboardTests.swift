import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Progress toward the targets")
struct ProgressDashboardTests {
    @Test("assessments aggregate by regional group and by convention with known counts; tiles coloured; refusals change nothing")
    func dashboard() async throws {
        try await withSynergia { app in
            let plan: [(String, String)] = [("KE", "on-track"), ("SN", "insufficient-rate"), ("FR", "on-track"), ("CN", "moving-away")]
            for (party, category) in plan {
                try await makeUser(app, email: "fp-\(party.lowercased())@example.org", role: .focalPoint, party: party, convention: "CBD")
                let browser = Browser(app)
                try await browser.signIn("fp-\(party.lowercased())@example.org")
                let saved = try await browser.post("/progress/KMGBF/3", ["cycle": "2026", "category": category, "confidence": "medium",
                                                                         "evidence": "Indicator 3.1"])
                #expect(saved.status == .seeOther, "\(party)")
            }
            let dto = try await Browser(app).json(TargetDashboard.Model.self, "/api/v1/progress/KMGBF/3")
            #expect(dto.overall == [.onTrack: 2, .insufficientRate: 1, .movingAway: 1])
            #expect(dto.byRegion["african"] == [.onTrack: 1, .insufficientRate: 1])
            #expect(dto.byRegion["western-european-others"] == [.onTrack: 1])
            #expect(dto.byRegion["asia-pacific"] == [.movingAway: 1])
            #expect(dto.byConvention["CBD"] == [.onTrack: 2, .insufficientRate: 1, .movingAway: 1])
            let parties = try await Browser(app).json(PartyListDTO.self, "/api/v1/parties?convention=RAMSAR")
            let ramsarMembers = plan.filter { entry in parties.parties.contains { $0.alpha2 == entry.0 } }.count
            #expect((dto.byConvention["RAMSAR"] ?? [:]).values.reduce(0, +) == ramsarMembers)
            #expect(dto.tiles.count == 196 && dto.tiles.first { $0.party == "CN" }?.category == .movingAway)

            let page = try await Browser(app).get("/progress/KMGBF/3")
            #expect(page.contains("<svg") && page.contains("class=\"tiles\""))
            let csv = try await Browser(app).get("/progress/KMGBF/3/assessments.csv")
            #expect(csv.body.contains("KE,african,on-track,medium"))

            let ke = Browser(app)
            try await ke.signIn("fp-ke@example.org")
            #expect(try await ke.post("/progress/KMGBF/3", ["cycle": "2026", "category": "great", "confidence": "medium"]).status == .unprocessableEntity)
            for cycle in ["9999", "7NR", "~", ""] {
                #expect(try await ke.post("/progress/KMGBF/3", ["cycle": cycle, "category": "on-track", "confidence": "medium"]).status == .unprocessableEntity,
                        "cycle \(cycle) is not a year")
            }
            #expect(try await Browser(app).post("/progress/KMGBF/3", ["cycle": "2026", "category": "on-track", "confidence": "medium"]).status == .unauthorized)
            #expect(try await ProgressAssessmentModel.query(on: app.db).count() == 4)
            #expect(try await ke.get("/progress/KMGBF/99").status == .notFound)
        }
    }

    @Test("the form suggests a category from the Party's indicator data against the goal the target sets, and says how")
    func suggestion() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let csv = """
            party,indicator,period,value,unit,lower,upper,disaggregation,source,comment
            KE,3.1,2010,11.0,percent,,,,WDPA,
            KE,3.1,2015,11.6,percent,,,,WDPA,
            KE,3.1,2020,12.4,percent,,,,WDPA,
            """
            #expect(try await browser.post("/indicators/import", ["text": csv, "format": "plain"]).status == .ok)
            let dto = try await Browser(app).json(TargetDashboard.Model.self, "/api/v1/progress/KMGBF/3?party=KE")
            let suggestion = try #require(dto.suggestions.first)
            #expect(suggestion.indicator == "3.1" && suggestion.goalValue == 30 && suggestion.goalYear == 2030 && suggestion.points == 3)
            #expect(suggestion.category == .insufficientRate, "12.4 % rising 0.14 points a year does not reach 30 % by 2030")
            #expect(suggestion.explanation.contains("2030"))
            let page = try await browser.get("/progress/KMGBF/3")
            #expect(page.contains("id=\"suggestion-3.1\"") && page.contains("<option value=\"insufficient-rate\" selected"))
            #expect(try await Browser(app).json(TargetDashboard.Model.self, "/api/v1/progress/KMGBF/3").suggestions.isEmpty)
            #expect(try await Browser(app).json(TargetDashboard.Model.self, "/api/v1/progress/KMGBF/1?party=KE").suggestions.isEmpty,
                    "no indicator of target 1 has a goal stated by the target")
        }
    }
}
