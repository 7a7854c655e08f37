import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Imports indicator data from CSV, SDMX-CSV or an `.xlsx` workbook: all of it or nothing. The file is parsed and
/// checked away from the request threads; every row is checked before anything is stored; the
/// rows are then staged in small batches (each a short transaction, so other writes wait for a
/// batch at most, never for the whole file) and made current in one last statement, with one
/// audit entry per series it changed.
enum IndicatorImportService {
    /// The problems listed one by one in an answer (the count says how many there are in all).
    static let shownErrors = IndicatorImport.maxReportedErrors
    /// Rows staged per transaction.
    static let batchSize = 1_000

    static func importCSV(_ text: String, format: String?, by user: UserModel, app: Application) async throws
        -> Result<[IndicatorDataPoint], IndicatorImportErrors> {
        try await importFile(.csv(text), format: format, by: user, app: app)
    }

    /// What was uploaded: CSV text, or an `.xlsx` workbook's bytes.
    enum Upload: Sendable {
        case csv(String)
        case xlsx(Data)

        /// A workbook when the bytes are one (a ZIP archive), else UTF-8 text (nil when they are neither).
        init?(_ data: Data) {
            if XLSXReader.looksLikeWorkbook(data) { self = .xlsx(data); return }
            guard let text = UTF8Text.decode(data) else { return nil }
            self = .csv(text)
        }
    }

    /// Imports a CSV file or a workbook's first sheet, in any layout (`format`, else the one its header announces).
    static func importFile(_ upload: Upload, format: String?, by user: UserModel, app: Application) async throws
        -> Result<[IndicatorDataPoint], IndicatorImportErrors> {
        let db = app.db
        let named = IndicatorCSVFormat(rawValue: format ?? "")
        let parties = Set(try await PartyModel.query(on: db).all().map(\.alpha2))
        let national = try await NationalIndicatorService.owners(on: db)
        let known = app.synergia.indicators.codes.union(national.keys)
        let party = user.partyCode
        let result = try await app.synergia.cpuPool.runIfActive {
            switch upload {
            case .csv(let text):
                IndicatorImport.parse(csv: text, format: named ?? IndicatorCSVFormat.detect(text), knownIndicators: known, knownParties: parties,
                                      periodRange: 1950...2100, nationalIndicatorOwners: national, party: party)
            case .xlsx(let data):
                IndicatorImport.parse(xlsx: data, format: named, knownIndicators: known, knownParties: parties, periodRange: 1950...2100,
                                      nationalIndicatorOwners: national, party: party)
            }
        }
        guard case .success(let points) = result else { return result }
        for party in Set(points.map(\.party)) {
            try Authorize.require(user.actor, .publishIndicatorData(party: party))
        }
        try await store(points, by: user.email, on: db)
        return .success(points)
    }

    /// Stages `points` in batches, then makes them current in one transaction.
    static func store(_ points: [IndicatorDataPoint], by author: String, on db: any Database) async throws {
        let batch = UUID()
        do {
            for start in stride(from: 0, to: points.count, by: batchSize) {
                let slice = points[start..<min(points.count, start + batchSize)]
                try await db.write { tx in
                    var insert = tx.sql.insert(into: ImportStaging.table).columns(ImportStaging.columns)
                    for point in slice {
                        insert = insert.values(SQLBind(UUID()), SQLBind(batch), SQLBind(point.party), SQLBind(point.indicator),
                                               SQLBind(point.period.description), SQLBind(point.period.start), SQLBind(point.value),
                                               SQLBind(point.unit), SQLBind(point.lower), SQLBind(point.upper),
                                               SQLBind(IndicatorValueModel.key(point.disaggregation)), SQLBind(point.source),
                                               SQLBind(point.comment))
                    }
                    try await insert.run()
                }
            }
            let series = Set(points.map { SeriesKey(party: $0.party, indicator: $0.indicator) })
            // The values go in a few thousand at a time, each batch a short transaction; then one
            // short transaction moves the series to their new versions with their audit entries.
            while try await db.write({ tx in try await ImportStaging.makeCurrent(batch: batch, limit: batchSize, by: author, on: tx.sql) }) > 0 {}
            let ordered = series.sorted(by: { ($0.party, $0.indicator) < ($1.party, $1.indicator) })
            let counts = Dictionary(points.map { (SeriesKey(party: $0.party, indicator: $0.indicator), 1) }, uniquingKeysWith: +)
            try await db.write { tx in
                // Every series the import changes is locked first, in one order (no two writers deadlock).
                for key in ordered { try await IndicatorSeriesStore.lock(party: key.party, indicator: key.indicator, in: tx) }
                for key in ordered {
                    // Data takes the place of a statement that there is none, or that the indicator is not relevant.
                    try await IndicatorStatementService.supersede(party: key.party, indicator: key.indicator, by: author, in: tx)
                    _ = try await IndicatorSeriesStore.advance(party: key.party, indicator: key.indicator, expectedVersion: nil, source: nil,
                                                               draft: nil, by: author, in: tx)
                }
                // A Party's draft in a report shows the imported totals too.
                let drafted = try await IndicatorSeriesStore.drafted(among: series.map { ($0.party, $0.indicator) }, on: tx.sql)
                for point in points where point.disaggregation.isEmpty && drafted.contains(SeriesKey(party: point.party, indicator: point.indicator)) {
                    try await IndicatorSeriesStore.mergeIntoDraft(party: point.party, indicator: point.indicator, period: point.period,
                                                                  value: point.value, unit: point.unit, by: author, in: tx)
                }
                for key in ordered {
                    try await AuditLog.record(tx, actor: author, action: "indicator-data.imported",
                                              subject: .series(party: key.party, indicator: key.indicator), after: "\(counts[key] ?? 0) values")
                }
            }

        } catch {
            try? await db.write { tx in try await tx.sql.delete(from: ImportStaging.table).where("batch", .equal, batch).run() }
            throw error
        }
    }

    struct SeriesKey: Hashable, Sendable { var party: String; var indicator: String }
}

/// Rows of an import waiting for their last step.
enum ImportStaging {
    static let table = "indicator_import_rows"
    static let columns = ["id", "batch", "party_code", "indicator", "period", "period_start", "value", "unit", "lower", "upper",
                          "disaggregation", "source", "comment"]

    /// Inserts or replaces up to `limit` of the batch's staged values (same Party, indicator,
    /// period and disaggregation replaced) and removes them from the staging table; returns how
    /// many it took (0: the batch is done).
    static func makeCurrent(batch: UUID, limit: Int, by author: String, on sql: any SQLDatabase) async throws -> Int {
        struct Row: Decodable { var id: UUID }
        let ids = try await sql.select().column("id").from(table).where("batch", .equal, batch).limit(limit)
            .all(decoding: Row.self).map(\.id)
        guard !ids.isEmpty else { return 0 }
        try await sql.raw("""
            INSERT INTO \(ident: IndicatorValueModel.schema)
                (id, party_code, indicator, period, period_start, value, unit, lower, upper, disaggregation, source, comment, entered_by, updated_at)
            SELECT id, party_code, indicator, period, period_start, value, unit, lower, upper, disaggregation, source, comment, \(bind: author), \(bind: Date())
            FROM \(ident: table) WHERE id IN (\(binds: ids))
            ON CONFLICT (party_code, indicator, period, disaggregation) DO UPDATE SET
                value = excluded.value, period_start = excluded.period_start, unit = excluded.unit, lower = excluded.lower,
                upper = excluded.upper, source = excluded.source, comment = excluded.comment, entered_by = excluded.entered_by,
                updated_at = excluded.updated_at
            """).run()
        try await sql.delete(from: table).where("id", .in, ids).run()
        return ids.count
    }
}

struct CreateImportStaging: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportStaging.table)
            .id()
            .field("batch", .uuid, .required)
            .field("party_code", .string, .required)
            .field("indicator", .string, .required)
            .field("period", .string, .required)
            .field("period_start", .int, .required)
            .field("value", .double, .required)
            .field("unit", .string, .required)
            .field("lower", .double)
            .field("upper", .double)
            .field("disaggregation", .string, .required)
            .field("source", .string, .required)
            .field("comment", .string, .required)
            .create()
        try await database.sql.create(index: "indicator_import_rows_by_batch").on(ImportStaging.table).column("batch").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportStaging.table).delete()
    }
}
