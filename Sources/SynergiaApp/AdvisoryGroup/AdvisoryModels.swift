import Fluent
import Foundation
import SynergiaCore

/// A call for nominations to the informal advisory group (decision XII/6 ¶6).
public final class AdvisoryCallModel: Model, @unchecked Sendable {
    public static let schema = "advisory_calls"
    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    /// The decision paragraph that set the group up, e.g. `XII/6 ¶6`.
    @Field(key: "mandate") public var mandate: String
    @Field(key: "deadline") public var deadline: Date
    /// Closed by the Bureau when its selection is final; earlier calls stay visible.
    @Field(key: "closed") public var closed: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Children(for: \.$call) public var nominations: [NominationModel]
    @Children(for: \.$call) public var observers: [AdvisoryObserverModel]
    public init() {}
}

/// A candidate nominated by a Party's national focal point.
public final class NominationModel: Model, @unchecked Sendable {
    public static let schema = "advisory_nominations"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "call_id") public var call: AdvisoryCallModel
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "candidate_name") public var candidateName: String
    @Field(key: "expertise") public var expertise: String
    /// Language codes the candidate works in, comma-separated.
    @Field(key: "languages") public var languages: String
    @Field(key: "cv") public var cv: String
    @Parent(key: "nominated_by") public var nominatedBy: UserModel
    @Field(key: "status") public var status: NominationStatus
    @OptionalParent(key: "selected_by") public var selectedBy: UserModel?
    @OptionalField(key: "selected_at") public var selectedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}

/// An observer invited from the Liaison Group; listed apart from the members.
public final class AdvisoryObserverModel: Model, @unchecked Sendable {
    public static let schema = "advisory_observers"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "call_id") public var call: AdvisoryCallModel
    @Field(key: "organization") public var organization: String
    @OptionalField(key: "person") public var person: String?
    public init() {}
}

struct CreateAdvisoryTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AdvisoryCallModel.schema)
            .id()
            .field("title", .string, .required)
            .field("mandate", .string, .required)
            .field("deadline", .datetime, .required)
            .field("closed", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(NominationModel.schema)
            .id()
            .field("call_id", .uuid, .required, .references(AdvisoryCallModel.schema, "id"))
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("candidate_name", .string, .required)
            .field("expertise", .string, .required)
            .field("languages", .string, .required)
            .field("cv", .string, .required)
            .field("nominated_by", .uuid, .required, .references(UserModel.schema, "id"))
            .field("status", .string, .required)
            .field("selected_by", .uuid, .references(UserModel.schema, "id"))
            .field("selected_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(AdvisoryObserverModel.schema)
            .id()
            .field("call_id", .uuid, .required, .references(AdvisoryCallModel.schema, "id"))
            .field("organization", .string, .required)
            .field("person", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AdvisoryObserverModel.schema).delete()
        try await database.schema(NominationModel.schema).delete()
        try await database.schema(AdvisoryCallModel.schema).delete()
    }
}
