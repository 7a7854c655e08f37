import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor

/// Guessing from many machines is slowed per account; the owner, on a machine they signed in
/// from before, is not held up; a client is an IPv4 address or an IPv6 /64.
@Suite("Sign-in throttle across clients")
struct SignInThrottleTests {
    @Test("after twenty failures from many clients, new clients wait between attempts; the owner's known client does not")
    func distributedGuessing() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "target@example.org", role: .bureau)
            let hasher = app.password.async
            let now = Date()
            // The owner signed in from the office once.
            guard case .signedIn = try await AccountService.signIn(email: "target@example.org", password: "correct horse battery",
                                                                   client: "198.51.100.7", hasher: hasher, on: app.db, now: now) else {
                Issue.record("the owner could not sign in"); return
            }
            // A botnet: one wrong guess from each of 20 addresses.
            for n in 0..<SignInThrottle.failuresBeforePacing {
                let result = try await AccountService.signIn(email: "target@example.org", password: "guess \(n)", client: "203.0.113.\(n)",
                                                             hasher: hasher, on: app.db, now: now.addingTimeInterval(Double(n)))
                guard case .wrongCredentials = result else { Issue.record("guess \(n): \(result)"); return }
            }
            let later = now.addingTimeInterval(Double(SignInThrottle.failuresBeforePacing) + 1)
            let paced = try await AccountService.signIn(email: "target@example.org", password: "guess again", client: "192.0.2.1",
                                                        hasher: hasher, on: app.db, now: later)
            guard case .rateLimited(let seconds) = paced else { Issue.record("a new client was not paced: \(paced)"); return }
            #expect(seconds <= Int(SignInThrottle.pacing))
            let owner = try await AccountService.signIn(email: "target@example.org", password: "correct horse battery", client: "198.51.100.7",
                                                        hasher: hasher, on: app.db, now: later)
            guard case .signedIn = owner else { Issue.record("the owner was held up: \(owner)"); return }
        }
    }

    @Test("an IPv6 client is its /64: addresses in one network share a count")
    func ipv6Network() {
        #expect(SignInThrottle.clientGroup("2001:db8:1:2::10") == SignInThrottle.clientGroup("2001:db8:1:2:ffff::1"))
        #expect(SignInThrottle.clientGroup("2001:db8:1:2::10") != SignInThrottle.clientGroup("2001:db8:1:3::10"))
        #expect(SignInThrottle.clientGroup("203.0.113.9") == "203.0.113.9")
    }

    @Test("the current password is guessed no faster on the password form than at sign-in")
    func passwordFormThrottled() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let thief = Browser(app)
            try await thief.signIn("fp@example.org")
            var statuses: [HTTPStatus] = []
            for n in 0..<8 {
                statuses.append(try await thief.post("/account/password", ["current": "guess \(n) guess", "new": "a new long password",
                                                                           "confirmation": "a new long password"]).status)
            }
            #expect(statuses.allSatisfy { $0 == .unprocessableEntity })
            let after = try await thief.post("/account/password", ["current": "correct horse battery", "new": "a new long password",
                                                                   "confirmation": "a new long password"])
            #expect(after.status == .unprocessableEntity && after.contains("current-error"), "even the right password waits its turn")
        }
    }
}
