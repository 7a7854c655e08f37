import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Documents attached to a national target: each a change of the target (its version moves on,
/// so an editor who loaded it before sees a conflict), made by those who may change it, in the
/// write that locks it, audited.
enum NationalTargetDocuments {
    static let maxPerTarget = 20

    /// Attaches `data` (already checked) to `party`'s target `code` as it was at `baseVersion`.
    static func attach(_ data: Data, _ checked: CheckedAttachment, party: String, code: String, baseVersion: Int, by user: UserModel,
                       on db: any Database) async throws -> NationalTargetService.Saved {
        try await db.write { tx in
            try await tx.lock(NationalTargetModel.schema, where: "party_code", equals: party, and: "code", equals: code)
            guard let row = try await NationalTargetModel.query(on: tx.db).filter(\.$partyCode == party).filter(\.$code == code).first() else {
                throw Abort(.notFound)
            }
            try Authorize.require(user.actor, row.status == .published ? .publishNationalTargets(party: party) : .editNationalTargets(party: party))
            guard row.version == baseVersion else { return .conflict(mine: row.content, theirs: row) }
            let targetID = try row.requireID()
            guard try await NationalTargetDocumentModel.query(on: tx.db).filter(\.$targetID == targetID).count() < maxPerTarget else {
                throw Refusal("error.national-target.documents")
            }
            let document = NationalTargetDocumentModel()
            document.targetID = targetID
            document.partyCode = party
            document.store(data, checked, by: user.email)
            try await document.createInWrite(on: tx.db)
            row.version += 1
            row.updatedBy = user.email
            row.updatedAt = Date()
            try await row.update(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "national-target.document-added", subject: NationalTargetService.subject(row),
                                      after: "v\(row.version) \(document.auditLine)")
            return .saved(row)
        }
    }

    /// The target's documents, oldest first (without their bytes).
    static func list(_ targetID: UUID, on db: any Database) async throws -> [NationalTargetDocumentDTO] {
        struct Row: Decodable { var id: UUID; var filename: String; var media_type: String; var size: Int; var sha256: String }
        return try await db.sql.select().columns("id", "filename", "media_type", "size", "sha256").from(NationalTargetDocumentModel.schema)
            .where("target_id", .equal, targetID).orderBy("uploaded_at").all(decoding: Row.self)
            .map { .init(id: $0.id, filename: $0.filename, mediaType: $0.media_type, size: $0.size, sha256: $0.sha256) }
    }
}
