import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

extension IndicatorPage {
    /// The page of indicator `code` (404 when neither the registry nor a Party knows it), for one
    /// Party or for all.
    static func query(code: String, party: String?, registry: IndicatorRegistry, on db: any Database) async throws -> Model {
        guard let definition = try await NationalIndicatorService.definition(code, registry: registry, on: db) else { throw Abort(.notFound) }
        if let party {
            let points = try await PublishedIndicatorData.points(indicator: code, party: party, page: Pagination(limit: 10_000, offset: 0), on: db)
                .filter { $0.disaggregation.isEmpty }
            let statement = try await IndicatorStatementModel.query(on: db).filter(\.$partyCode == party).filter(\.$indicator == code).first()
            return Model(indicator: IndicatorDTO(definition), party: party, points: points, summary: nil, statement: statement.map(IndicatorStatementDTO.init))
        }
        return Model(indicator: IndicatorDTO(definition), party: nil, points: [], summary: try await summary(code, on: db))
    }

    static func summary(_ code: String, on db: any Database) async throws -> Summary {
        struct Row: Decodable { var party_code: String; var period: String; var period_start: Int; var value: Double; var unit: String }
        let rows = try await db.sql.select().columns("party_code", "period", "period_start", "value", "unit")
            .from(IndicatorValueModel.schema).where("indicator", .equal, code).where("disaggregation", .equal, "")
            .all(decoding: Row.self)
        var byYear: [Int: [Double]] = [:]
        var latest: [String: Row] = [:]
        for row in rows {
            byYear[row.period_start, default: []].append(row.value)
            if let seen = latest[row.party_code], seen.period_start >= row.period_start { continue }
            latest[row.party_code] = row
        }
        let median = byYear.keys.sorted().map { year -> (year: Int, value: Double, parties: Int) in
            let values = byYear[year, default: []].sorted()
            let middle = values.count / 2
            let value = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
            return (year, value, values.count)
        }
        return Summary(median: median, latest: latest.keys.sorted().compactMap { party in
            latest[party].map { (party, $0.period, $0.value, $0.unit) }
        })
    }
}
