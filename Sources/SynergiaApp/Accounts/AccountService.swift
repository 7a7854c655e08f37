import Fluent
import Foundation
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
        public init(email: String, password: String, displayName: String? = nil, role: Role, party: String? = nil, convention: String? = nil, isDemo: Bool = false) {
            self.email = email
            self.password = password
            self.displayName = displayName ?? email
            self.role = role
            self.party = party
            self.convention = convention
            self.isDemo = isDemo
        }
    }

    /// Creates an account, or throws ``FieldErrors`` naming each bad field; nothing is stored then.
    public static func create(_ account: NewAccount, hasher: any PasswordHasher, on db: any Database) async throws -> UserModel {
        var errors = FieldErrors()
        let email = normalized(email: account.email)
        if !looksLikeEmail(email) {
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
            email: email, passwordHash: try hasher.hash(account.password),
            displayName: account.displayName.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? email,
            role: account.role, party: party, convention: convention, isDemo: account.isDemo)
        try await user.create(on: db)
        return user
    }

    /// How many failures within ``failureWindow`` lock out an email (and a client address).
    public static let maxFailuresPerEmail = 5
    public static let maxFailuresPerClient = 20
    public static let failureWindow: TimeInterval = 15 * 60

    public enum SignInResult: Sendable {
        case signedIn(UserModel)
        /// Wrong email or password: one message for both, so nobody learns which accounts exist.
        case wrongCredentials
        /// Too many failures lately; try again after the window.
        case rateLimited(minutes: Int)
    }

    /// Checks the credentials, counting failures per email and per client in the database,
    /// so the limit holds across every server process.
    public static func signIn(email rawEmail: String, password: String, client: String, hasher: any PasswordHasher,
                              on db: any Database, now: Date = Date()) async throws -> SignInResult {
        let email = normalized(email: rawEmail)
        let since = now.addingTimeInterval(-failureWindow)
        let byEmail = try await SignInFailureModel.query(on: db).filter(\.$email == email).filter(\.$at > since).count()
        let byClient = try await SignInFailureModel.query(on: db).filter(\.$client == client).filter(\.$at > since).count()
        if byEmail >= maxFailuresPerEmail || byClient >= maxFailuresPerClient {
            return .rateLimited(minutes: Int(failureWindow / 60))
        }
        let user = try await UserModel.query(on: db).filter(\.$email == email).first()
        // Verify against a real hash even for an unknown email, so timing reveals nothing.
        let hash = user?.passwordHash ?? dummyHash
        let matches = (try? hasher.verify(password, created: hash)) ?? false
        guard let user, matches else {
            try await SignInFailureModel(email: email, client: client, at: now).create(on: db)
            return .wrongCredentials
        }
        try await SignInFailureModel.query(on: db).filter(\.$email == email).delete()
        return .signedIn(user)
    }

    /// Changes a password after checking the current one.
    public static func changePassword(of user: UserModel, current: String, new: String, confirmation: String,
                                      hasher: any PasswordHasher, on db: any Database) async throws {
        var errors = FieldErrors()
        if !((try? hasher.verify(current, created: user.passwordHash)) ?? false) {
            errors["current"] = "error.current-password-wrong"
        }
        if let problem = PasswordRules.problem(with: new) {
            errors["new"] = problem
        } else if new != confirmation {
            errors["confirmation"] = "error.password-mismatch"
        }
        guard errors.isEmpty else { throw errors }
        user.passwordHash = try hasher.hash(new)
        user.passwordChangedAt = Date()
        try await user.update(on: db)
    }

    public static func normalized(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func looksLikeEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !email.contains(where: \.isWhitespace) && email.count <= 254
    }

    /// A bcrypt hash of a random string, verified against when the email is unknown.
    static let dummyHash: String = (try? Bcrypt.hash(UUID().uuidString, cost: 12)) ?? ""
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
