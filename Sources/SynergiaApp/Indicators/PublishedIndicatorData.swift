import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// The one reader of published indicator values (`indicator_values`) for pages, exports and
/// the API. Drafts entered in reports are never here: they become values when their report is
/// published (``IndicatorSeriesStore``).
enum PublishedIndicatorData {
    enum Column {
        static let party = "party_code", indicator = "indicator", period = "period", periodStart = "period_start", value = "value"
        static let unit = "unit", lower = "lower", upper = "upper", disaggregation = "disaggregation", source = "source", comment = "comment"
    }

    private struct Row: Decodable {
        var party_code: String; var indicator: String; var period: String; var period_start: Int; var value: Double; var unit: String
        var lower: Double?; var upper: Double?; var disaggregation: String; var source: String; var comment: String
    }

    /// One page of an indicator's values (of one Party, or all), in a stable order: Party, period, disaggregation.
    static func points(indicator: String, party: String?, page: Pagination, on db: any Database) async throws -> [IndicatorDataPoint] {
        var select = db.sql.select()
            .columns(Column.party, Column.indicator, Column.period, Column.periodStart, Column.value, Column.unit, Column.lower, Column.upper,
                     Column.disaggregation, Column.source, Column.comment)
            .from(IndicatorValueModel.schema).where(Column.indicator, .equal, indicator)
        if let party { select = select.where(Column.party, .equal, party) }
        let rows = try await select.orderBy(Column.party).orderBy(Column.periodStart).orderBy(Column.period).orderBy(Column.disaggregation)
            .limit(page.limit).offset(page.offset).all(decoding: Row.self)
        return rows.compactMap { row in
            IndicatorPeriod(row.period).map { period in
                IndicatorDataPoint(party: row.party_code, indicator: row.indicator, period: period, value: row.value, unit: row.unit,
                                   lower: row.lower, upper: row.upper, disaggregation: IndicatorValueModel.parse(row.disaggregation),
                                   source: row.source, comment: row.comment)
            }
        }
    }

    /// The disaggregation dimensions (lowercase keys) an indicator's values use.
    static func dimensions(indicator: String, party: String?, on db: any Database) async throws -> [String] {
        struct Row: Decodable { var disaggregation: String }
        var select = db.sql.select().distinct().column(Column.disaggregation).from(IndicatorValueModel.schema)
            .where(Column.indicator, .equal, indicator)
        if let party { select = select.where(Column.party, .equal, party) }
        let keys = try await select.all(decoding: Row.self).flatMap { IndicatorValueModel.parse($0.disaggregation).keys }
        return Array(Set(keys)).sorted()
    }
}

extension PublishedIndicatorData {
    /// One published total (no disaggregation) of a Party's series.
    struct Total: Decodable, Sendable {
        var indicator: String
        var period: String
        var periodStart: Int
        var value: Double
        var unit: String
        enum CodingKeys: String, CodingKey { case indicator, period, periodStart = "period_start", value, unit }
    }

    /// A Party's published totals of one indicator (all indicators when nil), in period order.
    static func totals(indicator: String?, party: String, on db: any Database) async throws -> [Total] {
        var select = db.sql.select().columns(Column.indicator, Column.period, Column.periodStart, Column.value, Column.unit)
            .from(IndicatorValueModel.schema).where(Column.party, .equal, party).where(Column.disaggregation, .equal, "")
        if let indicator { select = select.where(Column.indicator, .equal, indicator) }
        return try await select.orderBy(Column.periodStart).orderBy(Column.period).all(decoding: Total.self)
    }
}
