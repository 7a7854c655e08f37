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
            #expect(try await SessionRecord.query(on: app.db).count() == 1)
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

    @Test("after five failures the email is locked out for a while, even with the right password")
    func rateLimited() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "target@example.org", role: .bureau)
            let browser = Browser(app)
            for _ in 0..<AccountService.maxFailuresPerEmail {
                #expect(try await browser.post("/sign-in", ["email": "target@example.org", "password": "guess guess"]).status == .unauthorized)
            }
            let locked = try await browser.post("/sign-in", ["email": "target@example.org", "password": "correct horse battery"])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers.first(name: .retryAfter) == "900")
            #expect(locked.contains("Try again in 15 minutes"))
            // The window passes: the right password works again.
            let later = Date().addingTimeInterval(AccountService.failureWindow + 1)
            let result = try await AccountService.signIn(email: "target@example.org", password: "correct horse battery",
                                                         client: "test", hasher: app.password, on: app.db, now: later)
            guard case .signedIn = result else { Issue.record("still locked after the window: \(result)"); return }
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

    @Test("sign-in only redirects to local paths")
    func safeNext() {
        #expect(AccountPages.safeNext("/account") == "/account")
        #expect(AccountPages.safeNext("//evil.example") == nil)
        #expect(AccountPages.safeNext("https://evil.example") == nil)
    }
}
