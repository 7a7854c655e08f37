import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// Compare-and-set writes of answers and shared element values, and their history. Each write
/// names the version it replaces; the database changes the row only if it is still at that
/// version (or, for a first write, only if no row exists yet), so of two saves based on the same
/// version exactly one wins and the other is told.
enum AnswerStore {
    /// Writes a report's own answer; returns the new version, or nil when the answer is no longer
    /// at `expectedVersion` (0: when an answer exists already).
    static func writeOwn(report: UUID, question: String, json: String, detached: Bool, expectedVersion: Int, by author: String,
                         in tx: WriteContext) async throws -> AuditedState.AnswerRow? {
        typealias Row = AuditedState.AnswerRow
        if expectedVersion > 0 {
            return try await tx.sql.update(AnswerModel.schema)
                .set(SQLIdentifier("version"), to: SQLRaw("version + 1")).set("value", to: json).set("detached", to: detached)
                .set("updated_by", to: author).set("updated_at", to: Date())
                .where("report_id", .equal, report).where("question_id", .equal, question).where("version", .equal, expectedVersion)
                .returning(Row.returned).first(decoding: Row.self)
        }
        let inserted = try await tx.sql.insert(into: AnswerModel.schema)
            .columns("id", "report_id", "question_id", "value", "version", "detached", "updated_by", "updated_at")
            .values(SQLBind(UUID()), SQLBind(report), SQLBind(question), SQLBind(json), SQLBind(1), SQLBind(detached), SQLBind(author),
                    SQLBind(Date()))
            .ignoringConflicts(with: ["report_id", "question_id"]).returning(Row.returned).first(decoding: Row.self)
        return inserted
    }

    /// Writes a Party's value of a shared element, entered in `report`; returns the new version,
    /// or nil when it is no longer at `expectedVersion` (0: when a value exists already).
    static func writeElement(party: String, element: String, json: String, report: UUID, expectedVersion: Int, by author: String,
                             in tx: WriteContext) async throws -> AuditedState.ElementRow? {
        typealias Row = AuditedState.ElementRow
        if expectedVersion > 0 {
            return try await tx.sql.update(ElementValueModel.schema)
                .set(SQLIdentifier("version"), to: SQLRaw("version + 1")).set("value", to: json).set("source_report_id", to: report)
                .set("updated_by", to: author).set("updated_at", to: Date())
                .where("party_code", .equal, party).where("element_id", .equal, element).where("version", .equal, expectedVersion)
                .returning(Row.returned).first(decoding: Row.self)
        }
        return try await tx.sql.insert(into: ElementValueModel.schema)
            .columns("id", "party_code", "element_id", "value", "version", "source_report_id", "updated_by", "updated_at")
            .values(SQLBind(UUID()), SQLBind(party), SQLBind(element), SQLBind(json), SQLBind(1), SQLBind(report), SQLBind(author),
                    SQLBind(Date()))
            .ignoringConflicts(with: ["party_code", "element_id"]).returning(Row.returned).first(decoding: Row.self)
    }

    /// The version of a Party's element value as stored (nil: none).
    static func elementVersion(party: String, element: String, on sql: any SQLDatabase) async throws -> Int? {
        struct Row: Decodable { var version: Int }
        return try await sql.select().column("version").from(ElementValueModel.schema).where("party_code", .equal, party)
            .where("element_id", .equal, element).first(decoding: Row.self)?.version
    }

    /// Keeps every saved value: the history of answers and element values.
    static func keepHistory(party: String, report: UUID, question: String, element: String?, json: String, version: Int, by author: String,
                            in tx: WriteContext) async throws {
        try await tx.sql.insert(into: AnswerHistoryModel.schema)
            .columns("id", "party_code", "report_id", "question_id", "element_id", "value", "version", "author", "at")
            .values(SQLBind(UUID()), SQLBind(party), SQLBind(report), SQLBind(question), SQLBind(element), SQLBind(json), SQLBind(version),
                    SQLBind(author), SQLBind(Date()))
            .run()
    }
}
