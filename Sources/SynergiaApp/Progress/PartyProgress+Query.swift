import Fluent
import Foundation
import SynergiaCore
import Vapor

extension PartyProgress {
    /// The dashboard of the Party `code` (404 when there is none), with the indicators of `kind` linked to
    /// each target (nil: the headline, Aichi-era and national ones, and any the Party has data for).
    static func query(party code: String, registry: IndicatorRegistry, templates: ReportingService.Templates, kind: IndicatorKind? = nil,
                      on db: any Database) async throws -> Model {
        guard let party = try await PartyModel.query(on: db).filter(\.$alpha2 == code).with(\.$memberships).first() else {
            throw Abort(.notFound)
        }
        // Every CBD Party reports on the CBD frameworks; the others by membership.
        let conventions = Set(["CBD"] + party.memberships.filter { $0.status == .party }.map(\.conventionCode))
        let assessments = try await ProgressAssessmentModel.query(on: db).filter(\.$partyCode == code).all()
        let byTarget = Dictionary(grouping: assessments) { "\($0.framework)/\($0.target)" }
        let valuesByIndicator = Dictionary(grouping: try await PublishedIndicatorData.totals(indicator: nil, party: code, on: db), by: \.indicator)
        let national = try await NationalIndicatorModel.definitions(
            NationalIndicatorModel.query(on: db).filter(\.$partyCode == code).sort(\.$code).all(), on: db)
        let cycles = Array(Set(assessments.map(\.cycle))).sorted()
        let statements = try await IndicatorStatementService.statements(party: code, on: db)
        let frameworks = try await ProgressReaders.frameworks(on: db).filter { conventions.contains($0.conventionCode) }
        let linked = (registry.indicators + national).filter { indicator in
            indicator.targets.contains { link in frameworks.contains { $0.code == link.framework } }
        }
        return Model(
            party: code, names: party.names, conventions: conventions.sorted(), cycles: cycles, kind: kind,
            kinds: IndicatorKindFilter.counts(linked),
            frameworks: frameworks.map { framework in
                .init(code: framework.code, convention: framework.conventionCode, names: framework.names,
                      targets: framework.targets.sorted { $0.position < $1.position }.map { target in
                          let rows = byTarget["\(framework.code)/\(target.code)"] ?? []
                          let indicators = linked.filter { indicator in
                              indicator.targets.contains { $0.framework == framework.code && $0.code == target.code }
                                  && IndicatorKindFilter.includes(indicator, kind, hasData: valuesByIndicator[indicator.code] != nil
                                                                  || statements[indicator.code] != nil)
                          }
                          return .init(
                            code: target.code, title: target.title,
                            assessments: Dictionary(rows.map { ($0.cycle, $0.category) }, uniquingKeysWith: { a, _ in a }),
                            indicators: indicators.map { indicator in
                                let series = valuesByIndicator[indicator.code] ?? []
                                return .init(code: indicator.code, name: indicator.name.values, values: series.count,
                                             latestPeriod: series.last?.period, latestValue: series.last?.value, unit: series.last?.unit,
                                             statement: series.isEmpty ? statements[indicator.code] : nil)
                            })
                      })
            },
            binary: try await binaryAnswers(party: code, templates: templates, on: db))
    }
}
