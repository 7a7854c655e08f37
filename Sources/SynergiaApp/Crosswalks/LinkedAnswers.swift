import Fluent
import Foundation
import SynergiaCore

/// For the questions of a report that are bound to a target: the targets of other frameworks
/// linked to it by a crosswalk, and the Party's answers to questions on those targets in its
/// other reports (those the reader may see: published, or drafts the reader may read).
enum LinkedAnswers {
    struct Linked: Sendable {
        /// `FRAMEWORK/CODE` of the linked target.
        var target: String
        /// The relation read from this question's target (`contributesTo`, or `receives` when
        /// the linked target contributes to this one).
        var relation: String
        var answers: [Answer]
    }

    struct Answer: Sendable {
        var reportID: UUID
        var template: LocalizedText
        var question: TemplateQuestion
        var value: AnswerValue
    }

    static func forReport(_ report: ReportModel, template: ReportTemplate, actor: Actor, templates: ReportingService.Templates,
                          on db: any Database) async throws -> [String: [Linked]] {
        let bound = template.questions.filter { $0.target != nil }
        guard !bound.isEmpty else { return [:] }
        let links = try await TargetLinkModel.query(on: db).all()
        guard !links.isEmpty else { return [:] }
        // Linked targets of each bound question, in both directions.
        var linked: [String: [(target: TargetReference, relation: String)]] = [:]
        for question in bound {
            let target = question.target!
            for link in links {
                if link.from == target { linked[question.id, default: []].append((link.to, link.relation.rawValue)) }
                if link.to == target { linked[question.id, default: []].append((link.from, "receives." + link.relation.rawValue)) }
            }
        }
        guard !linked.isEmpty else { return [:] }
        let wanted = Set(linked.values.flatMap { $0.map(\.target) })
        // The Party's other reports, latest version per cycle, whose template asks about a wanted target.
        let reportID = try report.requireID()
        let others = try await ReportModel.query(on: db).filter(\.$partyCode == report.partyCode).filter(\.$id != reportID)
            .with(\.$cycle).sort(\.$version, .descending).all()
        // Per cycle, the latest version the reader may see (a published one, or a draft they may read).
        var latestPerCycle: [UUID: (report: ReportModel, template: ReportTemplate)] = [:]
        for other in others where latestPerCycle[other.$cycle.id] == nil {
            guard let otherTemplate = try? templates.template(of: other.cycle) else { continue }
            let published = other.status == .published
            guard published || AuthorizationPolicy.permits(actor, .readDraftReport(party: other.partyCode, convention: otherTemplate.convention)) else {
                continue
            }
            latestPerCycle[other.$cycle.id] = (other, otherTemplate)
        }
        // One query for the answers of all those reports to the questions on wanted targets, one
        // for the Party's shared element values (shared questions show the element's value).
        var readable: [(report: ReportModel, template: ReportTemplate, questions: [TemplateQuestion])] = []
        for (other, otherTemplate) in latestPerCycle.values.sorted(by: { $0.template.id < $1.template.id }) {
            let questions = otherTemplate.questions.filter { $0.target.map(wanted.contains) ?? false }
            guard !questions.isEmpty else { continue }
            readable.append((other, otherTemplate, questions))
        }
        guard !readable.isEmpty else { return linked.mapValues { $0.map { Linked(target: "\($0.target.framework)/\($0.target.code)", relation: $0.relation, answers: []) } } }
        let rows = try await AnswerModel.query(on: db).filter(\.$report.$id ~~ readable.map { try $0.report.requireID() })
            .filter(\.$questionID ~~ Array(Set(readable.flatMap { $0.questions.map(\.id) }))).all()
        let rowByKey = Dictionary(rows.map { ("\($0.$report.id)/\($0.questionID)", $0) }, uniquingKeysWith: { a, _ in a })
        let needsElements = readable.contains { $0.questions.contains { $0.element != nil } }
        let elements = needsElements ? try await ElementValueModel.query(on: db).filter(\.$partyCode == report.partyCode).all() : []
        var answersByTarget: [TargetReference: [Answer]] = [:]
        for (other, otherTemplate, questions) in readable {
            let otherID = try other.requireID()
            // A submitted or published version shows what was submitted, not today's shared values.
            let snapshot = other.submittedContent == nil ? nil : try await ReportingService.answers(of: other, template: otherTemplate, on: db)
            for question in questions {
                if let snapshot {
                    if let value = snapshot[question.id]?.revision.value {
                        answersByTarget[question.target!, default: []].append(Answer(reportID: otherID, template: otherTemplate.title,
                                                                                    question: question, value: value))
                    }
                    continue
                }
                let own = rowByKey["\(otherID)/\(question.id)"]
                let json: String?
                if let element = question.element, own?.detached != true {
                    json = elements.first { $0.elementID == element }?.value
                } else {
                    json = own?.value
                }
                guard let json, let value = ReportingService.decode(json) else { continue }
                answersByTarget[question.target!, default: []].append(Answer(reportID: otherID, template: otherTemplate.title,
                                                                            question: question, value: value))
            }
        }
        return linked.mapValues { targets in
            targets.map { Linked(target: "\($0.target.framework)/\($0.target.code)", relation: $0.relation,
                                 answers: answersByTarget[$0.target] ?? []) }
        }
    }
}
