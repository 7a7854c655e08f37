import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// Stores ``ScaleDemoData`` (`synergia seed --scale`): progress assessments of every Party for
/// every target of the SP 2011–2020 and the KMGBF in three cycles, and 30 years of values of
/// every registry indicator for every Party. Generated rows are written by
/// ``ScaleDemoData/author`` and replace the ones of an earlier run; nothing else is touched.
public enum ScaleDemoSeed {
    public struct Summary: Sendable, Equatable {
        public var parties: Int
        public var assessments: Int
        public var values: Int
    }

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
        let values = ScaleDemoData.values(parties: parties, indicators: indicators.indicators.map { ($0.code, $0.unit.value ?? "") },
                                          years: years, seed: seed)
        let now = Date()
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: ProgressAssessmentModel.schema).where("assessed_by", .equal, ScaleDemoData.author).run()
            try await sql.delete(from: IndicatorValueModel.schema).where("entered_by", .equal, ScaleDemoData.author).run()
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
            for batch in stride(from: 0, to: values.count, by: 500) {
                let rows = values[batch..<min(batch + 500, values.count)]
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
        return Summary(parties: parties.count, assessments: assessments.count, values: values.count)
    }
}
