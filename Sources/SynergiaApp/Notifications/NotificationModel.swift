import Fluent
import Foundation

/// A message to a person, queued in the database until it is delivered — through SMTP when
/// configured, else into the outbox folder. A failed delivery stays queued and is retried;
/// nothing is dropped.
public final class NotificationModel: Model, @unchecked Sendable {
    public static let schema = "notifications"
    @ID(key: .id) public var id: UUID?
    /// `invitation`, `nomination-received`, `selection-made`, `report-submitted`, `cycle-opening`.
    @Field(key: "kind") public var kind: String
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    /// `queued`, then `sent` (by SMTP) or `written` (to the outbox folder).
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "delivered_at") public var deliveredAt: Date?
    public init() {}

    public init(kind: String, recipient: String, subject: String, body: String) {
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.status = "queued"
        self.attempts = 0
        self.nextAttemptAt = Date()
    }
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
