import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// A Party's public assessments of its progress toward targets, stated outside a report. An
/// assessment is the Party's public record: only the Party's focal point for the convention
/// whose framework it is may state or change it, audited; a published report states its own
/// (``ProgressFromReports``).
enum ProgressService {
    struct AssessmentForm: Content {
        var cycle: String?; var category: String?; var confidence: String?; var evidence: String?; var indicators: String?
    }

    /// Records (or replaces) the Party's assessment of a target in a cycle, in one transaction.
    static func record(_ form: AssessmentForm, framework: FrameworkModel, target: TargetModel, by user: UserModel,
                       on db: any Database) async throws {
        guard let party = user.partyCode else { throw Abort(user.actor.isSignedIn ? .forbidden : .unauthorized) }
        try Authorize.require(user.actor, .recordAssessment(party: party, convention: framework.conventionCode))
        guard let category = ProgressCategory(rawValue: form.category ?? "") else { throw Refusal("error.progress.category") }
        guard let confidence = Confidence(rawValue: form.confidence ?? ""), Confidence.stated.contains(confidence) else {
            throw Refusal("error.progress.confidence")
        }
        // A cycle is the year its reports are due (as published reports record it), so every
        // dashboard lines the cycles up and none can be pushed to the front with a made-up label.
        let cycle = (form.cycle ?? "").trimmingCharacters(in: .whitespaces)
        guard let year = ProgressCycle(cycle) else { throw Refusal("error.progress.cycle") }
        let evidence = String((form.evidence ?? "").prefix(10_000))
        let indicators = String((form.indicators ?? "").prefix(1_000))
        try await db.write { tx in
            let subject = AuditSubject.assessment(party: party, framework: framework.code, target: target.code, cycle: year.text)
            let inserted = try await tx.sql.insert(into: ProgressAssessmentModel.schema)
                .columns("id", "party_code", "framework", "target", "cycle", "category", "confidence", "evidence", "indicators", "assessed_by", "updated_at")
                .values(SQLBind(UUID()), SQLBind(party), SQLBind(framework.code), SQLBind(target.code), SQLBind(year.text),
                        SQLBind(category.rawValue), SQLBind(confidence.rawValue), SQLBind(evidence), SQLBind(indicators), SQLBind(user.email),
                        SQLBind(Date()))
                .ignoringConflicts(with: ["party_code", "framework", "target", "cycle"]).returning("id").all()
            var before: String?
            if inserted.isEmpty {
                struct Row: Decodable { var category: String }
                before = try await tx.sql.select().column("category").from(ProgressAssessmentModel.schema)
                    .where("party_code", .equal, party).where("framework", .equal, framework.code).where("target", .equal, target.code)
                    .where("cycle", .equal, year.text).for(.update).first(decoding: Row.self)?.category
                try await tx.sql.update(ProgressAssessmentModel.schema)
                    .set("category", to: category.rawValue).set("confidence", to: confidence.rawValue).set("evidence", to: evidence)
                    .set("indicators", to: indicators).set("assessed_by", to: user.email).set("updated_at", to: Date())
                    .where("party_code", .equal, party).where("framework", .equal, framework.code).where("target", .equal, target.code)
                    .where("cycle", .equal, year.text).run()
            }
            try await AuditLog.record(tx, actor: user.email, action: "progress.assessed", subject: subject, before: before, after: category.rawValue)
        }
    }
}
