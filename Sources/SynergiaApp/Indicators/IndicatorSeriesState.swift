import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// The state of a Party's series that the audit log keeps: version, draft report, every
/// published value (all disaggregations) and the draft's values, as one SHA-256 over a line per
/// value in a fixed order. A series can have tens of thousands of values: the database writes
/// the lines itself (one aggregate) and only the text comes back to be hashed.
enum IndicatorSeriesState {
    static func hash(party: String, indicator: String, on sql: any SQLDatabase) async throws -> String {
        struct Meta: Decodable { var version: Int; var draft_report_id: UUID? }
        struct Lines: Decodable { var lines: String? }
        let meta = try await sql.select().columns("version", "draft_report_id").from(IndicatorSeriesModel.schema)
            .where("party_code", .equal, party).where("indicator", .equal, indicator).first(decoding: Meta.self)
        let postgres = sql.dialect.name == "postgresql"
        // A number as the database writes it exactly (PostgreSQL's shortest exact form; SQLite's 17 digits).
        func number(_ column: String) -> String {
            postgres ? "coalesce(\(column)::text, '-')" : "coalesce(printf('%.17g', \(column)), '-')"
        }
        // The expressions are constants of this file; the Party and indicator are bound.
        func aggregate(_ line: String, from table: String, order: String) -> SQLQueryString {
            postgres
                ? "SELECT string_agg(\(unsafeRaw: line), chr(10) ORDER BY \(unsafeRaw: order)) AS lines FROM \(ident: table) WHERE party_code = \(bind: party) AND indicator = \(bind: indicator)"
                : "SELECT group_concat(line, char(10)) AS lines FROM (SELECT \(unsafeRaw: line) AS line FROM \(ident: table) WHERE party_code = \(bind: party) AND indicator = \(bind: indicator) ORDER BY \(unsafeRaw: order))"
        }
        let tab = postgres ? "chr(9)" : "char(9)"
        let publishedLine = "period || \(tab) || disaggregation || \(tab) || \(number("value")) || \(tab) || unit || \(tab) || \(number("lower")) || \(tab) || \(number("upper"))"
        let draftLine = "period || \(tab) || \(number("value")) || \(tab) || unit"
        let published = try await sql.raw(aggregate(publishedLine, from: IndicatorValueModel.schema, order: "period, disaggregation"))
            .first(decoding: Lines.self)?.lines
        let draft = try await sql.raw(aggregate(draftLine, from: IndicatorDraftValues.table, order: "period")).first(decoding: Lines.self)?.lines
        if meta == nil && published == nil && draft == nil { return SHA256Hex.digest(Data("null".utf8)) }
        var hasher = SHA256Hex.Stream()
        hasher.update("series v2 version \(meta?.version ?? -1) draft \(meta?.draft_report_id?.uuidString ?? "-")\n")
        hasher.update("published\n" + (published ?? "") + "\ndraft\n" + (draft ?? ""))
        return hasher.finalize()
    }
}
