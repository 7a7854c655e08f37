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
            let dto = try await Browser(app).json(ProgressDashboardDTO.self, "/api/v1/progress/KMGBF/3")
            #expect(dto.overall == ["on-track": 2, "insufficient-rate": 1, "moving-away": 1])
            #expect(dto.byRegion["african"] == ["on-track": 1, "insufficient-rate": 1])
            #expect(dto.byRegion["western-european-others"] == ["on-track": 1])
            #expect(dto.byRegion["asia-pacific"] == ["moving-away": 1])
            #expect(dto.byConvention["CBD"] == ["on-track": 2, "insufficient-rate": 1, "moving-away": 1])
            let parties = try await Browser(app).json(PartyListDTO.self, "/api/v1/parties?convention=RAMSAR")
            let ramsarMembers = plan.filter { entry in parties.parties.contains { $0.alpha2 == entry.0 } }.count
            #expect((dto.byConvention["RAMSAR"] ?? [:]).values.reduce(0, +) == ramsarMembers)
            #expect(dto.tiles.count == 196 && dto.tiles.first { $0.party == "CN" }?.category == "moving-away")

            let page = try await Browser(app).get("/progress/KMGBF/3")
            #expect(page.contains("<svg") && page.contains("class=\"tiles\""))
            let csv = try await Browser(app).get("/progress/KMGBF/3/assessments.csv")
            #expect(csv.body.contains("KE,african,on-track,medium"))

            let ke = Browser(app)
            try await ke.signIn("fp-ke@example.org")
            #expect(try await ke.post("/progress/KMGBF/3", ["cycle": "2026", "category": "great", "confidence": "medium"]).status == .unprocessableEntity)
            #expect(try await Browser(app).post("/progress/KMGBF/3", ["cycle": "2026", "category": "on-track", "confidence": "medium"]).status == .unauthorized)
            #expect(try await ProgressAssessmentModel.query(on: app.db).count() == 4)
            #expect(try await ke.get("/progress/KMGBF/99").status == .notFound)
        }
    }
}
