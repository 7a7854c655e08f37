import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A document attached to a national target (the legal text that adopted it, a map, a plan): its
/// bytes in the database, as an answer's files are, so a backup holds them. Seen by whoever may
/// see the target.
final class NationalTargetDocumentModel: Model, StoredFile, @unchecked Sendable {
    static let schema = "national_target_documents"
    @ID(key: .id) var id: UUID?
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "party_code") var partyCode: String
    @Field(key: "filename") var filename: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "content") var content: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

struct CreateNationalTargetDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NationalTargetDocumentModel.schema)
            .id()
            .field("target_id", .uuid, .required, .references(NationalTargetModel.schema, "id"))
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .storedFileFields()
            .create()
        try await ContentGeneration.addTrigger(to: NationalTargetDocumentModel.schema, on: database)
    }

    func revert(on database: any Database) async throws {
        try await ContentGeneration.dropTrigger(from: NationalTargetDocumentModel.schema, on: database)
        try await database.schema(NationalTargetDocumentModel.schema).delete()
    }
}

/// A national target's document as its page lists it (not its bytes).
struct NationalTargetDocumentDTO: Content, Sendable, Equatable {
    var id: UUID
    var filename: String
    var mediaType: String
    var size: Int
    var sha256: String
}
