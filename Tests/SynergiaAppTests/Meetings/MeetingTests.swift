import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Meetings, workshops, registrations and documents")
struct MeetingTests {
    func makeMeetings(_ app: Application) async throws {
        try await MeetingService.create(.init(code: "SBI-1", convention: "CBD", kind: .sbi, title: "First meeting of the Subsidiary Body on Implementation",
                                              startDate: "2016-05-02", endDate: "2016-05-06", place: "Montreal, Canada"), on: app.db)
        try await MeetingService.create(.init(code: "COP-13", convention: "CBD", kind: .cop, title: "Thirteenth meeting of the Conference of the Parties",
                                              startDate: "2016-12-04", endDate: "2016-12-17", place: "Cancún, Mexico"), on: app.db)
    }

    @Test("a workshop with participants from each category, and its report transmitted to two bodies")
    func workshop() async throws {
        try await withSynergia { app in
            try await makeMeetings(app)
            try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD")
            let secretariat = Browser(app)
            try await secretariat.signIn("sec@example.org")
            let created = try await secretariat.post("/meetings", [
                "code": "WS-SYNERGIES", "convention": "CBD", "kind": "workshop", "title": "Workshop on synergies among the biodiversity-related conventions",
                "startDate": "2016-02-09", "endDate": "2016-02-12", "place": "Geneva, Switzerland", "capacity": "5"])
            #expect(created.location == "/meetings/WS-SYNERGIES")

            let people: [[String: String]] = [
                ["name": "Delegate of Kenya", "email": "ke@example.org", "category": "party-delegate", "party": "KE"],
                ["name": "CITES officer", "email": "cites@example.org", "category": "convention-secretariat", "organization": "CITES Secretariat"],
                ["name": "FAO observer", "email": "fao@example.org", "category": "observer-organization", "organization": "FAO"],
                ["name": "IPLC representative", "email": "iplc@example.org", "category": "iplc", "organization": "International Indigenous Forum on Biodiversity"],
                ["name": "Independent expert", "email": "expert@example.org", "category": "expert", "organization": "University"],
            ]
            for person in people {
                let response = try await Browser(app).post("/meetings/WS-SYNERGIES/register", person)
                #expect(response.status == .seeOther, "\(person["category"]!) could not register")
            }
            let detail = try await Browser(app).json(MeetingDetailDTO.self, "/api/v1/meetings/WS-SYNERGIES")
            #expect(detail.registeredCount == 5)
            #expect(Set(detail.participantCounts.keys) == Set(ParticipantCategory.allCases.map(\.rawValue)))

            // Full now: a sixth is refused and nothing changes.
            let sixth = try await Browser(app).post("/meetings/WS-SYNERGIES/register",
                                                   ["name": "Late", "email": "late@example.org", "category": "expert", "organization": "X"])
            #expect(sixth.status == .unprocessableEntity)
            #expect(sixth.contains("This meeting is full."))
            #expect(try await ParticipantModel.query(on: app.db).count() == 5)

            _ = try await secretariat.post("/meetings/WS-SYNERGIES/documents", ["symbol": "UNEP/CBD/SBI/1/INF/19", "title": "Report of the workshop", "languages": "en"])
            let report = try #require(try await MeetingDocumentModel.query(on: app.db).first())
            let transmitted = try await secretariat.post("/meetings/WS-SYNERGIES/documents/\(report.id!)/transmit", ["to": "SBI-1, COP-13"])
            #expect(transmitted.status == .seeOther)
            for body in ["SBI-1", "COP-13"] {
                let target = try await Browser(app).json(MeetingDetailDTO.self, "/api/v1/meetings/\(body)")
                #expect(target.documents.contains { $0.title == "Report of the workshop" && $0.transmittedFrom == "WS-SYNERGIES" }, "\(body)")
            }
            let page = try await Browser(app).get("/meetings/SBI-1")
            #expect(page.contains("Report of the workshop") && page.contains("transmitted from"))
        }
    }

    @Test("registration to a closed meeting is refused; a non-secretariat cannot create meetings; bad dates come back")
    func refusals() async throws {
        try await withSynergia { app in
            let meeting = try await MeetingService.create(.init(code: "BUREAU-1", convention: "CBD", kind: .bureau, title: "Bureau meeting",
                                                                startDate: "2026-12-01", endDate: "2026-12-01", onlineLink: "https://example.org/meet",
                                                                registrationOpen: false), on: app.db)
            let closed = try await Browser(app).post("/meetings/\(meeting.code)/register",
                                                    ["name": "A", "email": "a@example.org", "category": "expert", "organization": "X"])
            #expect(closed.status == .unprocessableEntity)
            #expect(try await ParticipantModel.query(on: app.db).count() == 0)

            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let nfp = Browser(app)
            try await nfp.signIn("fp@example.org")
            #expect(try await nfp.post("/meetings", ["code": "X-1", "convention": "CBD", "kind": "workshop", "title": "X",
                                                     "startDate": "2026-01-01", "endDate": "2026-01-02", "place": "Nairobi"]).status == .forbidden)

            try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD")
            let secretariat = Browser(app)
            try await secretariat.signIn("sec@example.org")
            let bad = try await secretariat.post("/meetings", ["code": "WS-2", "convention": "CBD", "kind": "workshop", "title": "Kept title",
                                                                "startDate": "2026-02-30", "endDate": "2026-01-01", "place": ""])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.contains("value=\"Kept title\""))
            #expect(bad.contains("id=\"startDate-error\"") && bad.contains("id=\"place-error\""))
            #expect(try await MeetingModel.query(on: app.db).count() == 1)
        }
    }

    @Test("every meeting has an iCalendar file, and there is a feed of all")
    func iCalendar() async throws {
        try await withSynergia { app in
            try await makeMeetings(app)
            let one = try await Browser(app).get("/meetings/COP-13/calendar.ics")
            #expect(one.headers.contentType?.subType == "calendar")
            #expect(one.body.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(one.contains("DTSTART;VALUE=DATE:20161204"))
            #expect(one.contains("DTEND;VALUE=DATE:20161218"), "the end of an all-day event is the day after")
            let feed = try await Browser(app).get("/calendar.ics")
            #expect(feed.body.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
        }
    }

    @Test("an invitation is queued as a notification")
    func invitation() async throws {
        try await withSynergia { app in
            try await makeMeetings(app)
            try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD")
            let secretariat = Browser(app)
            try await secretariat.signIn("sec@example.org")
            let invited = try await secretariat.post("/meetings/SBI-1/invitations", ["name": "Delegate", "email": "d@example.org", "category": "party-delegate", "party": "FR"])
            #expect(invited.status == .seeOther)
            let notification = try await NotificationModel.query(on: app.db).filter(\.$kind == .invitation).first()
            #expect(notification?.recipient == "d@example.org" && notification?.status == .queued)
            // The invitee then registers; the invitation becomes a registration.
            #expect(try await Browser(app).post("/meetings/SBI-1/register", ["name": "Delegate", "email": "d@example.org", "category": "party-delegate", "party": "FR"]).status == .seeOther)
            #expect(try await ParticipantModel.query(on: app.db).first()?.status == .registered)
        }
    }
}
