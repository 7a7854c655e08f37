import Fluent
import Foundation
import SQLKit
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor
import VaporTesting

/// A signed-in reader's report page is kept between requests; these check that no one ever
/// gets a page older than a committed write, another reader's page, or another reader's token.
@Suite("Report pages kept for signed-in readers")
struct WorkspacePageCacheTests {
    @Test("a kept report page changes right after each write that changes it: the reader's, a colleague's, another process's")
    func changesAfterEveryWrite() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await makeUser(app, email: "fp2@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let path = "/reports/\(report.id!)"
            let reader = Browser(app), colleague = Browser(app)
            try await reader.signIn("fp@example.org")
            try await colleague.signIn("fp2@example.org")
            let first = try await reader.get(path)
            let second = try await reader.get(path)
            #expect(first.status == .ok && second.status == .ok)
            #expect(app.synergia.workspacePages.count == 1, "the page was kept")
            // Each response carries the reader's own token, masked afresh; never the placeholder.
            let token = try #require(PublicPageCacheTests.formToken(second.body))
            #expect(token != PublicPageCacheTests.formToken(first.body))
            #expect(CSRFMiddleware.unmasked(token) == reader.cookies[CSRFMiddleware.cookieName])
            #expect(!second.contains(app.synergia.workspacePages.tokenPlaceholder))

            // The reader saves with the form token of the kept page: accepted, and shown at once.
            let saved = try await reader.post("\(path)/answers/cbd-7nr.s3.q2", ["value": "98765", "baseVersion": "0", CSRFMiddleware.fieldName: token],
                                              csrf: false)
            #expect(saved.status == .seeOther)
            #expect(try await reader.get(path).contains("98765"))
            // A colleague's save, then a comment another process writes: each shown at the next request.
            #expect(try await colleague.post("\(path)/answers/cbd-7nr.s3.q2", ["value": "45678", "baseVersion": "1"]).status == .seeOther)
            #expect(try await reader.get(path).contains("45678"))
            try await app.db.sql.raw("""
                INSERT INTO question_comments (id, report_id, question_id, author, text, created_at)
                VALUES (\(bind: UUID()), \(bind: report.id!), 'cbd-7nr.s3.q2', 'fp2@example.org', 'Checked against the 2025 wetland inventory', \(bind: Date()))
                """).run()
            #expect(try await reader.get(path).contains("Checked against the 2025 wetland inventory"))
            // Another process moves the reader to another Party: Kenya's draft is refused at once.
            try await app.db.sql.raw("UPDATE users SET party_code = 'UG' WHERE email = 'fp@example.org'").run()
            #expect(try await reader.get(path).status == .forbidden)
        }
    }

    @Test("two readers of one report each get their own page and token, never the other's")
    func readersApart() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let path = "/reports/\(report.id!)"
            let focalPoint = Browser(app), secretariat = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            try await secretariat.signIn("cbd@example.org")
            // Each asks several times, interleaved, so both pages are kept and served from memory.
            for _ in 0..<3 {
                let editing = try await focalPoint.get(path)
                let reading = try await secretariat.get(path)
                #expect(editing.status == .ok && reading.status == .ok)
                #expect(editing.contains("/answers/cbd-7nr.s3.q2"), "the focal point may answer")
                #expect(!reading.contains("/answers/cbd-7nr.s3.q2"), "the secretariat reads the draft but gets no answer form")
                #expect(CSRFMiddleware.unmasked(try #require(PublicPageCacheTests.formToken(editing.body))) == focalPoint.cookies[CSRFMiddleware.cookieName])
                // The secretariat's form on a report is the comment form, on a section's comments page (kept too).
                let commenting = try await secretariat.get(path + "/sections/cbd-7nr.s3/comments")
                #expect(CSRFMiddleware.unmasked(try #require(PublicPageCacheTests.formToken(commenting.body))) == secretariat.cookies[CSRFMiddleware.cookieName])
            }
            #expect(app.synergia.workspacePages.count == 3)
            // Made-up queries are rendered, never kept (nobody fills the store with them).
            for index in 0..<5 { #expect(try await focalPoint.get("\(path)?x=\(index)").status == .ok) }
            #expect(try await focalPoint.get("\(path)?lang=fr").status == .ok)
            #expect(app.synergia.workspacePages.count == 4)
            // Signed out, the same address is refused (a draft), whatever was kept for others.
            #expect(try await Browser(app).get(path).status == .unauthorized)
        }
    }

    @Test("the workspace generation moves on with every write to a workspace table, and only when it commits")
    func workspaceGeneration() async throws {
        try await withSynergia { app in
            struct Name: Decodable { var name: String }
            let sql = app.db.sql
            let triggered = try await (app.db.isPostgres
                ? sql.raw("SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'private_generation_%'")
                : sql.raw("SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'private_generation_%'"))
                .all(decoding: Name.self).map(\.name)
            #expect(Set(triggered) == Set(PrivateGenerations.workspaceTables + [PrivateGenerations.sessionTable, PrivateGenerations.tokenTable]))

            let report = try await startKenyaCBDReport(app)
            let start = try await Generations.current(on: app.db)
            try await sql.raw("""
                INSERT INTO section_assignments (id, report_id, section_id, assignee, created_at)
                VALUES (\(bind: UUID()), \(bind: report.id!), 'cbd-7nr.s3', 'fp@example.org', \(bind: Date()))
                """).run()
            let assigned = try await Generations.current(on: app.db)
            #expect(assigned.workspace > start.workspace && assigned.content == start.content && assigned.sessions == start.sessions)
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await app.db.transaction { tx in
                    try await tx.sql.raw("DELETE FROM section_assignments").run()
                    throw Abandoned()
                }
            }
            #expect(try await Generations.current(on: app.db) == assigned)
            // A session renewed while in use leaves the session generation alone; one ended moves it on.
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let signedIn = try await Generations.current(on: app.db)
            try await sql.raw("UPDATE user_sessions SET last_seen_at = \(bind: Date()), expires_at = \(bind: Date().addingTimeInterval(3600 * 24 * 8))").run()
            #expect(try await Generations.current(on: app.db).sessions == signedIn.sessions)
            #expect(try await browser.post("/sign-out", [:]).status == .seeOther)
            #expect(try await Generations.current(on: app.db).sessions > signedIn.sessions)
        }
    }
}
