import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Advisory group: nominations, selection, regional balance")
struct AdvisoryFlowTests {
    /// Two Parties from each regional group, and a third African one.
    static let parties: [(String, String)] = [
        ("KE", "african"), ("SN", "african"), ("ZA", "african"),
        ("CN", "asia-pacific"), ("IN", "asia-pacific"),
        ("PL", "eastern-european"), ("UA", "eastern-european"),
        ("BR", "latin-american-caribbean"), ("MX", "latin-american-caribbean"),
        ("FR", "western-european-others"), ("NO", "western-european-others"),
    ]

    @Test("nominate → select under the rule: two per region, a third refused, the group complete")
    func wholeFlow() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "bureau@example.org", role: .bureau)
            for (party, _) in Self.parties {
                try await makeUser(app, email: "nfp-\(party.lowercased())@example.org", role: .focalPoint, party: party, convention: "CBD")
            }
            let bureau = Browser(app)
            try await bureau.signIn("bureau@example.org")
            let created = try await bureau.post("/advisory-group", ["title": "Informal advisory group on synergies", "deadline": "2099-12-31"])
            #expect(created.status == .seeOther)
            let callPath = try #require(created.location)

            for (party, _) in Self.parties {
                let nfp = Browser(app)
                try await nfp.signIn("nfp-\(party.lowercased())@example.org")
                let response = try await nfp.post("\(callPath)/nominations", ["candidateName": "Expert of \(party)", "expertise": "national reporting", "languages": "en,fr"])
                #expect(response.status == .seeOther, "\(party) could not nominate")
            }
            let call = try await Browser(app).json(AdvisoryCallDetailDTO.self, "/api/v1/advisory-calls/\(callPath.split(separator: "/").last!)")
            #expect(call.nominations.count == 11)
            #expect(!call.complete)
            #expect(call.balance.allSatisfy { $0.missing == 2 })
            // The Bureau was told of every nomination.
            #expect(try await NotificationModel.query(on: app.db).filter(\.$kind == .nominationReceived).count() == 11)

            let byParty = Dictionary(uniqueKeysWithValues: call.nominations.map { ($0.party, $0.id) })
            for party in ["KE", "SN", "CN", "IN", "PL", "UA", "BR", "MX", "FR", "NO"] {
                let selected = try await bureau.post("\(callPath)/nominations/\(byParty[party]!)/select", [:])
                #expect(selected.status == .seeOther, "selecting \(party)")
            }
            // A third member from the African Group is refused, with the reason, and nothing changes.
            let third = try await bureau.post("\(callPath)/nominations/\(byParty["ZA"]!)/select", [:])
            #expect(third.status == .unprocessableEntity)
            #expect(third.contains("This regional group has its two members already"))
            let after = try await Browser(app).json(AdvisoryCallDetailDTO.self, "/api/v1/advisory-calls/\(callPath.split(separator: "/").last!)")
            #expect(after.complete)
            #expect(after.balance.allSatisfy { $0.selected == 2 && $0.missing == 0 })
            #expect(after.nominations.first { $0.party == "ZA" }?.status == .nominated)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$kind == .selectionMade).count() == 10)

            // The page shows the balance and keeps observers apart.
            _ = try await bureau.post("\(callPath)/observers", ["organization": "Secretariat of the Ramsar Convention"])
            let page = try await Browser(app).get(callPath)
            #expect(page.contains("Complete: two members from each regional group."))
            #expect(page.contains("Observers from the Liaison Group (not members)"))
            #expect(page.contains("Secretariat of the Ramsar Convention"))
        }
    }

    @Test("nominations after the deadline, by a non-focal point, or to a closed call are refused; nothing changes")
    func refusedNominations() async throws {
        try await withSynergia { app in
            let bureauUser = try await makeUser(app, email: "bureau@example.org", role: .bureau)
            let nfp = try await makeUser(app, email: "nfp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let call = AdvisoryCallModel()
            call.title = "Past call"
            call.mandate = "XII/6 ¶6"
            call.deadline = Date(timeIntervalSinceNow: -86_400)
            call.closed = false
            try await call.create(on: app.db)

            await #expect(throws: Refusal("error.advisory.after-deadline")) {
                try await AdvisoryService.nominate(call: try call.requireID(), by: nfp, candidateName: "Late", expertise: "x", languages: "en", cv: "", on: app.db)
            }
            let contributor = Browser(app)
            try await contributor.signIn("contributor@example.org")
            #expect(try await contributor.post("/advisory-group/\(call.id!)/nominations", ["candidateName": "X", "expertise": "y"]).status == .forbidden)

            call.deadline = Date(timeIntervalSinceNow: 86_400)
            call.closed = true
            try await call.update(on: app.db)
            let browser = Browser(app)
            try await browser.signIn("nfp@example.org")
            let closed = try await browser.post("/advisory-group/\(call.id!)/nominations", ["candidateName": "X", "expertise": "y"])
            #expect(closed.status == .unprocessableEntity)
            #expect(closed.contains("This call for nominations is closed."))
            #expect(try await NominationModel.query(on: app.db).count() == 0)
            _ = bureauUser
        }
    }

    @Test("earlier calls stay listed")
    func earlierCalls() async throws {
        try await withSynergia { app in
            for (title, closed) in [("First call (2015)", true), ("Second call", false)] {
                let call = AdvisoryCallModel()
                call.title = title; call.mandate = "XII/6 ¶6"; call.deadline = Date(timeIntervalSinceNow: 86_400); call.closed = closed
                try await call.create(on: app.db)
            }
            let page = try await Browser(app).get("/advisory-group")
            #expect(page.contains("First call (2015)") && page.contains("Second call"))
        }
    }
}
