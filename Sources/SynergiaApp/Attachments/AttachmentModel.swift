import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A document attached to an answer of a report: its bytes are kept in the database, so a
/// backup (``synergia backup``, `pg_dump`) holds them with the answers that cite them. It belongs
/// to the Party's report of one cycle (every version of it: an amendment carries its answers over).
final class AttachmentModel: Model, StoredFile, @unchecked Sendable {
    static let schema = "attachments"
    @ID(key: .id) var id: UUID?
    @Field(key: "report_id") var reportID: UUID
    @Field(key: "cycle_id") var cycleID: UUID
    @Field(key: "party_code") var partyCode: String
    @Field(key: "question_id") var questionID: String
    /// Safe to show and to send in a header (``AttachmentCheck/safeFilename(_:)``).
    @Field(key: "filename") var filename: String
    /// The type found in its content (``AttachmentType/mediaType``).
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "content") var content: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

struct CreateAttachments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AttachmentModel.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("cycle_id", .uuid, .required, .references(ReportingCycleModel.schema, "id"))
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("question_id", .string, .required)
            .storedFileFields()
            .create()
        try await ContentGeneration.addTrigger(to: AttachmentModel.schema, on: database)
    }

    func revert(on database: any Database) async throws {
        try await ContentGeneration.dropTrigger(from: AttachmentModel.schema, on: database)
        try await database.schema(AttachmentModel.schema).delete()
    }
}

/// What a report page shows of an attached file (not its bytes).
struct AttachmentInfo: Content, Sendable, Equatable {
    var id: UUID
    var filename: String
    var mediaType: String
    var size: Int
    var sha256: String
    /// Who attached it and when: for those who prepare and review the report only (nil for other readers).
    var uploadedBy: String?
    var uploadedAt: Date?

    init(_ row: AttachmentModel) {
        id = row.id!
        filename = row.filename
        mediaType = row.mediaType
        size = row.size
        sha256 = row.sha256
        uploadedBy = row.uploadedBy
        uploadedAt = row.uploadedAt
    }

    /// Without who attached it and when.
    var withoutUploader: AttachmentInfo {
        var info = self
        info.uploadedBy = nil
        info.uploadedAt = nil
        return info
    }
}
