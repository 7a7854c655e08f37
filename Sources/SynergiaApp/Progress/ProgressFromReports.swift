import Fluent
import Foundation
import SynergiaCore

/// When a report is published, its answers to progress-assessment questions on targets become
/// the Party's assessments of those targets for the report's cycle (the year it was due), so
/// the public dashboards show what Parties published. The narrative answer on the same target
/// is kept as the evidence; the report is named as the source.
enum ProgressFromReports {
    /// Records the report's assessments, unless a later version of it is already published.
    /// Assessments an earlier published version recorded for targets this version no longer
    /// answers are removed, so the dashboards show the latest published content only.
    ///
    /// A global target its published national targets answer for (a section written per national
    /// target) takes their sealed progress: the least advanced of their ratings
    /// (``ProgressRating/combined(_:)``), the targets and their summaries as the evidence.
    static func record(_ report: ReportModel, cycle: ReportingCycleModel, template: ReportTemplate, by user: UserModel,
                       answers: [String: ReportingService.CurrentAnswer], nationalTargets: [SealedNationalTarget],
                       in tx: WriteContext) async throws {
        let db = tx.db
        let reportID = try report.requireID()
        let later = try await ReportModel.query(on: db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$partyCode == report.partyCode)
            .filter(\.$version > report.version).filter(\.$status == .published).count()
        guard later == 0 else { return }
        let year = String(cycle.dueOn.prefix(4))
        let versions = try await ReportModel.query(on: db).filter(\.$cycle.$id == cycle.requireID())
            .filter(\.$partyCode == report.partyCode).all().compactMap { $0.id.map { "report/\($0)" } }
        let frameworks = Set(template.questions.compactMap(\.target?.framework))
        let byNationalTargets = assessments(template, nationalTargets)
        let answered = Set(template.questions.filter { $0.type == .progressAssessment && answers[$0.id] != nil }.compactMap(\.target))
            .union(byNationalTargets.keys)
        for stale in try await ProgressAssessmentModel.query(on: db).filter(\.$partyCode == report.partyCode).filter(\.$cycle == year)
            .filter(\.$assessedBy ~~ versions).all()
        where frameworks.contains(stale.framework) && !answered.contains(TargetReference(framework: stale.framework, code: stale.target)) {
            try await stale.delete(on: db)
            try await AuditLog.record(tx, actor: user.email, action: "progress.withdrawn",
                                      subject: .assessment(party: stale.partyCode, framework: stale.framework, target: stale.target, cycle: stale.cycle),
                                      before: stale.category.rawValue, after: "report/\(reportID)")
        }
        for question in template.questions where question.type == .progressAssessment {
            guard let target = question.target else { continue }
            let rating: ProgressRating, narrative: String
            if let stated = byNationalTargets[target] {
                (rating, narrative) = stated
            } else {
                guard case .progressAssessment(let answered)? = answers[question.id]?.revision.value else { continue }
                rating = answered
                narrative = template.questions.first { $0.target == target && $0.type == .longText }
                    .flatMap { answers[$0.id]?.revision.value }
                    .flatMap { value -> String? in if case .longText(let written) = value { return written.text }; return nil } ?? ""
            }
            let row = try await ProgressAssessmentModel.query(on: db).filter(\.$partyCode == report.partyCode)
                .filter(\.$framework == target.framework).filter(\.$target == target.code).filter(\.$cycle == year).first()
                ?? ProgressAssessmentModel()
            row.partyCode = report.partyCode
            row.framework = target.framework
            row.target = target.code
            row.cycle = year
            row.category = ProgressCategory(rating: rating)
            row.confidence = .notStated
            // The report by its cycle's title when it has one (the demo's begin "DEMO — "), else its template's.
            let source = cycle.title.isEmpty ? template.title.english : cycle.title
            row.evidence = "\(source), version \(report.version), published. " + String(narrative.prefix(4000))
            row.indicators = ""
            row.assessedBy = "report/\(reportID)"
            try await row.save(on: db)
            try await AuditLog.record(tx, actor: user.email, action: "progress.published",
                                      subject: .assessment(party: row.partyCode, framework: row.framework, target: row.target, cycle: year),
                                      after: "\(row.category.rawValue) from report/\(reportID)")
        }
    }

    /// The global targets the sealed national targets answer for, each with what they say together:
    /// the combined rating, and "T3 (onTrack): summary" for each of them as the narrative.
    static func assessments(_ template: ReportTemplate, _ nationalTargets: [SealedNationalTarget]) -> [TargetReference: (ProgressRating, String)] {
        let coverage = nationalTargets.map { NationalTargetCoverage(code: $0.code, $0.content) }
        var result: [TargetReference: (ProgressRating, String)] = [:]
        for id in template.answeredByNationalTargets(coverage) {
            guard let question = template.question(id), question.type == .progressAssessment, let target = question.target else { continue }
            let serving = nationalTargets.filter { $0.content.serves(target) }
            guard let rating = ProgressRating.combined(serving.compactMap(\.content.progress)) else { continue }
            result[target] = (rating, serving.map { "\($0.code) (\($0.content.progress?.rawValue ?? "-")): \($0.content.progressSummary)" }
                .joined(separator: "\n"))
        }
        return result
    }
}
