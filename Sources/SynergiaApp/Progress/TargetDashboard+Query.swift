import Fluent
import Foundation
import SQLKit
import SynergiaCore

extension TargetDashboard {
    /// The dashboard of `target` in `cycle` (nil: the latest with assessments), with the
    /// suggestions for `party` when one is given.
    static func query(framework: FrameworkModel, target: TargetModel, cycle requested: String?, suggestionsFor party: String?,
                      registry: IndicatorRegistry, on db: any Database) async throws -> Model {
        let cycle = try await ProgressReaders.cycle(requested, on: db)
        struct Row: Decodable { var party_code: String; var cycle: String; var category: String; var confidence: String; var evidence: String }
        var select = db.sql.select().columns("party_code", "cycle", "category", "confidence", "evidence")
            .from(ProgressAssessmentModel.schema).where("framework", .equal, framework.code).where("target", .equal, target.code)
        if let cycle { select = select.where("cycle", .equal, cycle) }
        let rows = try await select.all(decoding: Row.self)
        let members = try await ProgressReaders.members(on: db)
        let assessments = rows.compactMap { row -> Model.Assessment? in
            guard let member = members[row.party_code] else { return nil }
            return .init(party: row.party_code, regionalGroup: member.region, cycle: row.cycle,
                         category: ProgressCategory(rawValue: row.category) ?? .unknown, confidence: Confidence(rawValue: row.confidence) ?? .notStated,
                         evidence: row.evidence, conventions: member.conventions.sorted())
        }.sorted { $0.party < $1.party }
        let tally = ProgressAggregation.counts(
            assessments: assessments.map { (party: $0.party, regionalGroup: $0.regionalGroup, conventions: $0.conventions, target: target.code,
                                            category: $0.category) },
            for: target.code)
        let categoryByParty = Dictionary(assessments.map { ($0.party, $0.category) }, uniquingKeysWith: { a, _ in a })
        var suggestions: [Model.Suggestion] = []
        if let party { suggestions = try await suggest(party: party, framework: framework.code, target: target.code, registry: registry, on: db) }
        return Model(
            framework: framework.code, target: target.code, title: target.title, cycle: cycle,
            overall: tally.overall, byRegion: tally.byRegion, byConvention: tally.byConvention, assessments: assessments,
            tiles: members.sorted { ($0.value.region ?? "~", $0.value.name) < ($1.value.region ?? "~", $1.value.name) }.map { party, member in
                .init(party: party, regionalGroup: member.region, name: member.name, category: categoryByParty[party])
            }, suggestions: suggestions,
            nationalTargets: try await nationalTargets(serving: TargetReference(framework: framework.code, code: target.code), on: db))
    }

    /// The published national targets of every Party that serve `target` (never a draft: the page is public and kept).
    static func nationalTargets(serving target: TargetReference, on db: any Database) async throws -> [Model.NationalTarget] {
        try await NationalTargetModel.query(on: db).filter(\.$status == .published).sort(\.$partyCode).sort(\.$code).all().compactMap { row in
            let content = row.content
            guard content.serves(target) else { return nil }
            return .init(party: row.partyCode, code: row.code, title: content.title, language: content.language?.code,
                         degree: content.alignments.first { $0.target == target }?.degree, progress: content.progress)
        }
    }

    /// For each indicator whose link to the target states a goal, the category the Party's own
    /// published data suggests (its trend against the goal's value and year), with how it was worked out.
    static func suggest(party: String, framework: String, target: String, registry: IndicatorRegistry,
                        on db: any Database) async throws -> [Model.Suggestion] {
        var result: [Model.Suggestion] = []
        for indicator in registry.indicators(framework: framework, target: target) {
            guard let goal = indicator.targets.first(where: { $0.framework == framework && $0.code == target })?.goal else { continue }
            let values = try await PublishedIndicatorData.totals(indicator: indicator.code, party: party, on: db)
            let suggestion = ProgressSuggestion.suggest(series: values.map { (year: $0.periodStart, value: $0.value) }, baselineYear: nil,
                                                        targetValue: goal.value, targetYear: goal.year, higherIsBetter: goal.higherIsBetter)
            result.append(.init(party: party, indicator: indicator.code, category: suggestion.category, confidence: suggestion.confidence,
                                explanation: suggestion.explanation, goalValue: goal.value, goalYear: goal.year, goalQuote: goal.quote,
                                points: values.count))
        }
        return result
    }
}
