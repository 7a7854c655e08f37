import Fluent
import SQLKit
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// A national publishing authority: a drafting user requests publication, the Party's authority
/// approves or rejects it with a required reason, a request expires after thirty days and its
/// maker may withdraw it.
@Suite("A Party's publishing authority decides the requests to publish")
struct PublicationRequestTests {
    /// Kenya's CBD report, complete, with a contributor who drafts it and Kenya's CBD publishing authority.
    static func setUp(_ app: Application) async throws -> (id: UUID, drafter: Browser, authority: Browser) {
        let report = try await startKenyaCBDReport(app)
        try await makeUser(app, email: "drafter@example.org", role: .contributor, party: "KE")
        try await makeUser(app, email: "authority@example.org", role: .publishingAuthority, party: "KE", convention: "CBD")
        try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
        let drafter = Browser(app), authority = Browser(app)
        try await drafter.signIn("drafter@example.org")
        try await authority.signIn("authority@example.org")
        return (try report.requireID(), drafter, authority)
    }

    static func status(_ app: Application, _ id: UUID) async throws -> ReportStatus? {
        try await ReportModel.find(id, on: app.db)?.status
    }

    @Test("requested by a drafting user, rejected by the authority only with a reason, which the drafter reads; asked again and approved")
    func rejectThenApprove() async throws {
        try await withSynergia { app in
            let (id, drafter, authority) = try await Self.setUp(app)
            let path = "/reports/\(id)"
            #expect(try await drafter.post("\(path)/transition", ["to": "in-review"]).status == .seeOther)
            let waiting = try await authority.get(path)
            #expect(waiting.contains("id=\"publication-request\"") && waiting.contains("drafter@example.org"))
            #expect(waiting.contains("id=\"reject-reason\"") && waiting.contains("id=\"to-approved\""))

            let noReason = try await authority.post("\(path)/transition", ["to": "draft", "reason": "  "])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await Self.status(app, id) == .inReview, "a rejection without its reason changes nothing")
            #expect(try await authority.post("\(path)/transition", ["to": "draft", "reason": "Section 2 lacks the <2025> figures."]).status == .seeOther)
            #expect(try await Self.status(app, id) == .draft)
            let rejected = try await drafter.get(path)
            #expect(rejected.contains("id=\"publication-rejected\"") && rejected.contains("Section 2 lacks the &lt;2025&gt; figures."))
            #expect(!(try await Browser(app).get(path)).contains("lacks the"), "the public sees nothing of a draft")
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$action == "report.draft").first()
            #expect(audit?.after?.contains("rejected: Section 2 lacks") == true && audit?.actor == "authority@example.org")

            #expect(try await drafter.post("\(path)/transition", ["to": "in-review"]).status == .seeOther)
            #expect(!(try await drafter.get(path)).contains("id=\"publication-rejected\""), "a new request: the old reason is gone")
            #expect(try await authority.post("\(path)/transition", ["to": "approved"]).status == .seeOther)
            #expect(try await Self.status(app, id) == .approved)
            // Submitting stays the focal point's: the authority approves, it does not submit.
            #expect(try await authority.get(path).contains("id=\"to-submitted\"") == false)
            #expect(try await authority.post("\(path)/transition", ["to": "submitted"]).status != .seeOther)
            #expect(try await Self.status(app, id) == .approved)
        }
    }

    @Test("its maker withdraws a request; no one else may, not even the focal point; a request older than thirty days cannot be approved")
    func withdrawAndExpire() async throws {
        try await withSynergia { app in
            let (id, drafter, authority) = try await Self.setUp(app)
            let path = "/reports/\(id)"
            #expect(try await drafter.post("\(path)/transition", ["to": "in-review"]).status == .seeOther)
            #expect(try await drafter.get(path).contains("id=\"withdraw-request\""))
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            #expect(!(try await focalPoint.get(path)).contains("id=\"withdraw-request\""))
            #expect(try await focalPoint.post("\(path)/transition", ["withdraw": "1"]).status == .unprocessableEntity)
            #expect(try await Self.status(app, id) == .inReview)
            #expect(try await drafter.post("\(path)/transition", ["withdraw": "1"]).status == .seeOther)
            #expect(try await Self.status(app, id) == .draft)
            #expect(try await drafter.post("\(path)/transition", ["withdraw": "1"]).status == .unprocessableEntity, "nothing left to withdraw")

            #expect(try await drafter.post("\(path)/transition", ["to": "in-review"]).status == .seeOther)
            try await app.db.sql.update(ReportModel.schema).set("review_requested_at", to: SQLBind(Date().addingTimeInterval(-31 * 86_400)))
                .where("id", .equal, SQLBind(id)).run()
            let expired = try await authority.post("\(path)/transition", ["to": "approved"])
            #expect(expired.status == .unprocessableEntity)
            #expect(try await Self.status(app, id) == .inReview)
            let page = try await authority.get(path)
            #expect(page.contains("id=\"publication-request\" class=\"alert\"") && !page.contains("id=\"to-approved\""), "no Approve button for an expired request")
            // A reason as long as allowed, in Chinese (9 bytes a character in a form), is not refused for its size.
            let long = String(repeating: "数", count: PublicationRequest.maxReason)
            #expect(try await authority.post("\(path)/transition", ["to": "draft", "reason": long]).status == .seeOther)
            #expect(try await ReportModel.find(id, on: app.db)?.reviewNote == long)
        }
    }

    @Test("another Party's authority, and another convention's, neither read nor decide Kenya's CBD request")
    func otherAuthorities() async throws {
        try await withSynergia { app in
            let (id, drafter, _) = try await Self.setUp(app)
            #expect(try await drafter.post("/reports/\(id)/transition", ["to": "in-review"]).status == .seeOther)
            try await makeUser(app, email: "ug@example.org", role: .publishingAuthority, party: "UG", convention: "CBD")
            try await makeUser(app, email: "ramsar@example.org", role: .publishingAuthority, party: "KE", convention: "RAMSAR")
            for email in ["ug@example.org", "ramsar@example.org"] {
                let other = Browser(app)
                try await other.signIn(email)
                let read = try await other.get("/reports/\(id)")
                #expect(read.status == .forbidden || read.status == .notFound, "\(email) reads no draft of Kenya's CBD report: \(read.status)")
                let decided = try await other.post("/reports/\(id)/transition", ["to": "approved"])
                #expect(decided.status == .forbidden || decided.status == .notFound || decided.status == .unprocessableEntity, "\(decided.status)")
            }
            #expect(try await Self.status(app, id) == .inReview)

            // Where the Party has named an authority, the focal point no longer decides: not on the page, not by the form, not by the API.
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            #expect(!(try await focalPoint.get("/reports/\(id)")).contains("id=\"to-approved\""))
            #expect(try await focalPoint.post("/reports/\(id)/transition", ["to": "approved"]).status == .unprocessableEntity)
            let token = try await APIClient.forUser(app, "fp@example.org")
            #expect(try await token.send(.POST, "/api/v1/reports/\(id)/transition", json: #"{"to":"approved"}"#).status == .unprocessableEntity)
            #expect(try await Self.status(app, id) == .inReview)

            // The authority's rejection through the API needs its reason too.
            let authorityToken = try await APIClient.forUser(app, "authority@example.org")
            #expect(try await authorityToken.send(.POST, "/api/v1/reports/\(id)/transition", json: #"{"to":"draft"}"#).status == .unprocessableEntity)
            #expect(try await Self.status(app, id) == .inReview)
            let withReason = try await authorityToken.send(.POST, "/api/v1/reports/\(id)/transition",
                                                           json: #"{"to":"draft","reason":"Раздел 2 не заполнен: нет данных за 2025 год. 第二节缺少2025年的数据。"}"#)
            #expect(withReason.status == .ok)
            #expect(try await ReportModel.find(id, on: app.db)?.reviewNote?.hasPrefix("Раздел 2") == true)
        }
    }

    @Test("the authority approves while the drafter withdraws, at the same moment: one of the two happens, whole")
    func simultaneousDecisionAndWithdrawal() async throws {
        try await withSynergia { app in
            let (id, drafter, authority) = try await Self.setUp(app)
            #expect(try await drafter.post("/reports/\(id)/transition", ["to": "in-review"]).status == .seeOther)
            let statuses = try await withThrowingTaskGroup(of: (String, HTTPStatus).self) { group in
                group.addTask { ("approve", try await authority.post("/reports/\(id)/transition", ["to": "approved"]).status) }
                group.addTask { ("withdraw", try await drafter.post("/reports/\(id)/transition", ["withdraw": "1"]).status) }
                return try await group.reduce(into: [String: HTTPStatus]()) { $0[$1.0] = $1.1 }
            }
            let final = try await Self.status(app, id)
            let succeeded = statuses.filter { $0.value == .seeOther }.map(\.key)
            #expect(succeeded.count == 1, "\(statuses)")
            #expect(final == (succeeded.first == "approve" ? .approved : .draft))
        }
    }
}
