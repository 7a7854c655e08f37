import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor

/// Rules that count (two members per regional group, a meeting's capacity, five sign-in tries)
/// hold when the requests that test them arrive together.
@Suite("Simultaneous requests: the rules that count still hold")
struct SimultaneousRulesTests {
    @Test("three Bureau members select three African nominees at once: two are selected, one is refused")
    func selectionRace() async throws {
        try await withSynergia { app in
            let call = AdvisoryCallModel()
            call.title = "Informal advisory group"
            call.mandate = "XII/6 ¶6"
            call.deadline = Date(timeIntervalSinceNow: 86_400)
            call.closed = false
            try await call.create(on: app.db)
            var nominations: [UUID] = []
            for party in ["KE", "NG", "ZA"] {
                let focalPoint = try await makeUser(app, email: "fp-\(party.lowercased())@example.org", role: .focalPoint, party: party, convention: "CBD")
                nominations.append(try await AdvisoryService.nominate(call: call.requireID(), by: focalPoint, candidateName: "Expert of \(party)",
                                                                      expertise: "wetlands", languages: "en", cv: "", on: app.db).requireID())
            }
            for n in 1...3 { try await makeUser(app, email: "bureau\(n)@example.org", role: .bureau) }
            let candidates = nominations
            try await LiveServer.with(app) { server in
                let members = (1...3).map { _ in server.client() }
                for (n, member) in members.enumerated() { try await member.signIn("bureau\(n + 1)@example.org") }
                let results = try await simultaneously(3) { index in
                    try await members[index].post("/advisory-group/\(call.id!)/nominations/\(candidates[index])/select", [:]).status
                }
                #expect(results.filter { $0 == .seeOther }.count == 2 && results.filter { $0 == .unprocessableEntity }.count == 1, "\(results)")
            }
            #expect(try await NominationModel.query(on: app.db).filter(\.$status == .selected).count() == 2)
        }
    }

    @Test("twenty people register at once for a meeting with five places: five are registered")
    func registrationRush() async throws {
        try await withSynergia { app in
            let meeting = try await MeetingService.create(.init(code: "WS-RUSH", convention: "CBD", kind: .workshop, title: "Workshop",
                                                                startDate: "2027-03-01", endDate: "2027-03-02", place: "Nairobi", capacity: 5),
                                                          on: app.db)
            try await LiveServer.with(app) { server in
                let results = try await simultaneously(20) { index in
                    try await server.client().post("/meetings/\(meeting.code)/register", [
                        "name": "Participant \(index)", "email": "p\(index)@example.org", "category": "party-delegate", "party": "KE",
                    ]).status
                }
                #expect(results.filter { $0 == .seeOther }.count == 5, "\(results)")
                #expect(results.filter { $0 == .unprocessableEntity }.count == 15, "\(results)")
            }
            #expect(try await ParticipantModel.query(on: app.db).filter(\.$status == .registered).count() == 5)
        }
    }

    @Test("twenty wrong passwords at once for one address from one client: five are tried, the rest wait")
    func parallelSignIn() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "target@example.org", role: .bureau)
            try await LiveServer.with(app) { server in
                let results = try await simultaneously(20) { _ in
                    try await server.client().post("/sign-in", ["email": "target@example.org", "password": "not the password"]).status
                }
                #expect(results.filter { $0 == .unauthorized }.count == SignInThrottle.freeAttemptsPerAccountAndClient, "\(results)")
                #expect(results.filter { $0 == .tooManyRequests }.count == 20 - SignInThrottle.freeAttemptsPerAccountAndClient, "\(results)")
            }
        }
    }

    @Test("two delivery workers on one queue: every message is delivered once")
    func notificationsOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synergia-outbox-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withSynergia { app in
            for n in 0..<30 {
                try await NotificationDelivery.enqueue(kind: .invitation, to: "p\(n)@example.org", subject: "Invitation \(n)", body: "Welcome", on: app.db)
            }
            // Rounds of three workers at once, until the queue is empty.
            var delivered: [Int] = []
            for _ in 0..<6 {
                delivered += try await simultaneously(3) { worker in
                    try await NotificationDelivery.deliverDue(transport: .outbox(directory: directory), eventLoopGroup: app.eventLoopGroup,
                                                              on: app.db, worker: "worker-\(worker)", logger: app.logger)
                }
            }
            #expect(delivered.reduce(0, +) == 30, "\(delivered)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 30)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$status == .written).count() == 30)
            #expect(try await NotificationModel.query(on: app.db).all().allSatisfy { $0.attempts == 1 })
        }
    }
}
