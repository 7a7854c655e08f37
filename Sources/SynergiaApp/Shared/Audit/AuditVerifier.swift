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
}
