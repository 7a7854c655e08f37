import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Follow-up of decisions: a secretariat member records how an action item stands.
enum ActionItemService {
    struct Form: Content {
        var status: String?
        var notes: String?
        /// The version the form showed.
        var version: Int?
    }

    /// One transaction that changes the item only if it is still at the version the form showed
    /// (else 409, nothing changed), audited; the permission is checked inside it.
    static func update(_ id: UUID, _ form: Form, by actor: Actor, author: String, on db: any Database) async throws -> ActionItemModel {
        guard let item = try await ActionItemModel.query(on: db).filter(\.$id == id).with(\.$decision).first() else { throw Abort(.notFound) }
        guard let status = ActionItemStatus(rawValue: form.status ?? "") else { throw Abort(.badRequest, reason: "error.unknown-status") }
        let notes = String((form.notes ?? "").prefix(10_000))
        let convention = item.decision.conventionCode
        try await db.write { tx in
            try Authorize.require(actor, .trackDecisions(convention: convention))
            struct Row: Decodable { var version: Int }
            let changed = try await tx.sql.update(ActionItemModel.schema).set("status", to: status.rawValue).set("notes", to: notes)
                .set(SQLIdentifier("version"), to: SQLRaw("version + 1")).set("updated_at", to: Date())
                .where("id", .equal, id).where("version", .equal, form.version ?? item.version)
                .returning("version").all(decoding: Row.self)
            guard !changed.isEmpty else { throw Abort(.conflict, reason: "error.answer.changed-meanwhile") }
            try await AuditLog.record(tx, actor: author, action: "action-item.followed-up", subject: .other("action-item/\(id.uuidString)"),
                                      before: item.status.rawValue, after: status.rawValue)
        }
        return item
    }
}
