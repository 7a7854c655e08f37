import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// What is internal stays internal, and who may change a Party's public record is the Party's
/// focal point for that framework's convention.
@Suite("Internal notes and the Party's public record")
struct InternalNotesTests {
    @Test("a published report shows no comments, assignments or reviewers to the public, and takes no new ones")
    func publishedReportHidesNotes() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            let path = "/reports/\(report.id!)"
            #expect(try await focalPoint.post("\(path)/comments/cbd-7nr.s1.q2", ["text": "INTERNAL: minister disagrees"]).status == .seeOther)
            #expect(try await focalPoint.post("\(path)/assignments", ["section": "cbd-7nr.s1", "assignee": "contributor@example.org"]).status == .seeOther)
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in ["in-review", "approved", "submitted"] { #expect(try await focalPoint.post("\(path)/transition", ["to": step]).status == .seeOther) }
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.post("\(path)/transition", ["to": "published"]).status == .seeOther)

            for page in [try await Browser(app).get(path), try await Browser(app).get("/api/v1\(path)"), try await Browser(app).get("\(path)/print")] {
                #expect(page.status == .ok)
                #expect(!page.contains("minister disagrees") && !page.contains("contributor@example.org"))
            }
            #expect(try await focalPoint.get(path).contains("minister disagrees"), "those preparing it still see their notes")
            // Publication freezes them.
            #expect(try await focalPoint.post("\(path)/comments/cbd-7nr.s1.q2", ["text": "late note"]).status == .unprocessableEntity)
            #expect(try await focalPoint.post("\(path)/assignments", ["section": "cbd-7nr.s2", "assignee": "contributor@example.org"]).status
                    == .unprocessableEntity)
        }
    }

    @Test("a contributor, or the focal point of another convention, cannot change a Party's published assessment")
    func assessmentAuthority() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            try await makeUser(app, email: "fp-ramsar@example.org", role: .focalPoint, party: "KE", convention: "RAMSAR")
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let body = #"{"cycle":"2026","category":"on-track","confidence":"high"}"#
            for email in ["contributor@example.org", "fp-ramsar@example.org"] {
                let client = try await APIClient.forUser(app, email)
                #expect(try await client.send(.POST, "/api/v1/progress/KMGBF/1", json: body).status == .forbidden, "\(email)")
            }
            #expect(try await ProgressAssessmentModel.query(on: app.db).count() == 0)
            let focalPoint = try await APIClient.forUser(app, "fp@example.org")
            #expect(try await focalPoint.send(.POST, "/api/v1/progress/KMGBF/1", json: body).status == .ok)
            let entry = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$action == "progress.assessed").first())
            #expect(entry.actor == "fp@example.org" && entry.stateHash != nil)
            // The Ramsar focal point states Kenya's assessments of the Ramsar plan.
            let ramsar = try await APIClient.forUser(app, "fp-ramsar@example.org")
            #expect(try await ramsar.send(.POST, "/api/v1/progress/RAMSAR-SP4/1", json: body).status == .ok)
        }
    }

    @Test("a nominee's CV is for the Bureau and the nominating Party; the public sees no CV and no unselected name")
    func nomineePrivacy() async throws {
        try await withSynergia { app in
            let bureau = try await makeUser(app, email: "bureau@example.org", role: .bureau)
            let focalPoint = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let call = try await AdvisoryService.createCall(title: "Advisory group", mandate: "XII/6", deadline: Date(timeIntervalSinceNow: 86_400),
                                                            by: bureau, on: app.db)
            try await AdvisoryService.nominate(call: try call.requireID(), by: focalPoint, candidateName: "Dr. Wanjiru", expertise: "wetlands",
                                               languages: "en", cv: "Born 1970, home address …", on: app.db)
            let publicDetail = try await Browser(app).get("/api/v1/advisory-calls/\(call.id!)")
            #expect(!publicDetail.contains("Born 1970") && !publicDetail.contains("Wanjiru"))
            let reader = Browser(app)
            try await reader.signIn("bureau@example.org")
            #expect(try await reader.get("/api/v1/advisory-calls/\(call.id!)").contains("Born 1970"))
            #expect(!(try await Browser(app).get("/api/v1/crosswalks").contains("@")), "no staff address in the crosswalks")
        }
    }

    @Test("a secretariat cannot transmit a document into another convention's meeting")
    func transmitAcrossConventions() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let workshop = try await MeetingService.create(.init(code: "WS-1", convention: "CBD", kind: .workshop, title: "Workshop",
                                                                 startDate: "2027-01-10", endDate: "2027-01-11", place: "Bonn"), on: app.db)
            let ramsar = try await MeetingService.create(.init(code: "RAMSAR-SC-1", convention: "RAMSAR", kind: .bureau, title: "Standing Committee",
                                                               startDate: "2027-02-10", endDate: "2027-02-11", place: "Gland"), on: app.db)
            let document = try await MeetingService.addDocument(to: workshop, symbol: "WS/1/2", title: "Report", languages: ["en"], link: nil, on: app.db)
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            let refused = try await secretariat.post("/meetings/WS-1/documents/\(document.id!)/transmit", ["to": ramsar.code])
            #expect(refused.status == .forbidden)
            #expect(try await DocumentTransmissionModel.query(on: app.db).count() == 0)
        }
    }
}

/// What changes a Party's public record, and what a token may do.
@Suite("The Party's public record and the reach of a token")
struct PublicRecordTests {
    @Test("a contributor's import is refused: imported data is public at once, so only the Party's focal points import")
    func contributorImport() async throws {
        try await withSynergia { app in
            let contributor = try await APIClient.forNewUser(app, "stats@example.org", role: .contributor, party: "KE")
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,3.1,2020,12.4,percent,,,,WDPA,\n"
            #expect(try await contributor.send(.POST, "/api/v1/indicators/import", csv: csv).status == .forbidden)
            #expect(try await IndicatorValueModel.query(on: app.db).count() == 0)
        }
    }

    @Test("once a report is approved, a contributor's change is refused; the focal point's is not")
    func approvedReport() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let focalPoint = Browser(app), contributor = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            try await contributor.signIn("contributor@example.org")
            let path = "/reports/\(report.id!)"
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in ["in-review", "approved"] { #expect(try await focalPoint.post("\(path)/transition", ["to": step]).status == .seeOther) }
            #expect(try await contributor.post("\(path)/answers/cbd-7nr.s1.q6", ["value": "late change", "baseVersion": "0"]).status == .forbidden)
            #expect(try await focalPoint.post("\(path)/answers/cbd-7nr.s1.q6", ["value": "last fix", "baseVersion": "0"]).status == .seeOther)
        }
    }

    @Test("an older version published after a newer one leaves the newer one's indicator data public")
    func olderVersionPublishedLater() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            let templates = app.synergia.templates
            let template = try templates.template("cbd-7nr")
            _ = try await ReportingService.save(.indicatorSeries([SeriesPoint(period: "2020", value: 0.5)]), question: "cbd-7nr.s3.q3",
                                                baseVersion: 0, report: report.id!, template: template, by: focalPoint, on: app.db)
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in [ReportStatus.inReview, .approved, .submitted] {
                try await ReportingService.transition(report.id!, to: step, templates: templates, by: focalPoint, on: app.db)
            }
            let v2 = try await ReportVersionService.amend(report.id!, templates: templates, by: focalPoint, on: app.db)
            let question = try #require(template.question("cbd-7nr.s3.q3"))
            let current = try #require(try await ReportingService.answer(to: question, of: v2, on: app.db))
            _ = try await ReportingService.save(.indicatorSeries([SeriesPoint(period: "2020", value: 0.7)]), question: "cbd-7nr.s3.q3",
                                                baseVersion: current.revision.version, report: v2.id!, template: template, by: focalPoint, on: app.db)
            for step in [ReportStatus.inReview, .approved, .submitted] {
                try await ReportingService.transition(v2.id!, to: step, templates: templates, by: focalPoint, on: app.db)
            }
            try await ReportingService.transition(v2.id!, to: .published, templates: templates, by: secretariat, on: app.db)
            try await ReportingService.transition(report.id!, to: .published, templates: templates, by: secretariat, on: app.db)
            let published = try await IndicatorValueModel.query(on: app.db).filter(\.$indicator == "A.3").all()
            #expect(published.map(\.value) == [0.7])
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
        }
    }

    @Test("an API token does not stand in for a signed-in person on the pages")
    func tokenOnPages() async throws {
        try await withSynergia { app in
            let admin = try await APIClient.forNewUser(app, "admin@example.org", role: .administrator)
            let browser = Browser(app)
            _ = try await browser.get("/sign-in")
            let page = try await browser.post("/admin/users", ["email": "new@example.org", "password": "a long password", "role": "administrator"],
                                              headers: ["Authorization": "Bearer \(admin.token!)"])
            #expect(page.status == .unauthorized)
            #expect(try await UserModel.query(on: app.db).filter(\.$email == "new@example.org").count() == 0)
        }
    }

    @Test("what a signed-in person sees is never kept by a cache")
    func noStore() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.get("/reports/\(report.id!)").headers.first(name: .cacheControl) == "no-store")
            #expect(try await Browser(app).get("/conventions").headers.first(name: .cacheControl) != "no-store")
        }
    }

    @Test("two people saving the follow-up of one action item at once: the second is told, nothing is lost")
    func actionItemConflict() async throws {
        try await withSynergia(demo: true) { app in
            try await DemoSeed.importShippedDecisions(on: app.db)
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let item = try #require(try await ActionItemModel.query(on: app.db).first())
            let one = Browser(app), two = Browser(app)
            try await one.signIn("cbd@example.org")
            try await two.signIn("cbd@example.org")
            #expect(try await one.post("/action-items/\(item.id!)", ["status": "in-progress", "notes": "first", "version": "0"]).status == .seeOther)
            #expect(try await two.post("/action-items/\(item.id!)", ["status": "done", "notes": "second", "version": "0"]).status == .conflict)
            let stored = try #require(try await ActionItemModel.find(item.id, on: app.db))
            #expect(stored.notes == "first" && stored.version == 1)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "action-item.followed-up").count() == 1)
        }
    }
}
