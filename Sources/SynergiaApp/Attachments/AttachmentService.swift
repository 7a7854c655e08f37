import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Files attached to a report's answers: checked by content before anything is stored, stored
/// with the answer that cites them in one write (the report locked, the right to change it
/// checked there), read back only by those who may read the report.
enum AttachmentService {
    /// The answer changed since the editor loaded it: nothing was stored.
    struct Conflict: Error {}

    /// Attaches `data` as the answer to the link question `questionID`, based on `baseVersion`.
    /// Refused, storing nothing: a file that ``AttachmentCheck`` refuses; a question that is not a
    /// link, or is a shared element's; a report the user may not change. A conflict stores nothing either.
    static func attach(_ data: Data, filename: String, question questionID: String, baseVersion: Int, report reportID: UUID,
                       templates: ReportingService.Templates, by user: UserModel, on db: any Database) async throws -> AttachmentInfo {
        let checked: CheckedAttachment
        switch AttachmentCheck.check(data, filename: filename) {
        case .success(let file): checked = file
        case .failure(let problem): throw Refusal(problem.catalogKey)
        }
        return try await db.write { tx in
            let (report, template, _) = try await ReportingService.lockedReport(reportID, templates: templates, answer: questionID, in: tx)
            try ReportingService.requireEditable(report, template: template, by: user)
            guard let question = template.question(questionID) else { throw Abort(.notFound) }
            guard question.type == .link, question.element == nil else { throw Refusal("error.attachment.question") }
            // The report's files so far (counted under its lock): a bound on what one report may hold.
            // (PostgreSQL sums a bigint column as numeric: cast back.)
            struct Usage: Decodable { var files: Int; var bytes: Int }
            let usage = try await tx.sql.raw("""
                SELECT COUNT(*) AS files, CAST(COALESCE(SUM(size), 0) AS BIGINT) AS bytes
                FROM \(ident: AttachmentModel.schema) WHERE report_id = \(bind: reportID)
                """).first(decoding: Usage.self)
            guard (usage?.files ?? 0) < AttachmentCheck.maxFilesPerReport,
                  (usage?.bytes ?? 0) + checked.size <= AttachmentCheck.maxBytesPerReport else { throw Refusal("error.attachment.quota") }
            let row = AttachmentModel()
            row.reportID = reportID
            row.cycleID = report.$cycle.id
            row.partyCode = report.partyCode
            row.questionID = questionID
            row.store(data, checked, by: user.email)
            try await row.createInWrite(on: tx.db)
            let id = try row.requireID()
            let outcome = try await ReportingService.save(.link(.file(id.uuidString)), question: questionID, baseVersion: baseVersion,
                                                          report: reportID, template: template, by: user, in: tx)
            if case .conflict = outcome { throw Conflict() }
            try await AuditLog.record(tx, actor: user.email, action: "attachment.added", subject: .other("attachment/\(id.uuidString)"),
                                      after: "\(row.auditLine); report/\(reportID)/\(questionID)")
            return AttachmentInfo(row)
        }
    }

    /// Whether `reference` names a file attached to `question` of the Party's report of `report`'s cycle.
    static func isAttached(_ reference: String, question: String, report: ReportModel, on db: any Database) async throws -> Bool {
        guard let id = UUID(uuidString: reference) else { return false }
        return try await AttachmentModel.query(on: db).filter(\.$id == id).filter(\.$partyCode == report.partyCode)
            .filter(\.$cycleID == report.$cycle.id).filter(\.$questionID == question).count() > 0
    }

    /// The files `answers` refer to (without their bytes), by id.
    static func referenced(by answers: [AnswerValue], on db: any Database) async throws -> [String: AttachmentInfo] {
        let ids = answers.compactMap { value -> UUID? in
            if case .link(.file(let reference)) = value { return UUID(uuidString: reference) }
            return nil
        }
        guard !ids.isEmpty else { return [:] }
        struct Row: Decodable {
            var id: UUID; var filename: String; var media_type: String; var size: Int; var sha256: String
            var uploaded_by: String; var uploaded_at: Date
        }
        let rows = try await db.sql.select()
            .columns("id", "filename", "media_type", "size", "sha256", "uploaded_by", "uploaded_at")
            .from(AttachmentModel.schema).where("id", .in, ids).all(decoding: Row.self)
        var found: [String: AttachmentInfo] = [:]
        for row in rows {
            let model = AttachmentModel()
            model.id = row.id
            model.filename = row.filename
            model.mediaType = row.media_type
            model.size = row.size
            model.sha256 = row.sha256
            model.uploadedBy = row.uploaded_by
            model.uploadedAt = row.uploaded_at
            found[row.id.uuidString] = AttachmentInfo(model)
        }
        return found
    }

    /// The files a report being submitted cites, for its receipt: refused when one is missing.
    static func digests(of answers: [String: AnswerValue], on db: any Database) async throws -> [String: AttachmentDigest] {
        let found = try await referenced(by: Array(answers.values), on: db)
        var digests: [String: AttachmentDigest] = [:]
        for value in answers.values {
            guard case .link(.file(let reference)) = value else { continue }
            guard let info = found[UUID(uuidString: reference)?.uuidString ?? reference] else { throw Refusal("error.attachment.missing") }
            digests[reference] = AttachmentDigest(filename: info.filename, mediaType: info.mediaType, size: info.size, sha256: info.sha256)
        }
        return digests
    }
}
