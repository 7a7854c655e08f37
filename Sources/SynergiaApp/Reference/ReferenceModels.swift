import Fluent
import SynergiaCore
import Foundation

/// A convention, as stored. Loaded from `conventions.json`.
public final class ConventionModel: Model, @unchecked Sendable {
    public static let schema = "conventions"
    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "names") public var names: [String: String]
    @Field(key: "short_name") public var shortName: String
    @Field(key: "governing_body") public var governingBody: [String: String]
    @OptionalField(key: "secretariat_host") public var secretariatHost: String?
    @OptionalField(key: "administered_by") public var administeredBy: String?
    @OptionalField(key: "entry_into_force") public var entryIntoForce: Int?
    @OptionalField(key: "website") public var website: String?
    @Field(key: "position") public var position: Int
    public init() {}
}

/// A framework of goals and targets, as stored. Loaded from `frameworks.json`.
public final class FrameworkModel: Model, @unchecked Sendable {
    public static let schema = "frameworks"
    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "convention_code") public var conventionCode: String
    @Field(key: "names") public var names: [String: String]
    @OptionalField(key: "period_from") public var periodFrom: Int?
    @OptionalField(key: "period_to") public var periodTo: Int?
    @OptionalField(key: "adopted_by") public var adoptedBy: String?
    @Field(key: "position") public var position: Int
    @Children(for: \.$framework) public var goals: [GoalModel]
    @Children(for: \.$framework) public var targets: [TargetModel]
    public init() {}
}

/// A goal of a framework.
public final class GoalModel: Model, @unchecked Sendable {
    public static let schema = "goals"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "framework_id") public var framework: FrameworkModel
    @Field(key: "code") public var code: String
    @Field(key: "title") public var title: [String: String]
    @Field(key: "position") public var position: Int
    public init() {}
}

/// A target of a framework; later questions, indicators and crosswalks point at it.
public final class TargetModel: Model, @unchecked Sendable {
    public static let schema = "targets"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "framework_id") public var framework: FrameworkModel
    @OptionalField(key: "goal_code") public var goalCode: String?
    @Field(key: "code") public var code: String
    @Field(key: "title") public var title: [String: String]
    @OptionalField(key: "text") public var text: [String: String]?
    @Field(key: "position") public var position: Int
    public init() {}
}

/// A Party to the CBD, as stored. Loaded from `parties.json`.
public final class PartyModel: Model, @unchecked Sendable {
    public static let schema = "parties"
    @ID(key: .id) public var id: UUID?
    @Field(key: "alpha2") public var alpha2: String
    @OptionalField(key: "alpha3") public var alpha3: String?
    @Field(key: "kind") public var kind: Party.Kind
    @Field(key: "names") public var names: [String: String]
    @OptionalField(key: "regional_group") public var regionalGroup: String?
    @Field(key: "name_en") public var nameEnglish: String
    @Children(for: \.$party) public var memberships: [MembershipModel]
    public init() {}
}

/// Whether a Party is a Party to one convention (or unknown), as stored.
public final class MembershipModel: Model, @unchecked Sendable {
    public static let schema = "party_memberships"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "party_id") public var party: PartyModel
    @Field(key: "convention_code") public var conventionCode: String
    @Field(key: "status") public var status: MembershipStatus
    public init() {}
}

/// Which version of each reference file the database holds.
public final class ReferenceVersionModel: Model, @unchecked Sendable {
    public static let schema = "reference_versions"
    @ID(custom: "file", generatedBy: .user) public var id: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "loaded_at", on: .update) public var loadedAt: Date?
    public init() {}
    public init(file: String, version: Int) {
        self.id = file
        self.version = version
    }
}
