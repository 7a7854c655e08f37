import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// Reads and writes a Party's indicator series as reports see it: the total (not
/// disaggregated) values, one per period, in period order — the draft when a report has one,
/// else the published values.
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

    private struct Meta: Decodable {
        var indicator: String; var version: Int; var source_report_id: UUID?; var draft_report_id: UUID?
        var updated_by: String; var updated_at: Date?
    }

    private struct Value: Decodable {
        var indicator: String; var period: String; var period_start: Int; var value: Double; var unit: String; var entered_by: String
    }

    /// The series of `party` for each of `indicators` that has at least one value, as the people
    /// preparing its reports see it (drafts included). Callers check that the reader may read
    /// the Party's unpublished reports; public pages read ``IndicatorValueModel`` rows only.
    static func series(party: String, indicators: Set<String>, on db: any Database) async throws -> [String: Series] {
        guard !indicators.isEmpty else { return [:] }
        let sql = db.sql
        let metas = try await sql.select().columns("indicator", "version", "source_report_id", "draft_report_id", "updated_by", "updated_at")
            .from(IndicatorSeriesModel.schema).where("party_code", .equal, party).where("indicator", .in, Array(indicators))
            .all(decoding: Meta.self)
        let metaByIndicator = Dictionary(uniqueKeysWithValues: metas.map { ($0.indicator, $0) })
        let drafted = metas.filter { $0.draft_report_id != nil }.map(\.indicator)
        let published = indicators.subtracting(drafted)
        var values: [Value] = []
        if !published.isEmpty {
            values += try await sql.select().columns("indicator", "period", "period_start", "value", "unit", "entered_by")
                .from(IndicatorValueModel.schema).where("party_code", .equal, party).where("indicator", .in, Array(published))
                .where("disaggregation", .equal, "").all(decoding: Value.self)
        }
        if !drafted.isEmpty {
            values += try await sql.select().columns("indicator", "period", "period_start", "value", "unit", "entered_by")
                .from(IndicatorDraftValues.table).where("party_code", .equal, party).where("indicator", .in, drafted)
                .all(decoding: Value.self)
        }
        var result: [String: Series] = [:]
        let grouped = Dictionary(grouping: values, by: \.indicator)
        for indicator in indicators {
            let rows = grouped[indicator] ?? []
            let meta = metaByIndicator[indicator]
            // A draft that lists no value is still the report's answer (an emptied series).
            guard !rows.isEmpty || meta?.draft_report_id != nil else { continue }
            let sorted = rows.sorted { ($0.period_start, $0.period) < ($1.period_start, $1.period) }
            result[indicator] = Series(
                points: sorted.map { SeriesPoint(period: $0.period, value: $0.value, unit: $0.unit.isEmpty ? nil : $0.unit) },
                version: meta?.version ?? 0, sourceReportID: meta?.source_report_id,
                updatedBy: meta?.updated_by ?? sorted.last?.entered_by ?? "", updatedAt: meta?.updated_at)
        }
        return result
    }

    /// Replaces the draft of the Party's total series for `indicator` with `points`, entered in
    /// `report`, if the series is still at `expectedVersion` (see ``advance(party:indicator:expectedVersion:source:draft:by:in:)``);
    /// returns the new version, or nil, changing nothing, when someone changed it meanwhile.
    /// Run inside the caller's write.
    static func replaceDraft(party: String, indicator: String, points: [SeriesPoint], defaultUnit: String, expectedVersion: Int,
                             report: UUID, by author: String, in tx: WriteContext) async throws -> Int? {
        guard let version = try await advance(party: party, indicator: indicator, expectedVersion: expectedVersion, source: report,
                                              draft: .some(report), by: author, in: tx) else { return nil }
        try await tx.sql.delete(from: IndicatorDraftValues.table).where("party_code", .equal, party).where("indicator", .equal, indicator).run()
        for point in points {
            guard let period = IndicatorPeriod(point.period.trimmingCharacters(in: .whitespaces)) else { continue }
            try await tx.sql.insert(into: IndicatorDraftValues.table)
                .columns("id", "party_code", "indicator", "period", "period_start", "value", "unit", "report_id", "entered_by")
                .values(SQLBind(UUID()), SQLBind(party), SQLBind(indicator), SQLBind(period.description), SQLBind(period.start),
                        SQLBind(point.value), SQLBind(point.unit ?? defaultUnit), SQLBind(report), SQLBind(author))
                .ignoringConflicts(with: ["party_code", "indicator", "period"])
                .run()
        }
        return version
    }

    /// The series' version as stored (nil when it was never versioned).
    static func storedVersion(party: String, indicator: String, on sql: any SQLDatabase) async throws -> Int? {
        struct Row: Decodable { var version: Int }
        return try await sql.select().column("version").from(IndicatorSeriesModel.schema).where("party_code", .equal, party)
            .where("indicator", .equal, indicator).first(decoding: Row.self)?.version
    }

    /// Moves the series to its next version and returns it (compare-and-set):
    /// - `expectedVersion` > 0: only if it is at that version, else nil (someone changed it);
    /// - `expectedVersion` 0: only if it has no version yet (two first writes cannot both win);
    /// - `expectedVersion` nil: whatever its version (an import, which conflicts with no one).
    /// `draft` sets or clears the draft's report when given.
    static func advance(party: String, indicator: String, expectedVersion: Int?, source: UUID?, draft: UUID??, by author: String,
                        in tx: WriteContext) async throws -> Int? {
        struct Row: Decodable { var version: Int }
        let sql = tx.sql
        func update(expecting version: Int?) async throws -> Int? {
            var update = sql.update(IndicatorSeriesModel.schema).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
                .set("source_report_id", to: source).set("updated_by", to: author).set("updated_at", to: Date())
            if let draft { update = update.set("draft_report_id", to: draft) }
            update = update.where("party_code", .equal, party).where("indicator", .equal, indicator)
            if let version { update = update.where("version", .equal, version) }
            return try await update.returning("version").first(decoding: Row.self)?.version
        }
        func insert() async throws -> Bool {
            try await sql.insert(into: IndicatorSeriesModel.schema)
                .columns("id", "party_code", "indicator", "version", "source_report_id", "draft_report_id", "updated_by", "updated_at")
                .values(SQLBind(UUID()), SQLBind(party), SQLBind(indicator), SQLBind(1), SQLBind(source), SQLBind(draft ?? nil),
                        SQLBind(author), SQLBind(Date()))
                .ignoringConflicts(with: ["party_code", "indicator"]).returning("id").all().count == 1
        }
        switch expectedVersion {
        case let version? where version > 0:
            return try await update(expecting: version)
        case .some:
            // No version yet: a row made by a lock (version 0) or none at all.
            if let version = try await update(expecting: 0) { return version }
            return try await insert() ? 1 : nil
        case nil:
            if let version = try await update(expecting: nil) { return version }
            if try await insert() { return 1 }
            return try await update(expecting: nil)
        }
    }

    /// Locks the Party's series of `indicator` until the write ends (making its row if there is
    /// none), so every writer of the series — a report's save, a publication, an import — takes
    /// its turn and its audit entry states what it left.
    static func lock(party: String, indicator: String, in tx: WriteContext) async throws {
        try await tx.sql.insert(into: IndicatorSeriesModel.schema)
            .columns("id", "party_code", "indicator", "version", "source_report_id", "draft_report_id", "updated_by", "updated_at")
            .values(SQLBind(UUID()), SQLBind(party), SQLBind(indicator), SQLBind(0), SQLBind(UUID?.none), SQLBind(UUID?.none),
                    SQLBind(""), SQLBind(Date()))
            .ignoringConflicts(with: ["party_code", "indicator"]).run()
        try await tx.lock(IndicatorSeriesModel.schema, where: "party_code", equals: party, and: "indicator", equals: indicator)
    }

    /// Publishes the totals a published report states for `indicator` (its submitted content):
    /// each period it states replaces the Party's published total of that period; periods it does
    /// not state (imported since, say) are kept. The draft goes when it says the same.
    static func publish(party: String, indicator: String, points: [SeriesPoint], defaultUnit: String, report: UUID, by author: String,
                        in tx: WriteContext) async throws {
        try await lock(party: party, indicator: indicator, in: tx)
        if !points.isEmpty { try await IndicatorStatementService.supersede(party: party, indicator: indicator, by: author, in: tx) }
        let sql = tx.sql
        var listed: [(period: String, value: Double, unit: String)] = []
        for point in points {
            guard let period = IndicatorPeriod(point.period.trimmingCharacters(in: .whitespaces)) else { continue }
            let unit = point.unit ?? defaultUnit
            listed.append((period.description, point.value, unit))
            try await sql.delete(from: IndicatorValueModel.schema).where("party_code", .equal, party).where("indicator", .equal, indicator)
                .where("disaggregation", .equal, "").where("period", .equal, period.description).run()
            try await sql.insert(into: IndicatorValueModel.schema)
                .columns("id", "party_code", "indicator", "period", "period_start", "value", "unit", "disaggregation", "source", "comment",
                         "entered_by", "updated_at")
                .values(SQLBind(UUID()), SQLBind(party), SQLBind(indicator), SQLBind(period.description), SQLBind(period.start),
                        SQLBind(point.value), SQLBind(unit), SQLBind(""), SQLBind("national report"), SQLBind(""), SQLBind(author),
                        SQLBind(Date()))
                .run()
        }
        struct Draft: Decodable { var period: String; var value: Double; var unit: String }
        let draft = try await sql.select().columns("period", "value", "unit").from(IndicatorDraftValues.table)
            .where("party_code", .equal, party).where("indicator", .equal, indicator).all(decoding: Draft.self)
        let same = draft.map { "\($0.period)|\($0.value)|\($0.unit)" }.sorted() == listed.map { "\($0.period)|\($0.value)|\($0.unit)" }.sorted()
        if same {
            try await sql.delete(from: IndicatorDraftValues.table).where("party_code", .equal, party).where("indicator", .equal, indicator).run()
            try await sql.update(IndicatorSeriesModel.schema).set("draft_report_id", to: UUID?.none)
                .where("party_code", .equal, party).where("indicator", .equal, indicator).run()
        }
    }

    /// Which of the given series have a draft.
    static func drafted(among keys: [(party: String, indicator: String)], on sql: any SQLDatabase) async throws -> Set<IndicatorImportService.SeriesKey> {
        guard !keys.isEmpty else { return [] }
        struct Row: Decodable { var party_code: String; var indicator: String }
        let rows = try await sql.select().columns("party_code", "indicator").from(IndicatorSeriesModel.schema)
            .where("party_code", .in, Array(Set(keys.map(\.party)))).where("indicator", .in, Array(Set(keys.map(\.indicator))))
            .where("draft_report_id", .isNot, SQLLiteral.null).all(decoding: Row.self)
        let wanted = Set(keys.map { IndicatorImportService.SeriesKey(party: $0.party, indicator: $0.indicator) })
        return Set(rows.map { IndicatorImportService.SeriesKey(party: $0.party_code, indicator: $0.indicator) }).intersection(wanted)
    }

    /// An imported total also goes into the draft, when there is one, so the report shows it.
    static func mergeIntoDraft(party: String, indicator: String, period: IndicatorPeriod, value: Double, unit: String, by author: String,
                               in tx: WriteContext) async throws {
        struct Meta: Decodable { var draft_report_id: UUID? }
        guard let draft = try await tx.sql.select().column("draft_report_id").from(IndicatorSeriesModel.schema)
            .where("party_code", .equal, party).where("indicator", .equal, indicator).first(decoding: Meta.self)?.draft_report_id else { return }
        try await tx.sql.delete(from: IndicatorDraftValues.table).where("party_code", .equal, party).where("indicator", .equal, indicator)
            .where("period", .equal, period.description).run()
        try await tx.sql.insert(into: IndicatorDraftValues.table)
            .columns("id", "party_code", "indicator", "period", "period_start", "value", "unit", "report_id", "entered_by")
            .values(SQLBind(UUID()), SQLBind(party), SQLBind(indicator), SQLBind(period.description), SQLBind(period.start),
                    SQLBind(value), SQLBind(unit), SQLBind(draft), SQLBind(author))
            .run()
    }
}
