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
