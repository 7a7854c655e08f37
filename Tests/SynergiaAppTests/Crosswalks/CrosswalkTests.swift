import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Target crosswalks")
struct CrosswalkTests {
    @Test("shipped links are listed with sources; a secretariat adds and removes links; bad links are refused and change nothing")
    func editing() async throws {
        try await withSynergia { app in
            let shipped = try await Browser(app).json([TargetLinkDTO].self, "/api/v1/crosswalks")
            #expect(shipped.count == (try CrosswalkFile.load()).links.count)
            #expect(shipped.contains { $0.from == "RAMSAR-SP4/9" && $0.to == "KMGBF/1" && $0.sourceURL != nil })
            let page = try await Browser(app).get("/crosswalks?target=KMGBF/1")
            #expect(page.contains("RAMSAR-SP4") && !page.contains("action=\"/crosswalks\""), "the public reads, does not edit")

            try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            try await makeUser(app, email: "cites@example.org", role: .secretariat, convention: "CITES")
            let ramsar = Browser(app)
            try await ramsar.signIn("ramsar@example.org")
            let good = ["fromFramework": "RAMSAR-SP4", "fromCode": "11", "toFramework": "KMGBF", "toCode": "11", "relation": "contributesTo",
                        "sourceTitle": "Resolution XIV.4, annex 2 (test)", "sourceURL": "https://www.ramsar.org/", "quote": ""]
            #expect(try await ramsar.post("/crosswalks", good).status == .seeOther)
            let count = try await TargetLinkModel.query(on: app.db).count()
            #expect(count == shipped.count + 1)

            var bad: [(String, [String: String], HTTPStatus)] = []
            bad.append(("duplicate", good, .unprocessableEntity))
            bad.append(("same framework", good.merging(["toFramework": "RAMSAR-SP4", "toCode": "12"]) { $1 }, .unprocessableEntity))
            bad.append(("unknown target", good.merging(["toCode": "99"]) { $1 }, .unprocessableEntity))
            bad.append(("no source", good.merging(["toCode": "12", "sourceTitle": " "]) { $1 }, .unprocessableEntity))
            bad.append(("bad relation", good.merging(["toCode": "12", "relation": "likes"]) { $1 }, .unprocessableEntity))
            for (label, fields, status) in bad {
                #expect(try await ramsar.post("/crosswalks", fields).status == status, "\(label)")
            }
            let cites = Browser(app)
            try await cites.signIn("cites@example.org")
            #expect(try await cites.post("/crosswalks", good.merging(["toCode": "12"]) { $1 }).status == .forbidden,
                    "a CITES secretariat does not edit links between Ramsar and GBF targets")
            #expect(try await TargetLinkModel.query(on: app.db).count() == count)

            let added = try #require(try await TargetLinkModel.query(on: app.db).filter(\.$fromCode == "11").filter(\.$fromFramework == "RAMSAR-SP4").first())
            #expect(try await cites.post("/crosswalks/\(added.id!)/delete", [:]).status == .forbidden)
            #expect(try await ramsar.post("/crosswalks/\(added.id!)/delete", [:]).status == .seeOther)
            #expect(try await TargetLinkModel.query(on: app.db).count() == shipped.count)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action ~~ ["crosswalk.added", "crosswalk.removed"]).count() == 2)
        }
    }

    @Test("a question on a target shows the linked targets and the Party's answers to them in its other conventions' reports")
    func linkedAnswersInReports() async throws {
        try await withSynergia { app in
            let cbdSecretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let ramsarSecretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            let cbdFocalPoint = try await makeUser(app, email: "fp-cbd@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let ramsarFocalPoint = try await makeUser(app, email: "fp-ramsar@example.org", role: .focalPoint, party: "KE", convention: "RAMSAR")
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let cbd = try await startReport(app, template: "cbd-7nr", openedBy: cbdSecretariat, startedBy: cbdFocalPoint)
            let ramsar = try await startReport(app, template: "ramsar-nr-cop15", openedBy: ramsarSecretariat, startedBy: ramsarFocalPoint)
            let cbdUser = Browser(app)
            try await cbdUser.signIn("fp-cbd@example.org")
            #expect(try await cbdUser.post("/reports/\(cbd.id!)/answers/cbd-7nr.s2.q2",
                                           ["value": "Spatial plans cover 40% of the land.", "baseVersion": "0"]).status == .seeOther)

            // A contributor of Kenya reads both drafts: the Ramsar question on Ramsar target 9 shows GBF target 1 and the CBD answer.
            let contributor = Browser(app)
            try await contributor.signIn("contributor@example.org")
            let page = try await contributor.get("/reports/\(ramsar.id!)")
            #expect(page.status == .ok)
            #expect(page.contains("class=\"linked\"") && page.contains("Spatial plans cover 40% of the land."))
            #expect(page.contains("href=\"/reports/\(cbd.id!)#q-cbd-7nr.s2.q2\""))
            // Ramsar target 9 has two questions in one section (progress, actions): its linked targets and answers show once, under the first.
            #expect(page.body.components(separatedBy: "Spatial plans cover 40% of the land.").count == 2)
            let second = try #require(page.body.range(of: "id=\"q-ramsar-nr.s4.q18\""))
            let secondQuestion = String(page.body[second.upperBound...]).components(separatedBy: "class=\"question").first ?? ""
            #expect(!secondQuestion.contains("class=\"linked\""), "not again under the second question")

            // Ramsar's focal point may not read Kenya's CBD draft, so sees the link but not the draft's answer.
            let ramsarUser = Browser(app)
            try await ramsarUser.signIn("fp-ramsar@example.org")
            let own = try await ramsarUser.get("/reports/\(ramsar.id!)")
            #expect(own.contains("class=\"linked\"") && !own.contains("Spatial plans cover 40% of the land."))
        }
    }
}
