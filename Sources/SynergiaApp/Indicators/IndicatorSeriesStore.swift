import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// The version and provenance of a Party's series for one indicator. The values themselves are
/// the `indicator_values` rows; this row changes on every write to them (a report answer or an
/// import), so an editor who loaded the series before someone else changed it sees the conflict.
public final class IndicatorSeriesModel: Model, @unchecked Sendable {
    public static let schema = "indicator_series"
    @ID(key: .id) public var id: UUID?
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "indicator") public var indicator: String
    /// 1 for the first write, then +1 per write.
    @Field(key: "version") public var version: Int
    /// The report in which the series was last entered; nil when it was last imported.
    @OptionalField(key: "source_report_id") public var sourceReportID: UUID?
    @Field(key: "updated_by") public var updatedBy: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}
}

struct CreateIndicatorSeries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorSeriesModel.schema)
            .id()
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("indicator", .string, .required)
            .field("version", .int, .required)
            .field("source_report_id", .uuid)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "party_code", "indicator")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorSeriesModel.schema).delete()
    }
}

/// Reads and writes a Party's indicator series as reports see it: the total (not
/// disaggregated) values, one per period, in period order.
enum IndicatorSeriesStore {
    /// A Party's current series for one indicator.
    struct Series: Sendable {
        var points: [SeriesPoint]
        /// 0 when the values exist but were never versioned (loaded before versions were kept).
        var version: Int
        var sourceReportID: UUID?
        var updatedBy: String
        var updatedAt: Date?
    }

    /// The series of `party` for each of `indicators` that has at least one value.
    static func series(party: String, indicators: Set<String>, on db: any Database) async throws -> [String: Series] {
        guard !indicators.isEmpty else { return [:] }
        // Plain SQL rows, not models: a report page reads every value of its indicators.
        struct Value: Decodable { var indicator: String; var period: String; var period_start: Int; var value: Double; var unit: String; var entered_by: String; var updated_at: Date? }
        let sql = db as! any SQLDatabase
        let values = try await sql.select().columns("indicator", "period", "period_start", "value", "unit", "entered_by", "updated_at")
            .from(IndicatorValueModel.schema).where("party_code", .equal, party).where("indicator", .in, Array(indicators))
            .where("disaggregation", .equal, "").all(decoding: Value.self)
        let versions = try await IndicatorSeriesModel.query(on: db).filter(\.$partyCode == party)
            .filter(\.$indicator ~~ Array(indicators)).all()
        let versionByIndicator = Dictionary(uniqueKeysWithValues: versions.map { ($0.indicator, $0) })
        var result: [String: Series] = [:]
        for (indicator, rows) in Dictionary(grouping: values, by: \.indicator) {
            let meta = versionByIndicator[indicator]
            let sorted = rows.sorted { ($0.period_start, $0.period) < ($1.period_start, $1.period) }
            result[indicator] = Series(
                points: sorted.map { SeriesPoint(period: $0.period, value: $0.value, unit: $0.unit.isEmpty ? nil : $0.unit) },
                version: meta?.version ?? 0, sourceReportID: meta?.sourceReportID,
                updatedBy: meta?.updatedBy ?? sorted.last?.entered_by ?? "", updatedAt: meta?.updatedAt ?? sorted.last?.updated_at)
        }
        return result
    }

    /// Replaces the Party's total series for `indicator` with `points` (periods not listed are
    /// removed; disaggregated values are kept) and records `version` and where it came from.
    /// Run inside the caller's transaction.
    static func replace(party: String, indicator: String, points: [SeriesPoint], defaultUnit: String, version: Int,
                        report: UUID, by author: String, on db: any Database) async throws {
        let periods = points.compactMap { point in IndicatorPeriod(point.period.trimmingCharacters(in: .whitespaces)).map { (point, $0) } }
        let listed = Set(periods.map(\.1.description))
        let existing = try await IndicatorValueModel.query(on: db).filter(\.$partyCode == party).filter(\.$indicator == indicator)
            .filter(\.$disaggregation == "").all()
        for row in existing where !listed.contains(row.period) { try await row.delete(on: db) }
        for (point, period) in periods {
            let row = existing.first { $0.period == period.description } ?? IndicatorValueModel()
            row.partyCode = party
            row.indicator = indicator
            row.period = period.description
            row.periodStart = period.start
            row.value = point.value
            row.unit = point.unit ?? defaultUnit
            row.disaggregation = ""
            if row.id == nil {
                row.source = "national report"
                row.comment = ""
            }
            row.enteredBy = author
            try await row.save(on: db)
        }
        try await record(party: party, indicator: indicator, version: version, report: report, by: author, on: db)
    }

    /// Records a write to the series: `version` when given, else the next one.
    static func record(party: String, indicator: String, version: Int? = nil, report: UUID?, by author: String,
                       on db: any Database) async throws {
        let row = try await IndicatorSeriesModel.query(on: db).filter(\.$partyCode == party).filter(\.$indicator == indicator).first()
            ?? IndicatorSeriesModel()
        row.partyCode = party
        row.indicator = indicator
        row.version = version ?? ((row.id == nil ? 0 : row.version) + 1)
        row.sourceReportID = report
        row.updatedBy = author
        try await row.save(on: db)
    }
}
