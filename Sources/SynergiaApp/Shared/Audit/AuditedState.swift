import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// The state of each record the audit log checks, read the same way when an entry is made
/// (inside the write's transaction) and when `audit verify` compares the record with its last
/// entry. A state is canonical JSON of the fields that make the record what it is (not its
/// timestamps); a record that does not exist has the state `null`.
enum AuditedState {
    /// SHA-256 of the subject's current state; nil for subjects the log does not check.
    static func hash(of subject: AuditSubject, on db: any Database) async throws -> String? {
        guard subject.isChecked else { return nil }
        if case .series(let party, let indicator) = subject {
            return try await IndicatorSeriesState.hash(party: party, indicator: indicator, on: db.sql)
        }
        return SHA256Hex.digest(try await state(of: subject, on: db.sql))
    }

    static func state(of subject: AuditSubject, on sql: any SQLDatabase) async throws -> Data {
        switch subject {
        case .answer(let report, let question):
            return try encode(try await sql.select().columns(AnswerRow.columns).from(AnswerModel.schema)
                .where("report_id", .equal, report).where("question_id", .equal, question).first(decoding: AnswerRow.self))
        case .element(let party, let element):
            return try encode(try await sql.select().columns(ElementRow.columns)
                .from(ElementValueModel.schema).where("party_code", .equal, party).where("element_id", .equal, element)
                .first(decoding: ElementRow.self))
        case .series:
            preconditionFailure("a series is hashed as it is read (IndicatorSeriesState)")
        case .report(let id):
            struct Row: Decodable {
                var status: String; var version: Int; var party_code: String; var receipt_sha256: String?; var submitted_content: String?
            }
            struct State: Encodable { var status: String; var version: Int; var party: String; var receipt: String?; var content: String? }
            let row = try await sql.select().columns("status", "version", "party_code", "receipt_sha256", "submitted_content")
                .from(ReportModel.schema).where("id", .equal, id).first(decoding: Row.self)
            return try encode(row.map {
                State(status: $0.status, version: $0.version, party: $0.party_code, receipt: $0.receipt_sha256,
                      content: $0.submitted_content.map { SHA256Hex.digest(Data($0.utf8)) })
            })
        case .assessment(let party, let framework, let target, let cycle):
            struct Row: Codable { var category: String; var confidence: String; var evidence: String; var indicators: String; var assessed_by: String }
            return try encode(try await sql.select().columns("category", "confidence", "evidence", "indicators", "assessed_by")
                .from(ProgressAssessmentModel.schema).where("party_code", .equal, party).where("framework", .equal, framework)
                .where("target", .equal, target).where("cycle", .equal, cycle).first(decoding: Row.self))
        case .assignment(let report, let section):
            struct Row: Codable { var assignee: String }
            return try encode(try await sql.select().column("assignee").from(SectionAssignmentModel.schema)
                .where("report_id", .equal, report).where("section_id", .equal, section).first(decoding: Row.self))
        case .comment(let id):
            struct Row: Codable { var question_id: String; var author: String; var text: String }
            return try encode(try await sql.select().columns("question_id", "author", "text").from(QuestionCommentModel.schema)
                .where("id", .equal, id).first(decoding: Row.self))
        case .crosswalk(let id):
            struct Row: Codable {
                var from_framework: String; var from_code: String; var to_framework: String; var to_code: String
                var relation: String; var source_title: String; var source_url: String?; var quote: String?
            }
            return try encode(try await sql.select()
                .columns("from_framework", "from_code", "to_framework", "to_code", "relation", "source_title", "source_url", "quote")
                .from(TargetLinkModel.schema).where("id", .equal, id).first(decoding: Row.self))
        case .nomination(let id):
            struct Row: Codable { var party_code: String; var candidate_name: String; var status: String; var selected_by: UUID? }
            return try encode(try await sql.select().columns("party_code", "candidate_name", "status", "selected_by")
                .from(NominationModel.schema).where("id", .equal, id).first(decoding: Row.self))
        case .cycle(let id):
            struct Row: Codable { var template_id: String; var template_version: Int; var status: String; var opens_on: String; var due_on: String }
            return try encode(try await sql.select().columns("template_id", "template_version", "status", "opens_on", "due_on")
                .from(ReportingCycleModel.schema).where("id", .equal, id).first(decoding: Row.self))
        case .user(let id):
            struct Row: Decodable {
                var email: String; var role: String; var party_code: String?; var convention_code: String?; var password_hash: String
                var session_epoch: Int
            }
            struct State: Encodable { var email: String; var role: String; var party: String?; var convention: String?; var password: String; var epoch: Int }
            let row = try await sql.select().columns("email", "role", "party_code", "convention_code", "password_hash", "session_epoch")
                .from(UserModel.schema).where("id", .equal, id).first(decoding: Row.self)
            return try encode(row.map {
                State(email: $0.email, role: $0.role, party: $0.party_code, convention: $0.convention_code,
                      password: SHA256Hex.digest(Data($0.password_hash.utf8)), epoch: $0.session_epoch)
            })
        case .other:
            return Data("null".utf8)
        }
    }

    /// What the log checks of a report's own answer (as a write returns it or a read finds it).
    struct AnswerRow: Codable, Sendable {
        static let columns = ["value", "version", "detached", "updated_by"]
        var value: String; var version: Int; var detached: Bool; var updated_by: String
    }

    /// What the log checks of a Party's shared element value.
    struct ElementRow: Codable, Sendable {
        static let columns = ["value", "version", "source_report_id", "updated_by"]
        var value: String; var version: Int; var source_report_id: UUID; var updated_by: String
    }

    /// The hash ``hash(of:on:)`` gives for an answer or element value in this state.
    static func hash(_ row: some Encodable) throws -> String { SHA256Hex.digest(try encode(row)) }

    private static func encode<T: Encodable>(_ value: T?) throws -> Data {
        guard let value else { return Data("null".utf8) }
        return try CanonicalJSON.encode(value)
    }
}
