import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor
import VaporTesting

/// Sessions as OWASP ASVS level 2 asks: a new session id at sign-in, sessions that end when they
/// should (sign-out, sign-out everywhere, a password change), redirects that stay on the site.
@Suite("Sessions and redirects")
struct SessionSecurityTests {
    @Test("the session id changes at sign-in: a session cookie planted before sign-in is worth nothing after")
    func renewedAtSignIn() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let victim = Browser(app)
            try await victim.signIn("fp@example.org")
            let first = try #require(victim.cookies[SessionStore.cookieName])
            // Signing in again (or after an attacker planted a cookie) gives a new id and ends the old one.
            try await victim.signIn("fp@example.org")
            let second = try #require(victim.cookies[SessionStore.cookieName])
            #expect(first != second)
            let attacker = Browser(app)
            attacker.cookies[SessionStore.cookieName] = first
            #expect(try await attacker.get("/api/v1/me").status == .unauthorized)
            #expect(try await victim.get("/api/v1/me").status == .ok)
        }
    }

    @Test("a signed-out session is refused at once")
    func signOut() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let stolen = try #require(browser.cookies[SessionStore.cookieName])
            #expect(try await browser.post("/sign-out", [:]).status == .seeOther)
            let replay = Browser(app)
            replay.cookies[SessionStore.cookieName] = stolen
            #expect(try await replay.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("a session ended or revoked by another process is refused at the next request")
    func endedElsewhere() async throws {
        try await withSynergia { app in
            let user = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.get("/api/v1/me").status == .ok)
            // Another `serve` process moves the account's epoch on ("sign out everywhere" there).
            try await app.db.sql.raw("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = \(bind: try user.requireID())").run()
            #expect(try await browser.get("/api/v1/me").status == .unauthorized)
            #expect(try await browser.get("/account").status != .ok)
            // A fresh session, then its row removed by another process's sign-out.
            try await browser.signIn("fp@example.org")
            #expect(try await browser.get("/api/v1/me").status == .ok)
            try await app.db.sql.raw("DELETE FROM user_sessions").run()
            #expect(try await browser.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("a session kept in memory counts only while nothing about it or its account changed, whoever changed it")
    func keptSessionFollowsEveryChange() async throws {
        try await withSynergia { app in
            let user = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.json(AccountDTO.self, "/api/v1/me").role == Role.focalPoint.rawValue)
            #expect(app.synergia.sessionCache.count == 1, "the session is kept after its first use")
            // Another process changes the account's role: the next request sees the new role.
            try await app.db.sql.raw("UPDATE users SET party_code = NULL, role = 'secretariat' WHERE id = \(bind: try user.requireID())").run()
            #expect(try await browser.json(AccountDTO.self, "/api/v1/me").role == Role.secretariat.rawValue)
            // Another process cuts the session short: refused at the next request.
            try await app.db.sql.raw("UPDATE user_sessions SET expires_at = \(bind: Date().addingTimeInterval(-1))").run()
            #expect(try await browser.get("/api/v1/me").status == .unauthorized)
            // Crowds of requests on one session while another process ends it: every request that
            // starts after the end is refused.
            try await browser.signIn("fp@example.org")
            let cookie = try #require(browser.cookies[SessionStore.cookieName])
            let late = try await simultaneously(8) { index -> Int in
                let reader = Browser(app)
                reader.cookies[SessionStore.cookieName] = cookie
                if index == 0 {
                    try await Task.sleep(for: .milliseconds(20))
                    try await app.db.sql.raw("DELETE FROM user_sessions").run()
                    return try await reader.get("/api/v1/me").status == .ok ? 1 : 0
                }
                var acceptedAfterEnd = 0
                for _ in 0..<30 {
                    let ended = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM user_sessions").first(decoding: Count.self)?.n == 0
                    if try await reader.get("/api/v1/me").status == .ok, ended { acceptedAfterEnd += 1 }
                }
                return acceptedAfterEnd
            }
            #expect(late.reduce(0, +) == 0, "no request that began after the session ended was let in")
        }
    }

    private struct Count: Decodable { var n: Int }

    @Test("each request gets its own copy of a kept account, equal to it in every column")
    func accountCopies() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let stored = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let copy = stored.copy()
            #expect(copy !== stored && copy.$id.exists)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            // A field added to the account but not to `copy()` fails here.
            #expect(try encoder.encode(copy) == encoder.encode(stored))
        }
    }

    @Test("a password change ends every other session and revokes the API tokens unless asked to keep them")
    func passwordChangeEndsSessions() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let laptop = Browser(app), phone = Browser(app)
            try await laptop.signIn("fp@example.org")
            try await phone.signIn("fp@example.org")
            let token = try await APIClient.forUser(app, "fp@example.org")
            #expect(try await token.send(.GET, "/api/v1/me").status == .ok)
            let changed = try await laptop.post("/account/password", ["current": "correct horse battery", "new": "a new long password",
                                                                      "confirmation": "a new long password"])
            #expect(changed.status == .seeOther)
            #expect(try await laptop.get("/api/v1/me").status == .ok, "the person who changed it stays signed in")
            #expect(try await phone.get("/api/v1/me").status == .unauthorized, "every other session ended")
            #expect(try await token.send(.GET, "/api/v1/me").status == .unauthorized, "the API token was revoked")

            let kept = try await APIClient.forUser(app, "fp@example.org", password: "a new long password")
            #expect(try await laptop.post("/account/password", ["current": "a new long password", "new": "another long password",
                                                                "confirmation": "another long password", "keepTokens": "on"]).status == .seeOther)
            #expect(try await kept.send(.GET, "/api/v1/me").status == .ok, "tokens kept when asked")
        }
    }

    @Test("sign out everywhere ends every session of the account, this one too")
    func signOutEverywhere() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let laptop = Browser(app), phone = Browser(app)
            try await laptop.signIn("fp@example.org")
            try await phone.signIn("fp@example.org")
            #expect(try await laptop.post("/sign-out-everywhere", [:]).location == "/sign-in")
            #expect(try await laptop.get("/api/v1/me").status == .unauthorized)
            #expect(try await phone.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("next after sign-in never writes a header and never leaves the site", arguments: [
        "/account\r\nSet-Cookie: evil=1", "/\t/evil.example", "//evil.example", "https://evil.example", "/\\evil.example", "/%0d%0aX: y",
    ])
    func hostileNext(_ next: String) async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let page = try await Browser(app).post("/sign-in", ["email": "fp@example.org", "password": "correct horse battery", "next": next])
            #expect(page.status == .seeOther)
            let location = try #require(page.location)
            #expect(location.hasPrefix("/") && !location.hasPrefix("//"), "\(location)")
            #expect(!location.contains("evil.example") || location.hasPrefix("/%"), "\(location)")
            #expect(!page.headers.contains(name: "X") && !page.headers[.setCookie].contains { $0.contains("evil") })
        }
    }

    @Test("forwarded addresses count only from trusted proxies")
    func forwardedFor() async throws {
        // Without trusted proxies, a client cannot pick its own address to escape the limit.
        try await withSynergia { app in
            try await makeUser(app, email: "target@example.org", role: .bureau)
            for n in 0..<(SignInThrottle.freeAttemptsPerAccountAndClient + 2) {
                let page = try await Browser(app).post("/sign-in", ["email": "target@example.org", "password": "wrong wrong"],
                                                       headers: ["X-Forwarded-For": "203.0.113.\(n)"])
                #expect(page.status == (n < SignInThrottle.freeAttemptsPerAccountAndClient ? .unauthorized : .tooManyRequests))
            }
        }
        #expect(CIDR("10.0.0.0/8")?.contains("10.1.2.3") == true && CIDR("10.0.0.0/8")?.contains("11.0.0.1") == false)
        #expect(CIDR("::1")?.contains("::1") == true && CIDR("127.0.0.1/32")?.contains("::ffff:127.0.0.1") == true)
        #expect(CIDR("not an address") == nil && CIDR("10.0.0.0/33") == nil)
    }

    @Test("an API token reads its own Party's draft, and the request is logged as its account")
    func tokenReadsDraft() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let token = try await APIClient.forUser(app, "fp@example.org")
            #expect(try await token.send(.GET, "/api/v1/reports/\(report.id!)").status == .ok)
            #expect(try await Browser(app).get("/api/v1/reports/\(report.id!)").status == .unauthorized)
        }
    }
}
