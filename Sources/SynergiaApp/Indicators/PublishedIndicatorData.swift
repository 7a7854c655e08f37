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

        /// The data point (nil for a period the store should never hold).
        var point: IndicatorDataPoint? {
            IndicatorPeriod(period).map { period in
                IndicatorDataPoint(party: party_code, indicator: indicator, period: period, value: value, unit: unit, lower: lower, upper: upper,
                                   disaggregation: IndicatorValueModel.parse(disaggregation), source: source, comment: comment)
            }
        }
    }

    /// One page of an indicator's values (of one Party, or all), in a stable order: Party, period, disaggregation.
    static func points(indicator: String, party: String?, page: Pagination, on db: any Database) async throws -> [IndicatorDataPoint] {
        let rows = try await ordered(indicator: indicator, party: party, on: db).limit(page.limit).offset(page.offset).all(decoding: Row.self)
        return rows.compactMap(\.point)
    }

    /// The published rows of an indicator (of one Party, or all), every column, in the stable
    /// order Party, period, disaggregation that pages and exports share.
    private static func ordered(indicator: String, party: String?, after: Row? = nil, on db: any Database) -> SQLSelectBuilder {
        var select = db.sql.select()
            .columns(Column.party, Column.indicator, Column.period, Column.periodStart, Column.value, Column.unit, Column.lower, Column.upper,
                     Column.disaggregation, Column.source, Column.comment)
            .from(IndicatorValueModel.schema).where(Column.indicator, .equal, indicator)
        if let party { select = select.where(Column.party, .equal, party) }
        if let after {
            select = select.where(SQLBinaryExpression(
                SQLGroupExpression([SQLColumn(Column.party), SQLColumn(Column.periodStart), SQLColumn(Column.period), SQLColumn(Column.disaggregation)]),
                .greaterThan,
                SQLGroupExpression([SQLBind(after.party_code), SQLBind(after.period_start), SQLBind(after.period), SQLBind(after.disaggregation)])))
        }
        return select.orderBy(Column.party).orderBy(Column.periodStart).orderBy(Column.period).orderBy(Column.disaggregation)
    }

    /// The units and the values of each disaggregation dimension that published values use.
    static func usedValues(on db: any Database) async throws -> (units: Set<String>, dimensionValues: [String: Set<String>]) {
        struct UnitRow: Decodable { var unit: String }
        struct DisaggregationRow: Decodable { var disaggregation: String }
        let units = try await db.sql.select().distinct().column(Column.unit).from(IndicatorValueModel.schema).all(decoding: UnitRow.self)
        let keys = try await db.sql.select().distinct().column(Column.disaggregation).from(IndicatorValueModel.schema)
            .all(decoding: DisaggregationRow.self)
        var values: [String: Set<String>] = [:]
        for row in keys {
            for (key, value) in IndicatorValueModel.parse(row.disaggregation) { values[key, default: []].insert(value) }
        }
        return (Set(units.map(\.unit)), values)
    }

    /// The indicators that have published values (of one Party, or of any), sorted.
    static func indicators(party: String?, on db: any Database) async throws -> [String] {
        struct Row: Decodable { var indicator: String }
        var select = db.sql.select().distinct().column(Column.indicator).from(IndicatorValueModel.schema)
        if let party { select = select.where(Column.party, .equal, party) }
        return try await select.orderBy(Column.indicator).all(decoding: Row.self).map(\.indicator)
    }

    /// Every published value of these indicators (of one Party, or all), handed over a page at a
    /// time in the order of ``points(indicator:party:page:on:)``, so that an export streams. Each
    /// page starts after the last row of the one before (by its sort key, not an offset), so a
    /// write during a long export neither skips nor repeats a row that it did not touch.
    static func forEachPage(indicators: [String], party: String?, pageSize: Int = 5_000, on db: any Database,
                            _ body: ([IndicatorDataPoint]) async throws -> Void) async throws {
        for indicator in indicators {
            var after: Row?
            while true {
                let rows = try await ordered(indicator: indicator, party: party, after: after, on: db).limit(pageSize).all(decoding: Row.self)
                let points = rows.compactMap(\.point)
                if !points.isEmpty { try await body(points) }
                guard rows.count == pageSize, let last = rows.last else { break }
                after = last
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
