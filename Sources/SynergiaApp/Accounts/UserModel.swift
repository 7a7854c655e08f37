import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A person's account: email, bcrypt password hash, role and its scope.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"
    @ID(key: .id) public var id: UUID?
    /// Lower-cased; unique.
    @Field(key: "email") public var email: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "display_name") public var displayName: String
    @Enum(key: "role") public var role: Role
    @OptionalField(key: "party_code") public var partyCode: String?
    @OptionalField(key: "convention_code") public var conventionCode: String?
    /// Demo accounts are marked on every page they appear on.
    @Field(key: "is_demo") public var isDemo: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "password_changed_at", on: .none) public var passwordChangedAt: Date?
    /// Sessions made under another epoch no longer count (``SessionStore``).
    @Field(key: "session_epoch") public var sessionEpoch: Int
    /// The language the person last signed in with: their e-mails are written in it (nil: English).
    @OptionalField(key: "language") public var language: String?

    public init() {}

    public init(email: String, passwordHash: String, displayName: String, role: Role, party: String?, convention: String?, isDemo: Bool = false) {
        self.email = email
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.role = role
        self.partyCode = party
        self.conventionCode = convention
        self.isDemo = isDemo
        self.sessionEpoch = 0
    }

    /// A separate model with the same values (each request gets its own, so no request sees
    /// another's changes to it). Every field is set, so Fluent sees each as changed: accounts are
    /// written with SQL of the columns meant (``AccountService``), never by saving a request's model.
    func copy() -> UserModel {
        let copy = UserModel(email: email, passwordHash: passwordHash, displayName: displayName, role: role, party: partyCode,
                             convention: conventionCode, isDemo: isDemo)
        copy.id = id
        copy.$id.exists = $id.exists
        copy.createdAt = createdAt
        copy.passwordChangedAt = passwordChangedAt
        copy.sessionEpoch = sessionEpoch
        return copy
    }

    /// The account as the authorization policy sees it.
    public var actor: Actor { Actor(role: role, party: partyCode, convention: conventionCode) }
}

/// The language each person last signed in with, for their e-mails (issue 13). Registered right
/// after the accounts' table: later migrations read accounts through the model.
struct AddUserLanguage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("language", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("language").update()
    }
}

/// The national publishing authority's role (on PostgreSQL, a value added to the `role` type).
struct AddPublishingAuthorityRole: AsyncMigration {
    func prepare(on database: any Database) async throws {
        _ = try await database.enum("role").case(Role.publishingAuthority.rawValue).update()
    }

    func revert(on database: any Database) async throws {
        _ = try await database.enum("role").deleteCase(Role.publishingAuthority.rawValue).update()
    }
}

struct CreateAccountTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let role = try await database.enum("role")
            .case(Role.administrator.rawValue).case(Role.secretariat.rawValue).case(Role.bureau.rawValue)
            .case(Role.focalPoint.rawValue).case(Role.contributor.rawValue)
            .create()
        try await database.schema(UserModel.schema)
            .id()
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("role", role, .required)
            .field("party_code", .string, .references(PartyModel.schema, "alpha2"))
            .field("convention_code", .string, .references(ConventionModel.schema, "code"))
            .field("is_demo", .bool, .required)
            .field("created_at", .datetime)
            .field("password_changed_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema("sign_in_failures")
            .id()
            .field("email", .string, .required)
            .field("client", .string, .required)
            .field("at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).delete()
        try await database.enum("role").delete()
    }
}
extension UserModel: Authenticatable {}
