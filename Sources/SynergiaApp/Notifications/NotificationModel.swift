import Fluent
import Foundation
import SQLKit

/// A message to a person, queued in the database until it is delivered — through SMTP when
/// configured, else into the outbox folder. A message refused for now is retried later, with a
/// limit; one refused for good (a bad address, a 5xx) ends as failed, visible to whoever caused it.
public final class NotificationModel: Model, @unchecked Sendable {
    public static let schema = "notifications"
    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: NotificationKind
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Field(key: "status") public var status: NotificationStatus
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "delivered_at") public var deliveredAt: Date?
    /// The process delivering it now, and until when its claim holds.
    @OptionalField(key: "claimed_by") public var claimedBy: String?
    @OptionalField(key: "claimed_until") public var claimedUntil: Date?
    /// Who caused the message (the secretariat that invited, the focal point that submitted…):
    /// they see it if it cannot be delivered.
    @OptionalField(key: "caused_by") public var causedBy: String?
    public init() {}

    public init(kind: NotificationKind, recipient: String, subject: String, body: String, causedBy: String? = nil) {
        self.causedBy = causedBy
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.status = .queued
        self.attempts = 0
        self.nextAttemptAt = Date()
    }
}

/// What a notification is about.
public enum NotificationKind: String, Codable, Sendable, CaseIterable {
    case invitation
    case nominationReceived = "nomination-received"
    case selectionMade = "selection-made"
    case reportSubmitted = "report-submitted"
    case cycleOpening = "cycle-opening"
    case savedSearch = "saved-search"
}

/// Where a notification stands.
public enum NotificationStatus: String, Codable, Sendable, CaseIterable {
    /// Waiting for its next attempt.
    case queued
    /// Claimed by one `serve` process, being delivered.
    case sending
    /// Handed to the SMTP relay.
    case sent
    /// Written to the outbox folder.
    case written
    /// Refused for good, or out of attempts.
    case failed
}

struct CreateNotificationTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NotificationModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .field("next_attempt_at", .datetime, .required)
            .field("created_at", .datetime)
            .field("delivered_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NotificationModel.schema).delete()
    }
}

/// Claims, so that with several `serve` processes each message is delivered by one of them.
struct AddNotificationClaims: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column at a time.
        try await database.schema(NotificationModel.schema).field("claimed_by", .string).update()
        try await database.schema(NotificationModel.schema).field("claimed_until", .datetime).update()
        try await database.schema(NotificationModel.schema).field("caused_by", .string).update()
        try await database.sql.create(index: "notifications_due").on(NotificationModel.schema).column("status").column("next_attempt_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "notifications_due").run()
        for field in ["claimed_by", "claimed_until", "caused_by"] {
            try await database.schema(NotificationModel.schema).deleteField(.string(field)).update()
        }
    }
}
