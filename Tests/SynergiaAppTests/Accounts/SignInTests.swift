import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Signing in and out, the account page, password change")
struct SignInTests {
    @Test("a focal point signs in, sees the account and its scope, and signs out")
    func signInAndOut() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            #expect(try await browser.get("/account").location == "/sign-in?next=/account")
            let signedIn = try await browser.post("/sign-in", ["email": "FP@example.org ", "password": "correct horse battery"])
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.location == "/account")
            let account = try await browser.get("/account")
            #expect(account.status == .ok)
            #expect(account.contains("National focal point"))
            #expect(account.contains("/parties/KE"))
            let me = try await browser.json(AccountDTO.self, "/api/v1/me")
            #expect(me.role == "focal-point" && me.party == "KE" && me.convention == "CBD")
            #expect(me.permissions.contains("submit-report(KE,CBD)"))
            #expect(!me.permissions.contains("manage-users"))

            let out = try await browser.post("/sign-out", [:])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("sessions live in the database: a second server process accepts the cookie")
    func sessionsInDatabase() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "bureau@example.org", role: .bureau)
            let browser = Browser(app)
            try await browser.signIn("bureau@example.org")
            #expect(try await app.db.sql.select().column("id").from(SessionStore.table).all().count == 1)
            #expect(!(try await app.db.sql.select().column("token_sha256").from(SessionStore.table).all().isEmpty),
                    "only the token's digest is stored")
        }
    }

    @Test("a wrong password and an unknown email get the same message")
    func genericError() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "fp@example.org", role: .contributor, party: "KE")
            let browser = Browser(app, acceptLanguage: "en")
            let wrongPassword = try await browser.post("/sign-in", ["email": "fp@example.org", "password": "not the password"])
            let unknownEmail = try await browser.post("/sign-in", ["email": "nobody@example.org", "password": "not the password"])
            #expect(wrongPassword.status == .unauthorized && unknownEmail.status == .unauthorized)
            #expect(wrongPassword.contains("The email or the password is not right."))
            #expect(unknownEmail.contains("The email or the password is not right."))
            #expect(wrongPassword.contains("value=\"fp@example.org\""), "the email is kept")
        }
    }

    @Test("after five tries from one client an address waits, longer each time; the owner elsewhere signs in")
    func rateLimited() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "target@example.org", role: .bureau)
            let browser = Browser(app)
            for _ in 0..<SignInThrottle.freeAttemptsPerAccountAndClient {
                #expect(try await browser.post("/sign-in", ["email": "target@example.org", "password": "guess guess"]).status == .unauthorized)
            }
            let locked = try await browser.post("/sign-in", ["email": "target@example.org", "password": "correct horse battery"])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers.first(name: .retryAfter).flatMap(Int.init).map { (1...30).contains($0) } == true)
            #expect(locked.contains("Try again in 1 min."))
            // The owner, from another client, is not held up.
            let owner = try await AccountService.signIn(email: "target@example.org", password: "correct horse battery",
                                                        client: "owner's office", hasher: app.password.async, on: app.db)
            guard case .signedIn = owner else { Issue.record("the owner is locked out: \(owner)"); return }
            // After the wait, the attacker's client may try again, and the next wait is longer. (The in-memory test client
            // has no network address, so its requests count as the client "unknown".)
            let later = Date().addingTimeInterval(31)
            let next = try await AccountService.signIn(email: "target@example.org", password: "wrong again", client: "unknown",
                                                       hasher: app.password.async, on: app.db, now: later)
            guard case .wrongCredentials = next else { Issue.record("not allowed after the wait: \(next)"); return }
            let soon = try await AccountService.signIn(email: "target@example.org", password: "correct horse battery", client: "unknown",
                                                       hasher: app.password.async, on: app.db, now: later.addingTimeInterval(31))
            guard case .rateLimited(let seconds) = soon else { Issue.record("the second wait did not grow: \(soon)"); return }
            #expect(seconds > 0 && seconds <= 30, "60 seconds from the sixth try, 31 of them gone")
        }
    }

    @Test("an empty sign-in form comes back with the errors next to the fields")
    func malformedForm() async throws {
        try await withSynergia { app async throws in
            let page = try await Browser(app, acceptLanguage: "zh").post("/sign-in", ["email": "someone@example.org", "password": ""])
            #expect(page.status == .unprocessableEntity)
            #expect(page.contains("id=\"password-error\""))
            #expect(page.contains("请输入密码。"))
            #expect(page.contains("aria-describedby=\"password-error\""))
            #expect(page.contains("value=\"someone@example.org\""))
        }
    }

    @Test("password change checks the current password and the confirmation, then works")
    func changePassword() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("sec@example.org")
            let wrong = try await browser.post("/account/password", ["current": "nope nope nope", "new": "a new long password", "confirmation": "a new long password"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.contains("id=\"current-error\""))
            let mismatch = try await browser.post("/account/password", ["current": "correct horse battery", "new": "a new long password", "confirmation": "another one entirely"])
            #expect(mismatch.contains("id=\"confirmation-error\""))
            let short = try await browser.post("/account/password", ["current": "correct horse battery", "new": "short", "confirmation": "short"])
            #expect(short.contains("id=\"new-error\""))
            let done = try await browser.post("/account/password", ["current": "correct horse battery", "new": "a new long password", "confirmation": "a new long password"])
            #expect(done.location == "/account?changed=1")

            let fresh = Browser(app)
            #expect(try await fresh.post("/sign-in", ["email": "sec@example.org", "password": "correct horse battery"]).status == .unauthorized)
            try await fresh.signIn("sec@example.org", "a new long password")
        }
    }

    @Test("sign-in only redirects to local paths without control characters", arguments: [
        ("/account", true), ("/reports/1?x=2#y", true), ("//evil.example", false), ("https://evil.example", false),
        ("/\t/evil.example", false), ("/\\evil.example", false), ("/account\r\nSet-Cookie: a=b", false), ("/a\u{0}b", false),
        ("account", false), ("/ /evil", false),
    ])
    func safeNext(_ next: String, _ allowed: Bool) {
        #expect((LocalPath.validated(next) != nil) == allowed)
    }
}
