import Fluent
import Foundation
import SynergiaCore

/// The version and provenance of a Party's series for one indicator. The published values are
/// the `indicator_values` rows; a series entered in a report that is not yet published is a
/// draft (`indicator_draft_values`, named by `draftReportID`), seen only by those who may read
/// that report. The version changes on every write to either (a report answer or an import), so
/// an editor who loaded the series before someone else changed it sees the conflict.
public final class IndicatorSeriesModel: Model, @unchecked Sendable {
    public static let schema = "indicator_series"
    @ID(key: .id) public var id: UUID?
    @Field(key: "party_code") public var partyCode: String
    @Field(key: "indicator") public var indicator: String
    /// 1 for the first write, then +1 per write.
    @Field(key: "version") public var version: Int
    /// The report in which the series was last entered; nil when it was last imported.
    @OptionalField(key: "source_report_id") public var sourceReportID: UUID?
    /// The unpublished report whose draft of the series editors see; nil when there is no draft.
    @OptionalField(key: "draft_report_id") public var draftReportID: UUID?
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

/// The draft layer of indicator series: totals entered in a report that is not published yet.
struct CreateIndicatorDrafts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IndicatorSeriesModel.schema).field("draft_report_id", .uuid).update()
        try await database.schema(IndicatorDraftValues.table)
            .id()
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("indicator", .string, .required)
            .field("period", .string, .required)
            .field("period_start", .int, .required)
            .field("value", .double, .required)
            .field("unit", .string, .required)
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("entered_by", .string, .required)
            .unique(on: "party_code", "indicator", "period")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IndicatorDraftValues.table).delete()
        try await database.schema(IndicatorSeriesModel.schema).deleteField("draft_report_id").update()
    }
}

/// Column names of the draft layer.
enum IndicatorDraftValues {
    static let table = "indicator_draft_values"
}
