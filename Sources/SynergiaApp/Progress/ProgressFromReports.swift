import Fluent
import Foundation
import SynergiaCore

/// When a report is published, its answers to progress-assessment questions on targets become
/// the Party's assessments of those targets for the report's cycle (the year it was due), so
/// the public dashboards show what Parties published. The narrative answer on the same target
/// is kept as the evidence; the report is named as the source.
enum ProgressFromReports {
    /// What a published report's assessment records as confidence: reports do not state one.
    static let confidenceNotStated = "not-stated"

    static func record(_ report: ReportModel, cycle: ReportingCycleModel, template: ReportTemplate,
                       answers: [String: ReportingService.CurrentAnswer], on db: any Database) async throws {
        let reportID = try report.requireID()
        let year = String(cycle.dueOn.prefix(4))
        for question in template.questions where question.type == .progressAssessment {
            guard let target = question.target, case .progressAssessment(let rating)? = answers[question.id]?.revision.value else { continue }
            let narrative = template.questions.first { $0.target == target && $0.type == .longText }
                .flatMap { answers[$0.id]?.revision.value }
                .flatMap { value -> String? in if case .longText(let text) = value { return text }; return nil } ?? ""
            let row = try await ProgressAssessmentModel.query(on: db).filter(\.$partyCode == report.partyCode)
                .filter(\.$framework == target.framework).filter(\.$target == target.code).filter(\.$cycle == year).first()
                ?? ProgressAssessmentModel()
            row.partyCode = report.partyCode
            row.framework = target.framework
            row.target = target.code
            row.cycle = year
            row.category = ProgressCategory(rating: rating).rawValue
            row.confidence = confidenceNotStated
            row.evidence = "Published \(template.title.english), version \(report.version). " + String(narrative.prefix(4000))
            row.indicators = ""
            row.assessedBy = "report/\(reportID)"
            try await row.save(on: db)
        }
    }
}
