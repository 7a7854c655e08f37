import Fluent
import Foundation
import SynergiaCore

extension PartyProgress {
    /// A Party's answers to the GBF binary indicator questionnaire, per goal and target, as its
    /// latest published report that asks them states them (a draft's never: only a published
    /// report is read, as submitted).
    struct BinaryAnswers: Codable, Sendable {
        /// The published report they come from.
        var report: UUID
        var template: String
        var publishedAt: Date?
        var targets: [Target]

        struct Target: Codable, Sendable {
            var framework: String
            var code: String
            /// The questionnaire's section for this goal or target.
            var section: String
            var title: [String: String]
            var answers: [Answer]
        }

        struct Answer: Codable, Sendable {
            var question: String
            var title: [String: String]
            var value: AnswerValue
            /// The options chosen, with their labels (empty for a written answer).
            var chosen: [Choice]
        }

        struct Choice: Codable, Sendable { var id: String; var label: [String: String] }
    }

    /// The binary answers of the latest published report of `party` that has the questionnaire, or nil.
    static func binaryAnswers(party: String, templates: ReportingService.Templates, on db: any Database) async throws -> BinaryAnswers? {
        let published = try await ReportModel.query(on: db).filter(\.$partyCode == party).filter(\.$status == .published)
            .with(\.$cycle).all()
        // In each cycle the latest version published states it (an older one published after it does not);
        // of the cycles, the one published last.
        let latest = Dictionary(grouping: published, by: { $0.$cycle.id }).values.compactMap { $0.max { $0.version < $1.version } }
            .sorted { ($0.publishedAt ?? .distantPast) > ($1.publishedAt ?? .distantPast) }
        for report in latest {
            guard let template = try? templates.template(of: report.cycle) else { continue }
            let sections = template.sections.filter { $0.part == BinaryQuestionnaire.part }
            guard !sections.isEmpty else { continue }
            let answers = try await ReportingService.answers(of: report, template: template, on: db)
            return BinaryAnswers(report: try report.requireID(), template: template.id, publishedAt: report.publishedAt, targets: sections.compactMap { section in
                let given = section.questions.compactMap { question in
                    answers[question.id].map { answer in
                        let ids = answer.revision.value.chosenChoices
                        let choices = (question.choices ?? []).filter { ids.contains($0.id) }.map { BinaryAnswers.Choice(id: $0.id, label: $0.label.values) }
                        return BinaryAnswers.Answer(question: question.id, title: question.title.values, value: answer.revision.value, chosen: choices)
                    }
                }
                guard let target = section.questions.first?.target, !given.isEmpty else { return nil }
                return .init(framework: target.framework, code: target.code, section: section.id, title: section.title.values, answers: given)
            })
        }
        return nil
    }
}
