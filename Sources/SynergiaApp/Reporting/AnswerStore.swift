import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// Compare-and-set writes of answers and shared element values, and their history. Each write
/// names the version it replaces; the database changes the row only if it is still at that
/// version (or, for a first write, only if no row exists yet), so of two saves based on the same
/// version exactly one wins and the other is told.
enum AnswerStore {
    /// Where a saved value's history row goes: the Party, the report and question it was entered
    /// in, and the shared element it is a value of (nil: the report's own answer).
    struct History: Sendable {
        var party: String, report: UUID, question: String, element: String?
    }

    /// Writes a report's own answer and keeps its history; returns the row as written, or nil
    /// when the answer is no longer at `expectedVersion` (0: when an answer exists already).
    static func writeOwn(json: String, detached: Bool, expectedVersion: Int, by author: String, history: History,
                         in tx: WriteContext) async throws -> AuditedState.AnswerRow? {
        let now = Date()
        if expectedVersion > 0 {
            let update = tx.sql.update(AnswerModel.schema)
                .set(SQLIdentifier("version"), to: SQLRaw("version + 1")).set("value", to: json).set("detached", to: detached)
                .set("updated_by", to: author).set("updated_at", to: now)
                .where("report_id", .equal, history.report).where("question_id", .equal, history.question)
                .where("version", .equal, expectedVersion)
            return try await keeping(update.query, history, at: now, in: tx)
        }
        let insert = tx.sql.insert(into: AnswerModel.schema)
            .columns("id", "report_id", "question_id", "value", "version", "detached", "updated_by", "updated_at")
            .values(SQLBind(UUID()), SQLBind(history.report), SQLBind(history.question), SQLBind(json), SQLBind(1), SQLBind(detached),
                    SQLBind(author), SQLBind(now))
            .ignoringConflicts(with: ["report_id", "question_id"])
        return try await keeping(insert.insert, history, at: now, in: tx)
    }

    /// Writes a Party's value of a shared element, entered in `history.report`, and keeps its
    /// history; returns the row as written, or nil when it is no longer at `expectedVersion`
    /// (0: when a value exists already).
    static func writeElement(json: String, expectedVersion: Int, by author: String, history: History,
                             in tx: WriteContext) async throws -> AuditedState.ElementRow? {
        guard let element = history.element else { preconditionFailure("an element value without its element") }
        let now = Date()
        if expectedVersion > 0 {
            let update = tx.sql.update(ElementValueModel.schema)
                .set(SQLIdentifier("version"), to: SQLRaw("version + 1")).set("value", to: json).set("source_report_id", to: history.report)
                .set("updated_by", to: author).set("updated_at", to: now)
                .where("party_code", .equal, history.party).where("element_id", .equal, element).where("version", .equal, expectedVersion)
            return try await keeping(update.query, history, at: now, in: tx)
        }
        let insert = tx.sql.insert(into: ElementValueModel.schema)
            .columns("id", "party_code", "element_id", "value", "version", "source_report_id", "updated_by", "updated_at")
            .values(SQLBind(UUID()), SQLBind(history.party), SQLBind(element), SQLBind(json), SQLBind(1), SQLBind(history.report),
                    SQLBind(author), SQLBind(now))
            .ignoringConflicts(with: ["party_code", "element_id"])
        return try await keeping(insert.insert, history, at: now, in: tx)
    }

    /// Runs `write` (an `UPDATE` or `INSERT` of an answer or element row, without its `RETURNING`)
    /// and keeps the history row of what it wrote, if it wrote. On PostgreSQL both are one
    /// statement (a data-modifying `WITH`): a save is a round trip shorter, and the history row
    /// exists exactly when the write changed a row. On SQLite, in the same process, two statements.
    private static func keeping<Row: HistoryRow>(_ write: any SQLExpression, _ history: History, at now: Date,
                                                 in tx: WriteContext) async throws -> Row? {
        let columns = Row.columns.map { SQLIdentifier($0) as any SQLExpression }
        if tx.db.isPostgres {
            return try await tx.sql.raw("""
                WITH written AS (\(write) RETURNING \(SQLList(columns))),
                kept AS (INSERT INTO \(ident: AnswerHistoryModel.schema)
                    (id, party_code, report_id, question_id, element_id, value, version, author, at)
                    SELECT \(bind: UUID()), \(bind: history.party), \(bind: history.report), \(bind: history.question),
                        \(bind: history.element), value, version, updated_by, \(bind: now) FROM written)
                SELECT \(SQLList(columns)) FROM written
                """).first(decoding: Row.self)
        }
        guard let row = try await tx.sql.raw("\(write) RETURNING \(SQLList(columns))").first(decoding: Row.self) else { return nil }
        try await keepHistory(party: history.party, report: history.report, question: history.question, element: history.element,
                              json: row.value, version: row.version, by: row.updated_by, at: now, in: tx)
        return row
    }

    /// The version of a Party's element value as stored (nil: none).
    static func elementVersion(party: String, element: String, on sql: any SQLDatabase) async throws -> Int? {
        struct Row: Decodable { var version: Int }
        return try await sql.select().column("version").from(ElementValueModel.schema).where("party_code", .equal, party)
            .where("element_id", .equal, element).first(decoding: Row.self)?.version
    }

    /// Keeps every saved value: the history of answers and element values.
    static func keepHistory(party: String, report: UUID, question: String, element: String?, json: String, version: Int, by author: String,
                            at now: Date = Date(), in tx: WriteContext) async throws {
        try await tx.sql.insert(into: AnswerHistoryModel.schema)
            .columns("id", "party_code", "report_id", "question_id", "element_id", "value", "version", "author", "at")
            .values(SQLBind(UUID()), SQLBind(party), SQLBind(report), SQLBind(question), SQLBind(element), SQLBind(json), SQLBind(version),
                    SQLBind(author), SQLBind(now))
            .run()
    }
}

/// A written row whose history ``AnswerStore`` keeps: its stored value, version and author.
protocol HistoryRow: Decodable, Sendable {
    static var columns: [String] { get }
    var value: String { get }
    var version: Int { get }
    var updated_by: String { get }
}

extension AuditedState.AnswerRow: HistoryRow {}
extension AuditedState.ElementRow: HistoryRow {}
