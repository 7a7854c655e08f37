import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// What `audit verify` found: whether the chain is whole (up to its separately stored head),
/// and every record whose current state no longer matches its last entry, and every submitted
/// report whose content no longer matches its receipt.
public struct AuditReport: Sendable, Equatable {
    public var entries: Int
    /// The chain itself, checked against the head.
    public var chain: AuditVerification
    /// A problem with the head row itself (missing).
    public var headProblem: String?
    /// `subject: what is wrong`, one per record.
    public var recordMismatches: [String]
    /// `report/ID: what is wrong`, one per report.
    public var receiptMismatches: [String]

    public var isIntact: Bool {
        headProblem == nil && recordMismatches.isEmpty && receiptMismatches.isEmpty && chain == .intact(count: entries)
    }

    /// One line per problem, or one line saying all is well.
    public var lines: [String] {
        var lines: [String] = []
        if let headProblem { lines.append("head: \(headProblem)") }
        if case .broken(let sequence, let reason) = chain { lines.append("chain broken at entry \(sequence): \(reason)") }
        lines += recordMismatches + receiptMismatches
        return lines.isEmpty ? ["Audit log intact: \(entries) entries; every audited record and every receipt matches."] : lines
    }
}

/// Checks the audit log and the data it covers, reading only: it changes nothing.
public enum AuditVerifier {
    public static func verify(on db: any Database) async throws -> AuditReport {
        let sql = db.sql
        let entries = try await AuditLog.entries(on: db)
        var head: AuditHead?
        var headProblem: String?
        do {
            head = try await AuditHeadRow.read(on: sql)
        } catch is AuditHeadMissing {
            headProblem = AuditHeadMissing().description
        }
        let chain = AuditChain.verify(entries, head: head)

        // The last entry with a state, per checked subject.
        var last: [String: AuditEntry] = [:]
        for entry in entries where entry.stateHash != nil { last[entry.subject] = entry }
        var records: [String] = []
        for (subject, entry) in last.sorted(by: { $0.value.sequence < $1.value.sequence }) {
            let parsed = AuditSubject(parsing: subject)
            guard parsed.isChecked else { continue }
            let current = try await AuditedState.hash(of: parsed, on: db)
            if current != entry.stateHash {
                records.append("\(subject): changed outside Synergia since audit entry \(entry.sequence) (\(entry.action))")
            }
        }

        // Every official record must have its entry: a row the log never saw was written behind it.
        records += try await unlogged(on: sql, logged: Set(last.keys))

        struct Report: Decodable {
            var id: UUID; var status: String; var receipt_sha256: String?; var submitted_content: String?
        }
        var receipts: [String] = []
        let reports = try await sql.select().columns("id", "status", "receipt_sha256", "submitted_content").from(ReportModel.schema)
            .all(decoding: Report.self)
        for report in reports.sorted(by: { $0.id.uuidString < $1.id.uuidString }) {
            let locked = ReportStatus(rawValue: report.status)?.isLocked ?? false
            switch (report.receipt_sha256, report.submitted_content) {
            case (let receipt?, let content?):
                if SHA256Hex.digest(Data(content.utf8)) != receipt {
                    receipts.append("report/\(report.id.uuidString): submitted content does not match its receipt")
                }
            case (nil, nil) where !locked:
                continue
            default:
                receipts.append("report/\(report.id.uuidString): \(report.status) without both its content and its receipt")
            }
        }
        return AuditReport(entries: entries.count, chain: chain, headProblem: headProblem, recordMismatches: records, receiptMismatches: receipts)
    }

    /// The official records that exist but have no entry with their state in the log.
    static func unlogged(on sql: any SQLDatabase, logged: Set<String>) async throws -> [String] {
        var subjects: [AuditSubject] = []
        struct ID: Decodable { var id: UUID }
        subjects += try await sql.select().column("id").from(ReportModel.schema).all(decoding: ID.self).map { .report($0.id) }
        subjects += try await sql.select().column("id").from(UserModel.schema).all(decoding: ID.self).map { .user($0.id) }
        struct Answer: Decodable { var report_id: UUID; var question_id: String }
        subjects += try await sql.select().columns("report_id", "question_id").from(AnswerModel.schema)
            .all(decoding: Answer.self).map { .answer(report: $0.report_id, question: $0.question_id) }
        struct Element: Decodable { var party_code: String; var element_id: String }
        subjects += try await sql.select().columns("party_code", "element_id").from(ElementValueModel.schema).all(decoding: Element.self)
            .map { .element(party: $0.party_code, element: $0.element_id) }
        struct Assessment: Decodable { var party_code: String; var framework: String; var target: String; var cycle: String }
        subjects += try await sql.select().columns("party_code", "framework", "target", "cycle").from(ProgressAssessmentModel.schema)
            .all(decoding: Assessment.self).map { .assessment(party: $0.party_code, framework: $0.framework, target: $0.target, cycle: $0.cycle) }
        struct Series: Decodable { var party_code: String; var indicator: String }
        subjects += try await sql.select().columns("party_code", "indicator").from(IndicatorSeriesModel.schema).where("version", .greaterThan, 0)
            .all(decoding: Series.self).map { .series(party: $0.party_code, indicator: $0.indicator) }
        return subjects.filter { !logged.contains($0.description) }.map { "\($0): not in the audit log (written behind it)" }.sorted()
    }
}
