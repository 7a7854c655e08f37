import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Harmonized reporting: answered once, reused everywhere")
struct ReportingFlowTests {
    /// CBD and Ramsar cycles open, Kenya's focal points for both, a contributor and both secretariats.
    func setUp(_ app: Application) async throws -> (cbd: ReportModel, ramsar: ReportModel) {
        let cbdSecretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
        let ramsarSecretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
        let cbdFocalPoint = try await makeUser(app, email: "fp-cbd@example.org", role: .focalPoint, party: "KE", convention: "CBD")
        let ramsarFocalPoint = try await makeUser(app, email: "fp-ramsar@example.org", role: .focalPoint, party: "KE", convention: "RAMSAR")
        try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
        let templates = app.synergia.templates
        let cbdCycle = try await ReportingService.openCycle(template: try templates.template("cbd-7nr"), title: "", opensOn: "2026-01-01",
                                                            dueOn: "2026-12-31", by: cbdSecretariat, on: app.db)
        let ramsarCycle = try await ReportingService.openCycle(template: try templates.template("ramsar-nr-cop15"), title: "", opensOn: "2026-01-01",
                                                               dueOn: "2026-12-31", by: ramsarSecretariat, on: app.db)
        let cbd = try await ReportingService.startReport(cycle: try cbdCycle.requireID(), by: cbdFocalPoint, on: app.db)
        let ramsar = try await ReportingService.startReport(cycle: try ramsarCycle.requireID(), by: ramsarFocalPoint, on: app.db)
        return (cbd, ramsar)
    }

    @Test("an answer to a question CBD and Ramsar share appears in the Ramsar report, marked as reused")
    func reuseAcrossConventions() async throws {
        try await withSynergia { app in
            let (cbd, ramsar) = try await setUp(app)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$kind == .cycleOpening).count() == 2)
            let browser = Browser(app)
            try await browser.signIn("fp-cbd@example.org")
            let saved = try await browser.post("/reports/\(cbd.id!)/answers/cbd-7nr.s3.q2", ["value": "3 560", "baseVersion": "0"])
            #expect(saved.status == .seeOther)

            let ramsarPage = try await browser.get("/reports/\(ramsar.id!)")
            #expect(ramsarPage.status == .forbidden, "a CBD focal point does not read Kenya's Ramsar draft")
            let ramsarFocalPoint = Browser(app)
            try await ramsarFocalPoint.signIn("fp-ramsar@example.org")
            let page = try await ramsarFocalPoint.get("/reports/\(ramsar.id!)")
            #expect(page.contains("id=\"q-ramsar-nr.s3.q1\""))
            #expect(page.contains("3560"))
            #expect(page.contains("class=\"reused\""))
            let json = try await ramsarFocalPoint.json(ReportPage.Model.self, "/api/v1/reports/\(ramsar.id!)")
            let wetlands = try #require(json.answers.first { $0.question == "ramsar-nr.s3.q1" })
            #expect(wetlands.value == .number(3560) && wetlands.reusedFrom == cbd.id && wetlands.element == "wetland-area")

            // Changed in the Ramsar report, it changes in the CBD report too, with history.
            #expect(try await ramsarFocalPoint.post("/reports/\(ramsar.id!)/answers/ramsar-nr.s3.q1",
                                                    ["value": "3600", "baseVersion": "\(wetlands.version)"]).status == .seeOther)
            let cbdJSON = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(cbd.id!)")
            #expect(cbdJSON.answers.first { $0.question == "cbd-7nr.s3.q2" }?.value == .number(3600))
            #expect(try await AnswerHistoryModel.query(on: app.db).filter(\.$elementID == "wetland-area").count() == 2)

            // The synergy page counts it for those who may read the drafts: shown in both reports, reused in one.
            // The public counts published reports only, so it sees nothing of Kenya's drafts.
            let hidden = try #require(try await Browser(app).json(Synergy.Model.self, "/api/v1/synergy/KE").elements.first { $0.id == "wetland-area" })
            #expect(hidden.partiesWithValue == 0 && hidden.answersFilled == 0)
            let contributor = Browser(app)
            try await contributor.signIn("contributor@example.org")
            let synergy = try await contributor.json(Synergy.Model.self, "/api/v1/synergy/KE")
            let wetland = try #require(synergy.elements.first { $0.id == "wetland-area" })
            #expect(Set(wetland.conventions).isSuperset(of: ["CBD", "RAMSAR"]))
            #expect(wetland.partiesWithValue == 1 && wetland.answersFilled == 2 && wetland.answersReused == 1)
            #expect(try await Browser(app).get("/synergy").contains("id=\"element-wetland-area\""))
        }
    }

    @Test("a save through the API that leaves an answer given in another report answers as the report's JSON shows it, with where it came from")
    func reusedAnswerThroughTheAPI() async throws {
        try await withSynergia { app in
            let (cbd, ramsar) = try await setUp(app)
            // Kenya's contributor works on both reports.
            let client = try await APIClient.forUser(app, "contributor@example.org")
            #expect(try await client.send(.PUT, "/api/v1/reports/\(cbd.id!)/answers/cbd-7nr.s3.q2",
                                          json: #"{"value":{"type":"number","value":3560},"baseVersion":0}"#).status == .ok)
            // The same save again, from the Ramsar report's form opened before it: nothing changes, and
            // the answer still says it was given in the CBD report.
            let reply = try await client.send(.PUT, "/api/v1/reports/\(ramsar.id!)/answers/ramsar-nr.s3.q1",
                                              json: #"{"value":{"type":"number","value":3560},"baseVersion":0}"#)
            #expect(reply.status == .ok)
            let saved = try reply.json(ReportPage.Model.Answer.self)
            let read = try #require(try await client.send(.GET, "/api/v1/reports/\(ramsar.id!)").json(ReportPage.Model.self)
                .answers.first { $0.question == "ramsar-nr.s3.q1" })
            #expect(saved.version == 1 && saved.reusedFrom == cbd.id)
            #expect(saved.reusedFromTitle != nil && saved.reusedFromTitle == read.reusedFromTitle)
            let sorted = JSONEncoder()
            sorted.outputFormatting = .sortedKeys
            #expect(try sorted.encode(saved) == sorted.encode(read))
        }
    }

    @Test("a detached question keeps its own value")
    func detach() async throws {
        try await withSynergia { app in
            let (cbd, ramsar) = try await setUp(app)
            let cbdUser = Browser(app)
            try await cbdUser.signIn("fp-cbd@example.org")
            _ = try await cbdUser.post("/reports/\(cbd.id!)/answers/cbd-7nr.s1.q1", ["value": "Ministry of Environment", "baseVersion": "0"])
            let ramsarUser = Browser(app)
            try await ramsarUser.signIn("fp-ramsar@example.org")
            #expect(try await ramsarUser.post("/reports/\(ramsar.id!)/answers/ramsar-nr.s1.q1/detach", [:]).status == .seeOther)
            let detached = try await ramsarUser.json(ReportPage.Model.self, "/api/v1/reports/\(ramsar.id!)")
            let answer = try #require(detached.answers.first { $0.question == "ramsar-nr.s1.q1" })
            #expect(answer.detached && answer.value == .shortText(en("Ministry of Environment")))
            _ = try await ramsarUser.post("/reports/\(ramsar.id!)/answers/ramsar-nr.s1.q1", ["value": "Kenya Wildlife Service", "baseVersion": "\(answer.version)"])
            let cbdAfter = try await cbdUser.json(ReportPage.Model.self, "/api/v1/reports/\(cbd.id!)")
            #expect(cbdAfter.answers.first { $0.question == "cbd-7nr.s1.q1" }?.value == .shortText(en("Ministry of Environment")))
            let ramsarAfter = try await ramsarUser.json(ReportPage.Model.self, "/api/v1/reports/\(ramsar.id!)")
            #expect(ramsarAfter.answers.first { $0.question == "ramsar-nr.s1.q1" }?.value == .shortText(en("Kenya Wildlife Service")))
        }
    }

    @Test("two people editing the same answer: the later save is shown the conflict and chooses")
    func conflict() async throws {
        try await withSynergia { app in
            let (cbd, _) = try await setUp(app)
            let focalPoint = Browser(app), contributor = Browser(app)
            try await focalPoint.signIn("fp-cbd@example.org")
            try await contributor.signIn("contributor@example.org")
            // Both load version 0; the contributor saves first.
            #expect(try await contributor.post("/reports/\(cbd.id!)/answers/cbd-7nr.s4.q1", ["value": "2019-03-01", "baseVersion": "0"]).status == .seeOther)
            let clash = try await focalPoint.post("/reports/\(cbd.id!)/answers/cbd-7nr.s4.q1", ["value": "2019-04-15", "baseVersion": "0"])
            #expect(clash.status == .conflict)
            #expect(clash.contains("contributor@example.org saved this answer"))
            #expect(clash.contains("2019-03-01") && clash.contains("2019-04-15"))
            let kept = try await ReportingService.answers(of: cbd, template: try app.synergia.templates.template("cbd-7nr"), on: app.db)
            #expect(kept["cbd-7nr.s4.q1"]?.revision.value == .date("2019-03-01"), "nothing was overwritten")
            // Choosing "keep mine" resubmits against their version.
            #expect(try await focalPoint.post("/reports/\(cbd.id!)/answers/cbd-7nr.s4.q1", ["value": "2019-04-15", "baseVersion": "1"]).status == .seeOther)
        }
    }

    @Test("bad answers are refused with a reason and change nothing")
    func badAnswers() async throws {
        try await withSynergia { app in
            let (cbd, ramsar) = try await setUp(app)
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp-cbd@example.org")
            #expect(try await focalPoint.post("/reports/\(cbd.id!)/answers/cbd-7nr.s3.q2", ["value": "many", "baseVersion": "0"]).status == .unprocessableEntity)
            let choice = try await focalPoint.post("/reports/\(cbd.id!)/answers/cbd-7nr.s4.q2", ["value": "perhaps", "baseVersion": "0"])
            #expect(choice.status == .unprocessableEntity && choice.contains("Choose one of the listed options."))
            #expect(try await focalPoint.post("/reports/\(cbd.id!)/answers/cbd-7nr.s4.q1", ["value": "2019-02-30", "baseVersion": "0"]).status == .unprocessableEntity)
            // Another Party's user.
            try await makeUser(app, email: "fp-fr@example.org", role: .focalPoint, party: "FR", convention: "RAMSAR")
            let french = Browser(app)
            try await french.signIn("fp-fr@example.org")
            #expect(try await french.post("/reports/\(ramsar.id!)/answers/ramsar-nr.s3.q1", ["value": "1", "baseVersion": "0"]).status == .forbidden)
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 0)
            #expect(try await ElementValueModel.query(on: app.db).count() == 0)
        }
    }

    @Test("workflow: draft → in review → approved → submitted (receipt, locked) → published; forbidden steps refused")
    func workflow() async throws {
        try await withSynergia { app in
            let (cbd, _) = try await setUp(app)
            let focalPoint = Browser(app), contributor = Browser(app), secretariat = Browser(app)
            try await focalPoint.signIn("fp-cbd@example.org")
            try await contributor.signIn("contributor@example.org")
            try await secretariat.signIn("cbd@example.org")
            let path = "/reports/\(cbd.id!)"
            _ = try await focalPoint.post("\(path)/answers/cbd-7nr.s3.q2", ["value": "100", "baseVersion": "0"])

            #expect(try await contributor.post("\(path)/transition", ["to": "approved"]).status == .unprocessableEntity, "skipping review")
            try await fillRequiredAnswers(app, report: cbd.id!, by: "fp-cbd@example.org")
            #expect(try await contributor.post("\(path)/transition", ["to": "in-review"]).status == .seeOther)
            #expect(try await contributor.post("\(path)/transition", ["to": "approved"]).status == .unprocessableEntity, "only the focal point approves")
            #expect(try await secretariat.post("\(path)/transition", ["to": "published"]).status == .unprocessableEntity, "not submitted yet")
            #expect(try await focalPoint.post("\(path)/transition", ["to": "approved"]).status == .seeOther)
            #expect(try await focalPoint.post("\(path)/transition", ["to": "submitted"]).status == .seeOther)

            let submitted = try await focalPoint.get(path)
            #expect(submitted.contains("id=\"receipt-sha256\""))
            let report = try #require(try await ReportModel.find(cbd.id, on: app.db))
            let receipt = try #require(report.receiptSHA256)
            #expect(receipt.count == 64)
            #expect(SHA256Hex.digest(Data((report.submittedContent ?? "").utf8)) == receipt)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$kind == .reportSubmitted).count() == 1)

            let locked = try await focalPoint.post("\(path)/answers/cbd-7nr.s3.q2", ["value": "200", "baseVersion": "1"])
            #expect(locked.status == .unprocessableEntity && locked.contains("submitted and locked"))
            #expect(try await Browser(app).get(path).status == .unauthorized, "not public before publication")
            #expect(try await focalPoint.post("\(path)/transition", ["to": "published"]).status == .unprocessableEntity, "only the secretariat publishes")
            #expect(try await secretariat.post("\(path)/transition", ["to": "published"]).status == .seeOther)
            #expect(try await Browser(app).get(path).status == .ok, "published reports are public")
            let feed = try await Browser(app).get("/feeds/reports.atom")
            #expect(AtomFeedValidator.problems(in: feed.body) == [])
            #expect(feed.contains("KE:") && feed.contains(receipt))
        }
    }

    @Test("every change is in the hash-chained audit log; a tampered entry is found")
    func audit() async throws {
        try await withSynergia { app in
            let (cbd, _) = try await setUp(app)
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp-cbd@example.org")
            _ = try await focalPoint.post("/reports/\(cbd.id!)/answers/cbd-7nr.s3.q2", ["value": "100", "baseVersion": "0"])
            _ = try await focalPoint.post("/reports/\(cbd.id!)/answers/cbd-7nr.s3.q2", ["value": "120", "baseVersion": "1"])
            let entries = try await AuditEntryModel.query(on: app.db).sort(\.$sequence).all()
            #expect(entries.filter { $0.action == "answer.saved" }.count == 2)
            #expect(entries.filter { $0.action == "cycle.opened" }.count == 2 && entries.filter { $0.action == "report.started" }.count == 2)
            let last = try #require(entries.last)
            #expect(last.actor == "fp-cbd@example.org" && last.action == "answer.saved" && last.stateHash?.count == 64)
            #expect(last.before?.contains("100") == true && last.after?.contains("120") == true)
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)

            let target = entries[entries.count - 2]
            target.after = "{\"type\":\"number\",\"value\":999}"
            try await target.update(on: app.db)
            let report = try await AuditVerifier.verify(on: app.db)
            guard case .broken(let sequence, .hashMismatch) = report.chain else { Issue.record("tampering not found: \(report)"); return }
            #expect(sequence == target.sequence)
        }
    }
}

@Suite("Amendments and versions")
struct ReportAmendmentTests {
    @Test("amending a submitted report makes a new version; the two compare side by side; the submitted one is unchanged")
    func amend() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let path = "/reports/\(report.id!)"
            _ = try await browser.post("\(path)/answers/cbd-7nr.s4.q1", ["value": "2015-06-30", "baseVersion": "0"])
            #expect(try await browser.post("\(path)/amend", [:]).status == .unprocessableEntity, "a draft is not amended")
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in ["in-review", "approved", "submitted"] { _ = try await browser.post("\(path)/transition", ["to": step]) }

            let amended = try await browser.post("\(path)/amend", [:])
            let newPath = try #require(amended.location)
            #expect(newPath != path)
            let second = try await browser.json(ReportPage.Model.self, "/api/v1\(newPath)")
            #expect(second.version == 2 && second.status == .draft)
            // Carried over as last changed, not changed now: nobody sees the whole report "changed since your last visit" or "being edited".
            let originals = Dictionary(try await AnswerModel.query(on: app.db).filter(\.$report.$id == report.id!).all().map { ($0.questionID, $0.updatedAt) },
                                       uniquingKeysWith: { a, _ in a })
            let copies = try await AnswerModel.query(on: app.db).filter(\.$report.$id == second.id).all()
            #expect(!copies.isEmpty && copies.allSatisfy { $0.updatedAt != nil && originals[$0.questionID] == $0.updatedAt })
            #expect(second.answers.allSatisfy { !$0.beingEdited && !$0.changedSinceVisit })
            _ = try await browser.post("\(newPath)/answers/cbd-7nr.s4.q1", ["value": "2016-01-31", "baseVersion": "1"])

            let compare = try await browser.get("\(newPath)/compare?with=\(report.id!)")
            #expect(compare.status == .ok)
            #expect(compare.contains("2015-06-30") && compare.contains("2016-01-31") && compare.contains("class=\"changed\""))
            let first = try #require(try await ReportModel.find(report.id, on: app.db))
            #expect(first.status == .submitted && first.receiptSHA256 != nil)
            #expect(first.submittedContent?.contains("2015-06-30") == true, "the submitted version keeps what was submitted")
            let firstPage = try await browser.json(ReportPage.Model.self, "/api/v1\(path)")
            #expect(firstPage.answers.first { $0.question == "cbd-7nr.s4.q1" }?.value == .date("2015-06-30"))
            #expect(try await browser.post("\(path)/amend", [:]).status == .unprocessableEntity, "only the latest version is amended")
        }
    }
}

@Suite("Preparing a report together")
struct ReportCollaborationTests {
    @Test("the focal point assigns a section to a contributor; people comment on questions; completeness per section")
    func assignAndComment() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await makeUser(app, email: "stats@example.org", role: .contributor, party: "KE")
            try await makeUser(app, email: "other@example.org", role: .contributor, party: "FR")
            let path = "/reports/\(report.id!)"
            let focalPoint = Browser(app), contributor = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            try await contributor.signIn("stats@example.org")
            let section = try app.synergia.templates.template("cbd-7nr").sections[2].id
            #expect(try await focalPoint.post("\(path)/assignments", ["section": section, "assignee": "other@example.org"]).status == .unprocessableEntity)
            #expect(try await contributor.post("\(path)/assignments", ["section": section, "assignee": "stats@example.org"]).status == .forbidden)
            #expect(try await focalPoint.post("\(path)/assignments", ["section": section, "assignee": "stats@example.org"]).status == .seeOther)
            #expect(try await contributor.post("\(path)/comments/cbd-7nr.s3.q2", ["text": "Source: national wetland inventory 2024"]).status == .seeOther)
            let page = try await focalPoint.get(path)
            #expect(page.contains("assigned to stats@example.org"))
            #expect(page.contains("Source: national wetland inventory 2024"))
            #expect(page.contains("required questions answered"))
            #expect(try await Browser(app).post("\(path)/comments/cbd-7nr.s3.q2", ["text": "x"]).status == .unauthorized)
            // A section's comments have a page of their own, linked from the section; its form names the question in the body,
            // and the comment then shows under its question, on its section's page.
            #expect(page.contains("href=\"\(path)/sections/cbd-7nr.s3/comments\""))
            let comments = try await contributor.get("\(path)/sections/cbd-7nr.s3/comments?question=cbd-7nr.s3.q1")
            #expect(comments.contains("action=\"\(path)/comments\"") && comments.contains("<option value=\"cbd-7nr.s3.q1\" selected>"))
            #expect(comments.contains("Source: national wetland inventory 2024"), "the section's comments so far")
            let commented = try await contributor.post("\(path)/comments", ["question": "cbd-7nr.s3.q1", "text": "Ask the forestry department"])
            #expect(commented.location == "\(path)/sections/cbd-7nr.s3#q-cbd-7nr.s3.q1")
            #expect(try await focalPoint.get(path).contains("Ask the forestry department"))
            #expect(try await contributor.get("\(path)/sections/cbd-7nr.s3").contains("Ask the forestry department"))
            // A question of another section, or none, is simply not chosen.
            #expect(!(try await contributor.get("\(path)/sections/cbd-7nr.s3/comments?question=cbd-7nr.s1.q1\"><script>")).contains(" selected>"))
            #expect(try await contributor.get("\(path)/sections/nope/comments").status == .notFound)
            let anonymous = try await Browser(app).get("\(path)/sections/cbd-7nr.s3/comments")
            #expect(anonymous.status != .ok && !anonymous.contains("national wetland inventory"), "a draft's comments are not public")
            #expect(try await contributor.post("\(path)/comments", ["question": "no-such-question", "text": "x"]).status == .notFound)
        }
    }
}
