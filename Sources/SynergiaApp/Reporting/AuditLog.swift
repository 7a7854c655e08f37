import Fluent
import Foundation
import SynergiaCore

/// The append-only, hash-chained audit log of changes to official records, on top of
/// ``AuditChain`` (Core). Entries are only ever added; `verify` names the first broken one.
public enum AuditLog {
    /// Appends an entry after the current last one, in the caller's transaction.
    public static func append(actor: String, action: String, subject: String, before: String? = nil, after: String? = nil,
                              on db: any Database) async throws {
        let last = try await AuditEntryModel.query(on: db).sort(\.$sequence, .descending).first().map(entry)
        let next = AuditChain.append(to: last.map { [$0] } ?? [], at: Date(), actor: actor, action: action, subject: subject,
                                     before: before, after: after)
        let row = AuditEntryModel()
        row.sequence = next.sequence
        row.at = next.at
        row.actor = next.actor
        row.action = next.action
        row.subject = next.subject
        row.before = next.before
        row.after = next.after
        row.previousHash = next.previousHash
        row.hash = next.hash
        try await row.create(on: db)
    }

    /// Checks the whole chain.
    public static func verify(on db: any Database) async throws -> AuditVerification {
        AuditChain.verify(try await AuditEntryModel.query(on: db).sort(\.$sequence).all().map(entry))
    }

    static func entry(_ row: AuditEntryModel) -> AuditEntry {
        // Databases keep microseconds (PostgreSQL) or a double (SQLite); the chain hashes whole
        // milliseconds, so read the stored time back to the nearest millisecond.
        let at = Date(timeIntervalSince1970: (row.at.timeIntervalSince1970 * 1000).rounded() / 1000)
        return AuditEntry(sequence: row.sequence, at: at, actor: row.actor, action: row.action, subject: row.subject,
                   before: row.before, after: row.after, previousHash: row.previousHash, hash: row.hash)
    }
}
