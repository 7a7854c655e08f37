import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Secretariats add and remove links between targets, each in one transaction with its audit
/// entry; the database's unique index decides between two identical links added at once.
enum CrosswalkService {
    struct LinkForm: Content {
        var fromFramework: String?; var fromCode: String?; var toFramework: String?; var toCode: String?
        var relation: String?; var sourceTitle: String?; var sourceURL: String?; var quote: String?
    }

    /// Adds a link that touches a framework of the user's convention; both targets must exist,
    /// in different frameworks, and the source must be named (an http(s) URL if one is given).
    @discardableResult
    static func add(_ form: LinkForm, by user: UserModel, on db: any Database) async throws -> TargetLinkModel {
        func clean(_ s: String?, max: Int) -> String { String((s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(max)) }
        let from = TargetReference(framework: clean(form.fromFramework, max: 40).uppercased(), code: clean(form.fromCode, max: 40))
        let to = TargetReference(framework: clean(form.toFramework, max: 40).uppercased(), code: clean(form.toCode, max: 40))
        guard let fromFramework = try await framework(from, on: db), let toFramework = try await framework(to, on: db) else {
            throw Refusal("error.crosswalk.target")
        }
        guard AuthorizationPolicy.permits(user.actor, .editCrosswalks(convention: fromFramework.conventionCode))
                || AuthorizationPolicy.permits(user.actor, .editCrosswalks(convention: toFramework.conventionCode)) else {
            throw Abort(user.actor.isSignedIn ? .forbidden : .unauthorized)
        }
        guard from.framework != to.framework else { throw Refusal("error.crosswalk.same-framework") }
        guard let relation = TargetRelation(rawValue: clean(form.relation, max: 40)) else { throw Refusal("error.crosswalk.relation") }
        let title = clean(form.sourceTitle, max: 500)
        guard !title.isEmpty else { throw Refusal("error.crosswalk.source") }
        let url = clean(form.sourceURL, max: 2_000)
        guard url.isEmpty || SafeLink.isWebURL(url) else { throw Refusal("error.answer.url-invalid") }
        let quote = clean(form.quote, max: 4_000)
        let id = UUID()
        try await db.write { tx in
            let inserted = try await tx.sql.insert(into: TargetLinkModel.schema)
                .columns("id", "from_framework", "from_code", "to_framework", "to_code", "relation", "source_title", "source_url", "quote",
                         "created_by", "updated_at")
                .values(SQLBind(id), SQLBind(from.framework), SQLBind(from.code), SQLBind(to.framework), SQLBind(to.code),
                        SQLBind(relation.rawValue), SQLBind(title), SQLBind(url.isEmpty ? nil : url), SQLBind(quote.isEmpty ? nil : quote),
                        SQLBind(user.email), SQLBind(Date()))
                .ignoringConflicts(with: ["from_framework", "from_code", "to_framework", "to_code"]).returning("id").all()
            guard !inserted.isEmpty else { throw Refusal("error.crosswalk.duplicate") }
            try await AuditLog.record(tx, actor: user.email, action: "crosswalk.added", subject: .crosswalk(id),
                                      after: "\(from.framework)/\(from.code) \(relation.rawValue) \(to.framework)/\(to.code); \(title)")
        }
        guard let row = try await TargetLinkModel.find(id, on: db) else { throw Abort(.internalServerError) }
        return row
    }

    /// Removes a link, by a secretariat of a convention whose framework it touches.
    static func remove(_ id: UUID, by user: UserModel, on db: any Database) async throws {
        try await db.write { tx in
            try await tx.lock(TargetLinkModel.schema, where: "id", equals: id)
            guard let row = try await TargetLinkModel.find(id, on: tx.db) else { throw Abort(.notFound) }
            let conventions = try await FrameworkModel.query(on: tx.db).filter(\.$code ~~ [row.fromFramework, row.toFramework]).all()
                .map(\.conventionCode)
            guard conventions.contains(where: { AuthorizationPolicy.permits(user.actor, .editCrosswalks(convention: $0)) }) else {
                throw Abort(user.actor.isSignedIn ? .forbidden : .unauthorized)
            }
            try await row.delete(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "crosswalk.removed", subject: .crosswalk(id),
                                      before: "\(row.fromFramework)/\(row.fromCode) \(row.relation.rawValue) \(row.toFramework)/\(row.toCode); \(row.sourceTitle)")
        }
    }

    static func framework(_ target: TargetReference, on db: any Database) async throws -> FrameworkModel? {
        guard let framework = try await FrameworkModel.query(on: db).filter(\.$code == target.framework).first(),
              try await TargetModel.query(on: db).filter(\.$framework.$id == framework.requireID()).filter(\.$code == target.code).first() != nil
        else { return nil }
        return framework
    }
}
