import Fluent
import Foundation
import SynergiaCore

/// A meeting: a COP, SBI, SBSTTA, Bureau meeting, workshop or webinar.
public final class MeetingModel: Model, @unchecked Sendable {
    public static let schema = "meetings"
    @ID(key: .id) public var id: UUID?
    /// Stable code used in URLs and deadlines: `COP-13`, `SBI-1`, `WS-SYNERGIES-2016`.
    @Field(key: "code") public var code: String
    @Field(key: "convention_code") public var conventionCode: String
    @Enum(key: "kind") public var kind: MeetingKind
    @Field(key: "title") public var title: String
    /// ISO dates, first and last day.
    @Field(key: "start_date") public var startDate: String
    @Field(key: "end_date") public var endDate: String
    @OptionalField(key: "place") public var place: String?
    @OptionalField(key: "online_link") public var onlineLink: String?
    /// Registrations accepted at most (nil: no limit).
    @OptionalField(key: "capacity") public var capacity: Int?
    @Field(key: "registration_open") public var registrationOpen: Bool
    @Field(key: "description") public var description: String
    /// The language the title and description were written in (nil: not recorded); translations
    /// are in ``ContentTranslationModel``.
    @OptionalField(key: "language") public var language: String?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Children(for: \.$meeting) public var agendaItems: [AgendaItemModel]
    @Children(for: \.$meeting) public var participants: [ParticipantModel]
    public init() {}
}

/// One item of a meeting's agenda.
public final class AgendaItemModel: Model, @unchecked Sendable {
    public static let schema = "agenda_items"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "meeting_id") public var meeting: MeetingModel
    @Field(key: "number") public var number: String
    @Field(key: "title") public var title: String
    @Field(key: "position") public var position: Int
    public init() {}
}

/// A document of a meeting (symbol, title, languages, link). A document transmitted to other
/// bodies (a workshop's report to SBI-1 and COP-13) also appears among their documents.
public final class MeetingDocumentModel: Model, @unchecked Sendable {
    public static let schema = "meeting_documents"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "meeting_id") public var meeting: MeetingModel
    @OptionalField(key: "symbol") public var symbol: String?
    @Field(key: "title") public var title: String
    /// Language codes, comma-separated.
    @Field(key: "languages") public var languages: String
    @OptionalField(key: "link") public var link: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Siblings(through: DocumentTransmissionModel.self, from: \.$document, to: \.$meeting) public var transmittedTo: [MeetingModel]
    public init() {}
}

/// A document transmitted to another meeting ("transmits the report of the workshop to SBI-1").
public final class DocumentTransmissionModel: Model, @unchecked Sendable {
    public static let schema = "document_transmissions"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "document_id") public var document: MeetingDocumentModel
    @Parent(key: "meeting_id") public var meeting: MeetingModel
    public init() {}
}

/// A person invited to or registered for a meeting, by participant category.
public final class ParticipantModel: Model, @unchecked Sendable {
    public static let schema = "meeting_participants"
    @ID(key: .id) public var id: UUID?
    @Parent(key: "meeting_id") public var meeting: MeetingModel
    @Field(key: "name") public var name: String
    @Field(key: "email") public var email: String
    @Enum(key: "category") public var category: ParticipantCategory
    @OptionalField(key: "party_code") public var partyCode: String?
    @OptionalField(key: "organization") public var organization: String?
    @Field(key: "status") public var status: ParticipantStatus
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    public init() {}
}

struct CreateMeetingTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let kind = try await database.enum("meeting_kind").case("cop").case("sbi").case("sbstta").case("bureau")
            .case("workshop").case("webinar").case("other").create()
        let category = try await database.enum("participant_category").case("party-delegate").case("convention-secretariat")
            .case("observer-organization").case("iplc").case("expert").create()
        try await database.schema(MeetingModel.schema)
            .id()
            .field("code", .string, .required)
            .field("convention_code", .string, .required, .references(ConventionModel.schema, "code"))
            .field("kind", kind, .required)
            .field("title", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("place", .string)
            .field("online_link", .string)
            .field("capacity", .int)
            .field("registration_open", .bool, .required)
            .field("description", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(AgendaItemModel.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id"))
            .field("number", .string, .required)
            .field("title", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema(MeetingDocumentModel.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id"))
            .field("symbol", .string)
            .field("title", .string, .required)
            .field("languages", .string, .required)
            .field("link", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(DocumentTransmissionModel.schema)
            .id()
            .field("document_id", .uuid, .required, .references(MeetingDocumentModel.schema, "id"))
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id"))
            .unique(on: "document_id", "meeting_id")
            .create()
        try await database.schema(ParticipantModel.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingModel.schema, "id"))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("category", category, .required)
            .field("party_code", .string, .references(PartyModel.schema, "alpha2"))
            .field("organization", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "meeting_id", "email")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [ParticipantModel.schema, DocumentTransmissionModel.schema, MeetingDocumentModel.schema,
                       AgendaItemModel.schema, MeetingModel.schema] {
            try await database.schema(schema).delete()
        }
        try await database.enum("participant_category").delete()
        try await database.enum("meeting_kind").delete()
    }
}
