import Fluent
import Foundation
import SQLKit
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor
import VaporTesting

/// Public pages are served from memory while nothing they show has changed: a reader never sees
/// a page older than the last committed write (whoever made it, in whichever process), another
/// reader's page, or a signed-in page.
@Suite("Public page cache")
struct PublicPageCacheTests {
    @Test("a cached public page changes right after the write that changes it, made here or by another process")
    func changesAfterWrite() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD")
            let secretariat = Browser(app)
            try await secretariat.signIn("sec@example.org")
            let reader = Browser(app)
            let first = try await reader.get("/news")
            #expect(first.headers.first(name: "X-Cache") == "miss")
            let second = try await reader.get("/news")
            #expect(second.headers.first(name: "X-Cache") == "hit")
            #expect(second.body == first.body)
            #expect(try await reader.get("/api/v1/news").headers.first(name: "X-Cache") == "miss")
            #expect(try await reader.get("/api/v1/news").headers.first(name: "X-Cache") == "hit")

            #expect(try await secretariat.post("/news", ["convention": "CBD", "kind": "news", "title": "Joint workshop report out",
                                                         "summary": "Report of the workshop"]).status == .seeOther)
            let after = try await reader.get("/news")
            #expect(after.headers.first(name: "X-Cache") == "miss")
            #expect(after.contains("Joint workshop report out"))
            #expect(try await reader.get("/api/v1/news").body.contains("Joint workshop report out"))

            // Another process (or the CLI) writes straight to the database: the next reader sees it.
            try await app.db.sql.raw("UPDATE news_items SET title = 'Retitled by another process'").run()
            let outside = try await reader.get("/news")
            #expect(outside.contains("Retitled by another process"))
            #expect(!outside.contains("Joint workshop report out"))
            try await app.db.sql.raw("DELETE FROM news_items").run()
            #expect(!(try await reader.get("/news")).contains("Retitled by another process"))
        }
    }

    @Test("no reader gets another reader's page: signed-in pages, languages and forms are never shared")
    func neverShared() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            let anonymous = Browser(app)
            _ = try await anonymous.get("/parties")
            #expect(try await anonymous.get("/parties").headers.first(name: "X-Cache") == "hit")

            // The signed-in reader gets their own page (with their account link), never the cached one, and no one keeps it.
            let own = try await focalPoint.get("/parties")
            #expect(own.headers.first(name: "X-Cache") == nil)
            #expect(own.headers.first(name: .cacheControl) == "no-store")
            #expect(own.contains("href=\"/account\""))
            // and what they saw is not what the public is then shown.
            let publicPage = try await anonymous.get("/parties")
            #expect(publicPage.contains("href=\"/sign-in\""))
            #expect(!publicPage.contains("href=\"/account\""))

            // Each language has its own entry.
            let french = try await Browser(app, acceptLanguage: "fr").get("/parties")
            #expect(french.contains("<html lang=\"fr\""))
            #expect(try await Browser(app, acceptLanguage: "zh").get("/parties").contains("<html lang=\"zh\""))
            #expect(try await anonymous.get("/parties?lang=ar").contains("<html lang=\"ar\""))
            #expect(try await anonymous.get("/parties").contains("<html lang=\"ar\""), "the explicit choice is remembered")
            #expect(try await Browser(app).get("/parties").contains("<html lang=\"en\""))

            // A page under a made-up long query is rendered, not kept (nobody fills the memory with them).
            let long = "/parties?q=" + String(repeating: "x", count: 600)
            #expect(try await anonymous.get(long).headers.first(name: "X-Cache") == nil)
            #expect(try await anonymous.get(long).headers.first(name: "X-Cache") == nil)
            #expect(app.synergia.pageCache.count < 10)

            // A page with a form carries each reader's own form token, never a cached one.
            let one = try await Browser(app).get("/sign-in"), two = try await Browser(app).get("/sign-in")
            #expect(one.headers.first(name: "X-Cache") == nil)
            #expect(Self.formToken(one.body) != nil && Self.formToken(one.body) != Self.formToken(two.body))
        }
    }

    @Test("a reader who has the page gets 304; after a write, the new page with a new validator")
    func conditionalRequests() async throws {
        try await withSynergia { app in
            let reader = Browser(app)
            let page = try await reader.get("/news")
            let etag = try #require(page.headers.first(name: .eTag))
            #expect(page.headers.first(name: .cacheControl) == "no-cache")
            let again = try await reader.get("/news", headers: ["If-None-Match": etag])
            #expect(again.status == .notModified)
            #expect(again.body.isEmpty)
            _ = try await NewsService.post(.init(convention: "CBD", kind: "news", title: "Outreach toolkit", summary: "Six languages"),
                                       language: .english, by: try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD"),
                                       on: app.db)
            let changed = try await reader.get("/news", headers: ["If-None-Match": etag])
            #expect(changed.status == .ok)
            #expect(changed.contains("Outreach toolkit"))
            #expect(changed.headers.first(name: .eTag) != etag)
        }
    }

    @Test("every table is public (each write to it moves the content generation) or named as private")
    func everyTableClassified() async throws {
        try await withSynergia { app in
            let sql = app.db.sql
            struct Name: Decodable { var name: String }
            let tables = try await (app.db.isPostgres
                ? sql.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")
                : sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).all(decoding: Name.self).map(\.name)
            let known = Set(ContentGeneration.publicTables + ContentGeneration.privateTables)
            #expect(Set(tables).subtracting(known).sorted() == [], "classify each new table in ContentGeneration")
            #expect(Set(ContentGeneration.publicTables).isSubset(of: Set(tables)))
            let triggered = try await (app.db.isPostgres
                ? sql.raw("SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'content_generation_bump'")
                : sql.raw("SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'content_generation_%'"))
                .all(decoding: Name.self).map(\.name)
            #expect(Set(triggered) == Set(ContentGeneration.publicTables))

            // Each kind of write moves it on, and only when it commits.
            let start = try await ContentGeneration.current(on: app.db)
            try await app.db.sql.raw("UPDATE parties SET alpha3 = alpha3 WHERE alpha2 = 'KE'").run()
            #expect(try await ContentGeneration.current(on: app.db) > start)
            let committed = try await ContentGeneration.current(on: app.db)
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await app.db.transaction { tx in
                    try await tx.sql.raw("UPDATE parties SET alpha3 = alpha3 WHERE alpha2 = 'KE'").run()
                    throw Abandoned()
                }
            }
            #expect(try await ContentGeneration.current(on: app.db) == committed)
            // Writes that no public page shows leave it alone (a session, the audit chain).
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let before = try await ContentGeneration.current(on: app.db)
            try await app.db.sql.raw("DELETE FROM user_sessions").run()
            #expect(try await ContentGeneration.current(on: app.db) == before)
        }
    }

    @Test("a crowd of readers during a run of writes: after each write returns, every reader sees it")
    func crowdDuringWrites() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD")
            try await LiveServer.with(app) { server in
                let secretariat = server.client()
                try await secretariat.signIn("sec@example.org")
                for round in 1...6 {
                    // Readers fill the cache while the write is on its way …
                    async let crowd = simultaneously(8) { _ in try await server.client().get("/news").status }
                    let title = "Workshop note \(round)"
                    #expect(try await secretariat.post("/news", ["convention": "CBD", "kind": "news", "title": title, "summary": "s"]).status == .seeOther)
                    _ = try await crowd
                    // … and once it has returned, no reader is shown the page without it.
                    let pages = try await simultaneously(12) { _ in try await server.client().get("/news").body }
                    #expect(pages.allSatisfy { $0.contains(title) }, "round \(round)")
                }
            }
        }
    }

    @Test("readers who all miss the same page at once wait for one render of it")
    func oneRenderForACrowd() async throws {
        try await withSynergia { app in
            try await LiveServer.with(app) { server in
                for round in 1...3 {
                    try await app.db.sql.raw("UPDATE parties SET alpha3 = alpha3 WHERE alpha2 = 'KE'").run()
                    let answers = try await simultaneously(16) { _ in try await server.client().get("/parties?round=\(round)") }
                    #expect(answers.allSatisfy { $0.status == .ok && $0.body == answers[0].body })
                    #expect(answers.filter { $0.headers.first(name: "X-Cache") == "miss" }.count == 1, "round \(round)")
                    #expect(answers.filter { $0.headers.first(name: "X-Cache") == "hit" }.count == 15, "round \(round)")
                }
            }
        }
    }

    @Test("a shared read of the generation never answers a request with a value from before it arrived", arguments: [1, 2, 3])
    func sharedGenerationReads(concurrentReads: Int) async throws {
        try await withSynergia { app in
            let reader = GenerationReader(concurrentReads: concurrentReads)
            // Readers keep the shared read busy while writers move the generation on and check
            // that each read they ask for after their write has committed sees it.
            let stale = try await simultaneously(12) { index -> Int in
                var stale = 0
                for _ in 0..<(index == 0 ? 150 : 400) {
                    if index == 0 {
                        // The one writer: what it reads through the shared read after its write must be newer.
                        let before = try await ContentGeneration.current(on: app.db)
                        try await app.db.sql.raw("UPDATE parties SET alpha3 = alpha3 WHERE alpha2 = 'KE'").run()
                        if try await reader.current(on: { app.db }).content <= before { stale += 1 }
                    } else {
                        _ = try await reader.current(on: { app.db })
                    }
                }
                return stale
            }
            #expect(stale.reduce(0, +) == 0)
        }
    }

    static func formToken(_ body: String) -> String? {
        guard let range = body.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(body[range.upperBound...].prefix { $0 != "\"" })
    }
}
