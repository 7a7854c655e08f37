import Fluent
import SQLKit
import Foundation
import NIOConcurrencyHelpers
import SynergiaCore
import Vapor

/// Problems with a form, keyed by field name, each a catalog key. Empty means valid.
public struct FieldErrors: Error, Sendable, Equatable {
    public var byField: [String: String] = [:]
    public init(_ byField: [String: String] = [:]) { self.byField = byField }
    public var isEmpty: Bool { byField.isEmpty }
    public subscript(_ field: String) -> String? {
        get { byField[field] }
        set { byField[field] = newValue }
    }
}

/// Creating accounts, signing in and changing passwords; used by the pages and the CLI.
public enum AccountService {
    /// What is needed to create an account.
    public struct NewAccount: Sendable {
        public var email: String
        public var password: String
        public var displayName: String
        public var role: Role
        public var party: String?
        public var convention: String?
        public var isDemo: Bool
        /// Who creates it (an administrator's address, `command line`, `demo`), for the audit log.
        public var createdBy: String
        public init(email: String, password: String, displayName: String? = nil, role: Role, party: String? = nil, convention: String? = nil,
                    isDemo: Bool = false, createdBy: String = "command line") {
            self.email = email
            self.password = password
            self.displayName = displayName ?? email
            self.role = role
            self.party = party
            self.convention = convention
            self.isDemo = isDemo
            self.createdBy = createdBy
        }
    }

    /// Creates an account, or throws ``FieldErrors`` naming each bad field; nothing is stored then.
    public static func create(_ account: NewAccount, hasher: AsyncPasswordHasher, on db: any Database) async throws -> UserModel {
        var errors = FieldErrors()
        let email = normalized(email: account.email)
        if !EmailAddress.isValid(email) {
            errors["email"] = "error.email-invalid"
        } else if try await UserModel.query(on: db).filter(\.$email == email).first() != nil {
            errors["email"] = "error.email-taken"
        }
        if let problem = PasswordRules.problem(with: account.password) { errors["password"] = problem }
        let party = account.party?.uppercased().nilIfEmpty
        let convention = account.convention?.uppercased().nilIfEmpty
        for problem in AccountScope.validate(role: account.role, party: party, convention: convention) {
            switch problem {
            case .partyRequired, .partyNotAllowed: errors["party"] = problem.catalogKey
            case .conventionRequired, .conventionNotAllowed: errors["convention"] = problem.catalogKey
            }
        }
        if let party, errors["party"] == nil,
           try await PartyModel.query(on: db).filter(\.$alpha2 == party).first() == nil {
            errors["party"] = "error.party-unknown"
        }
        if let convention, errors["convention"] == nil,
           try await ConventionModel.query(on: db).filter(\.$code == convention).first() == nil {
            errors["convention"] = "error.convention-unknown"
        }
        guard errors.isEmpty else { throw errors }
        let user = UserModel(
            email: email, passwordHash: try await hasher.hash(account.password).get(),
            displayName: String(account.displayName.trimmingCharacters(in: .whitespaces).prefix(200)).nilIfEmpty ?? email,
            role: account.role, party: party, convention: convention, isDemo: account.isDemo)
        do {
            try await db.write { tx in
                try await user.createInWrite(on: tx.db)
                try await AuditLog.record(tx, actor: account.createdBy, action: "account.created", subject: .user(try user.requireID()),
                                          after: "\(email) \(user.actor.description)")
            }
        } catch where DatabaseFailure.isUniqueViolation(error) {
            throw FieldErrors(["email": "error.email-taken"])
        }
        return user
    }

    public enum SignInResult: Sendable {
        case signedIn(UserModel)
        /// Wrong email or password: one message for both, so nobody learns which accounts exist.
        case wrongCredentials
        /// Too many attempts lately from this client (for this address, or for any): try again after the wait.
        case rateLimited(seconds: Int)
    }

    /// Checks the credentials. The attempt is counted first (``SignInThrottle``), then the
    /// password is checked with bcrypt on the thread pool, never on the request threads; an
    /// unknown address is checked against a dummy hash, so timing tells nothing.
    public static func signIn(email rawEmail: String, password: String, client: String, hasher: AsyncPasswordHasher,
                              on db: any Database, now: Date = Date()) async throws -> SignInResult {
        let email = normalized(email: rawEmail)
        if case .wait(let seconds) = try await SignInThrottle.attempt(email: email, client: client, on: db, now: now) {
            return .rateLimited(seconds: max(1, seconds))
        }
        let user = try await UserModel.query(on: db).filter(\.$email == email).first()
        let hash = if let user { user.passwordHash } else { try await dummyHash(hasher) }
        let matches = (try? await hasher.verify(password, created: hash).get()) ?? false
        guard let user, matches else {
            try await SignInThrottle.failed(email: email, on: db, now: now)
            return .wrongCredentials
        }
        try await SignInThrottle.succeeded(email: email, client: client, on: db, now: now)
        return .signedIn(user)
    }

    /// Records the language `user` signed in with, for their e-mails (a write only when it changed).
    public static func remember(language: Language, of user: UserModel, on db: any Database) async throws {
        guard user.language != language.code else { return }
        try await db.sql.update(UserModel.schema).set("language", to: language.code).where("id", .equal, try user.requireID()).run()
        user.language = language.code
    }

    /// Changes a password after checking the current one, and ends every session of the account
    /// (in every process); the caller starts a new one for the person who changed it. API tokens
    /// are revoked unless `keepTokens`. One transaction, audited.
    public static func changePassword(of user: UserModel, current: String, new: String, confirmation: String, keepTokens: Bool,
                                      client: String, hasher: AsyncPasswordHasher, on db: any Database) async throws {
        var errors = FieldErrors()
        // The current password is guessed no faster here than at sign-in.
        if case .wait = try await SignInThrottle.attempt(email: user.email, client: client, on: db) {
            throw FieldErrors(["current": "error.rate-limited-short"])
        }
        if !((try? await hasher.verify(current, created: user.passwordHash).get()) ?? false) {
            try await SignInThrottle.failed(email: user.email, on: db)
            errors["current"] = "error.current-password-wrong"
        } else {
            try await SignInThrottle.succeeded(email: user.email, client: client, on: db)
        }
        if let problem = PasswordRules.problem(with: new) {
            errors["new"] = problem
        } else if new != confirmation {
            errors["confirmation"] = "error.password-mismatch"
        }
        guard errors.isEmpty else { throw errors }
        let hash = try await hasher.hash(new).get()
        let userID = try user.requireID()
        try await db.write { tx in
            try await tx.sql.update(UserModel.schema).set("password_hash", to: hash).set("password_changed_at", to: Date())
                .where("id", .equal, userID).run()
            try await SessionStore.endAll(of: userID, in: tx)
            var after = "sessions ended"
            if !keepTokens {
                try await tx.sql.delete(from: APITokenModel.schema).where("user_id", .equal, userID).run()
                after += "; API tokens revoked"
            }
            try await AuditLog.record(tx, actor: user.email, action: "password.changed", subject: .user(userID), after: after)
        }
        if let fresh = try await UserModel.find(userID, on: db) {
            user.passwordHash = fresh.passwordHash
            user.sessionEpoch = fresh.sessionEpoch
        }
    }

    /// Ends every session of the account, this one included, in every process, and revokes its API tokens.
    public static func signOutEverywhere(_ user: UserModel, on db: any Database) async throws {
        let userID = try user.requireID()
        try await db.write { tx in
            try await SessionStore.endAll(of: userID, in: tx)
            try await tx.sql.delete(from: APITokenModel.schema).where("user_id", .equal, userID).run()
            try await AuditLog.record(tx, actor: user.email, action: "sessions.ended", subject: .user(userID),
                                      after: "sessions ended; API tokens revoked")
        }
    }

    public static func normalized(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A bcrypt hash of a random string, verified against when the email is unknown: made once,
    /// by `hasher` on the thread pool (a quarter of a second of bcrypt would hold up an event loop).
    static func dummyHash(_ hasher: AsyncPasswordHasher) async throws -> String {
        if let made = madeDummyHash.withLockedValue({ $0 }) { return made }
        let made = try await hasher.hash(UUID().uuidString).get()
        return madeDummyHash.withLockedValue { kept in
            if kept == nil { kept = made }
            return kept ?? made
        }
    }

    private static let madeDummyHash = NIOLockedValueBox<String?>(nil)
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
