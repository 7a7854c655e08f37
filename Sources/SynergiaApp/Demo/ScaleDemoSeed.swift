import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// Stores ``ScaleDemoData`` (`synergia seed --scale`): progress assessments of every Party for
/// every target of the SP 2011–2020 and the KMGBF in three cycles, and 30 years of values of
/// 100 indicators for every Party: every registry indicator, and generated national indicators
/// (each linked to a registry indicator and its target) for the rest. Generated rows are written by
/// ``ScaleDemoData/author`` and replace the ones of an earlier run; nothing else is touched.
public enum ScaleDemoSeed {
    public struct Summary: Sendable, Equatable {
        public var parties: Int
        public var assessments: Int
        public var values: Int
        /// Generated national indicators (per Party: 100 minus the registry's indicators).
        public var nationalIndicators: Int
    }

    /// Indicators with a series per Party: the registry's and generated national ones.
    public static let indicatorsPerParty = 100

    public static let frameworks = ["SP2011", "KMGBF"]
    public static let cycles = ["2026", "2028", "2030"]
    public static let years = 1995...2024

    /// Generates and stores the data; `partyLimit` keeps only the first Parties (for tests).
    @discardableResult
    public static func seed(on db: any Database, indicators: IndicatorRegistry, partyLimit: Int? = nil,
                            seed: UInt64 = 2026) async throws -> Summary {
        var parties = try await PartyModel.query(on: db).sort(\.$alpha2).all().map(\.alpha2)
        if let partyLimit { parties = Array(parties.prefix(partyLimit)) }
        let frameworkRows = try await FrameworkModel.query(on: db).filter(\.$code ~~ frameworks).with(\.$targets).all()
        let frameworkTargets = frameworks.compactMap { code in
            frameworkRows.first { $0.code == code }.map { (code: code, targets: $0.targets.sorted { $0.position < $1.position }.map(\.code)) }
        }
        let assessments = ScaleDemoData.assessments(parties: parties, frameworks: frameworkTargets, cycles: cycles, seed: seed)
        // Series for the headline and Aichi-era indicators (the framework's component, complementary and
        // binary ones are not generated: binary ones are answered by a questionnaire, not a series).
        let serial = indicators.indicators.filter { $0.kind == .headline || $0.kind == .aichiGlobal }
        var values = ScaleDemoData.values(parties: parties, indicators: serial.map { ($0.code, $0.unit.value ?? "") }, years: years, seed: seed)
        // National indicators, `KE-GEN-01`…, each informing a registry indicator with a series that has a target.
        let linkable = serial.filter { !$0.targets.isEmpty }
        let perParty = max(0, indicatorsPerParty - serial.count)
        var national: [[any SQLExpression]] = []
        for (index, party) in parties.enumerated() where !linkable.isEmpty {
            var codes: [(code: String, unit: String)] = []
            for n in 1...max(1, perParty) where perParty > 0 {
                let global = linkable[(n - 1) % linkable.count]
                let code = "\(party)-GEN-\(n < 10 ? "0" : "")\(n)"
                let unit = global.unit.value ?? ""
                codes.append((code, unit))
                national.append([SQLBind(UUID()), SQLBind(party), SQLBind(code), SQLBind("Generated national indicator \(n) (informs \(global.code))"),
                                 SQLBind(unit), SQLBind("Generated demo data."), SQLBind(global.code),
                                 SQLBind("\(global.targets[0].framework)/\(global.targets[0].code)"), SQLBind(ScaleDemoData.author), SQLBind(Date())])
            }
            values += ScaleDemoData.values(parties: [party], indicators: codes, years: years, seed: seed &+ UInt64(index + 1))
        }
        let now = Date()
        let nationalRows = national, valueRows = values
        try await db.transaction { db in
            let sql = db.sql
            try await sql.delete(from: ProgressAssessmentModel.schema).where("assessed_by", .equal, ScaleDemoData.author).run()
            try await sql.delete(from: IndicatorValueModel.schema).where("entered_by", .equal, ScaleDemoData.author).run()
            try await sql.delete(from: NationalIndicatorModel.schema).where("created_by", .equal, ScaleDemoData.author).run()
            // Generated values take the place of any statement that a Party has none (as an import's do).
            for party in Set(valueRows.map(\.party)) {
                try await sql.delete(from: IndicatorStatementModel.schema).where("party_code", .equal, party)
                    .where("indicator", .in, Array(Set(valueRows.filter { $0.party == party }.map(\.indicator)))).run()
            }
            for batch in stride(from: 0, to: nationalRows.count, by: 500) {
                try await sql.insert(into: NationalIndicatorModel.schema)
                    .columns("id", "party_code", "code", "name", "unit", "definition", "global_indicators", "targets", "created_by", "updated_at")
                    .rows(Array(nationalRows[batch..<min(batch + 500, nationalRows.count)])).run()
            }
            for batch in stride(from: 0, to: assessments.count, by: 500) {
                let rows = assessments[batch..<min(batch + 500, assessments.count)]
                try await sql.insert(into: ProgressAssessmentModel.schema)
                    .columns("id", "party_code", "framework", "target", "cycle", "category", "confidence", "evidence", "indicators",
                             "assessed_by", "updated_at")
                    .rows(rows.map { a in
                        [SQLBind(UUID()), SQLBind(a.party), SQLBind(a.framework), SQLBind(a.target), SQLBind(a.cycle),
                         SQLBind(a.category.rawValue), SQLBind(a.confidence.rawValue), SQLBind("Generated demo data"), SQLBind(""),
                         SQLBind(ScaleDemoData.author), SQLBind(now)] as [any SQLExpression]
                    })
                    .run()
            }
            for batch in stride(from: 0, to: valueRows.count, by: 500) {
                let rows = valueRows[batch..<min(batch + 500, valueRows.count)]
                try await sql.insert(into: IndicatorValueModel.schema)
                    .columns("id", "party_code", "indicator", "period", "period_start", "value", "unit", "disaggregation", "source",
                             "comment", "entered_by", "updated_at")
                    .rows(rows.map { v in
                        [SQLBind(UUID()), SQLBind(v.party), SQLBind(v.indicator), SQLBind(String(v.year)), SQLBind(v.year),
                         SQLBind(v.value), SQLBind(v.unit), SQLBind(""), SQLBind("Generated demo data"), SQLBind(""),
                         SQLBind(ScaleDemoData.author), SQLBind(now)] as [any SQLExpression]
                    })
                    .run()
            }
        }
        return Summary(parties: parties.count, assessments: assessments.count, values: values.count, nationalIndicators: national.count)
    }

    /// The suffix of the titles of generated reporting cycles.
    public static let cycleSuffix = " (generated demo data)"

    /// Opens a generated cycle for each shipped template and gives every Party a draft report
    /// in each, about half of its questions answered (shared elements once per Party; questions
    /// bound to indicators show the generated indicator data). Runs once: a second call finds
    /// the generated cycles and adds nothing. Returns the number of reports made.
    @discardableResult
    public static func seedReports(on db: any Database, templates: ReportingService.Templates, partyLimit: Int? = nil,
                                   seed: UInt64 = 2026) async throws -> Int {
        guard try await ReportingCycleModel.query(on: db).filter(\.$title ~~ cycleSuffix).count() == 0 else { return 0 }
        let all = try await PartyModel.query(on: db).sort(\.$alpha2).all().map(\.alpha2)
        let parties = partyLimit.map { Array(all.prefix($0)) } ?? all
        return try await db.transaction { db in
            let sql = db.sql
            var random = DemoRandom(seed: seed ^ 0x5EED)
            var made = 0
            var elementsSet = Set<String>()
            for template in templates.byID.values.sorted(by: { $0.id < $1.id }) {
                let cycle = ReportingCycleModel()
                cycle.templateID = template.id
                cycle.templateVersion = template.version
                cycle.conventionCode = template.convention
                cycle.title = template.title.english + cycleSuffix
                cycle.opensOn = "2026-01-01"
                cycle.dueOn = "2026-12-31"
                cycle.status = .open
                try await cycle.create(on: db)
                var answers: [[any SQLExpression]] = []
                var elements: [[any SQLExpression]] = []
                for party in parties {
                    let report = ReportModel()
                    report.$cycle.id = try cycle.requireID()
                    report.partyCode = party
                    report.status = .draft
                    report.version = 1
                    try await report.create(on: db)
                    let reportID = try report.requireID()
                    made += 1
                    for question in template.questions where question.indicator == nil && random.unit() < 0.5 {
                        let json = ReportingService.encode(ScaleDemoAnswers.answer(for: question, random: &random))
                        if let element = question.element {
                            guard elementsSet.insert("\(party)/\(element)").inserted else { continue }
                            elements.append([SQLBind(UUID()), SQLBind(party), SQLBind(element), SQLBind(json), SQLBind(1), SQLBind(reportID),
                                             SQLBind(ScaleDemoData.author), SQLBind(Date())])
                        } else {
                            answers.append([SQLBind(UUID()), SQLBind(reportID), SQLBind(question.id), SQLBind(json), SQLBind(1), SQLBind(false),
                                            SQLBind(ScaleDemoData.author), SQLBind(Date())])
                        }
                    }
                }
                for batch in stride(from: 0, to: answers.count, by: 500) {
                    try await sql.insert(into: AnswerModel.schema)
                        .columns("id", "report_id", "question_id", "value", "version", "detached", "updated_by", "updated_at")
                        .rows(Array(answers[batch..<min(batch + 500, answers.count)])).run()
                }
                for batch in stride(from: 0, to: elements.count, by: 500) {
                    try await sql.insert(into: ElementValueModel.schema)
                        .columns("id", "party_code", "element_id", "value", "version", "source_report_id", "updated_by", "updated_at")
                        .rows(Array(elements[batch..<min(batch + 500, elements.count)])).run()
                }
            }
            return made
        }
    }
}
