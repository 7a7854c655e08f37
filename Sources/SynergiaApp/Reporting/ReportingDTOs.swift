import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A reporting cycle.
public struct CycleDTO: Content, Equatable {
    public var id: UUID; public var template: String; public var templateVersion: Int; public var convention: String
    public var title: String; public var opensOn: String; public var dueOn: String; public var status: String
    init(_ row: ReportingCycleModel) {
        id = row.id!; template = row.templateID; templateVersion = row.templateVersion; convention = row.conventionCode
        title = row.title; opensOn = row.opensOn; dueOn = row.dueOn; status = row.status.rawValue
    }
}

/// A report with every answer and where it comes from.
public struct ReportDTO: Content {
    public var id: UUID
    public var cycle: CycleDTO
    public var party: String
    public var status: String
    public var version: Int
    public var submittedAt: Date?
    public var receiptSHA256: String?
    public var answers: [Answer]
    /// Answered required questions / required questions.
    public var completeness: Completeness

    public struct Answer: Content {
        public var question: String
        public var value: AnswerValue
        public var version: Int
        public var author: String
        /// The element the question shares with other conventions' reports.
        public var element: String?
        /// The report in which the shared value was entered, when it is another one.
        public var reusedFrom: UUID?
        public var detached: Bool
        /// The registry indicator whose Party data series this answer is (shared with imports and dashboards).
        public var indicator: String?

        init(question: String, _ current: ReportingService.CurrentAnswer) {
            self.question = question
            value = current.revision.value
            version = current.revision.version
            author = current.revision.author
            element = current.elementID
            reusedFrom = current.reusedFrom
            detached = current.detached
            indicator = current.indicator
        }
    }

    public struct Completeness: Content, Equatable { public var answered: Int; public var required: Int }

    static func make(_ report: ReportModel, _ cycle: ReportingCycleModel, _ template: ReportTemplate, on db: any Database) async throws -> ReportDTO {
        let answers = try await ReportingService.answers(of: report, template: template, on: db)
        let required = template.questions.filter(\.required)
        return ReportDTO(
            id: try report.requireID(), cycle: CycleDTO(cycle), party: report.partyCode, status: report.status.rawValue, version: report.version,
            submittedAt: report.submittedAt, receiptSHA256: report.receiptSHA256,
            answers: template.questions.compactMap { question in
                answers[question.id].map { Answer(question: question.id, $0) }
            },
            completeness: Completeness(answered: required.filter { answers[$0.id] != nil }.count, required: required.count))
    }
}

