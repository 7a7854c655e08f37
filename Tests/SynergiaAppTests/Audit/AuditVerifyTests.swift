import Fluent
import Foundation
import SQLKit
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor

/// `audit verify` checks the data, not only the log: a record changed behind Synergia's back, a
/// submitted report whose content no longer matches its receipt, a log cut short or emptied.
@Suite("audit verify covers the data")
struct AuditVerifyTests {
    /// Kenya's CBD report with an own answer, a shared value, a series; submitted and published,
    /// so an assessment is on the dashboards.
    func published(_ app: Application) async throws -> ReportModel {
        let report = try await startKenyaCBDReport(app)
        let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
        let template = try app.synergia.templates.template("cbd-7nr")
        _ = try await ReportingService.save(.indicatorSeries([SeriesPoint(period: "2020", value: 0.5)]), question: "cbd-7nr.s3.q3",
                                            baseVersion: 0, report: report.id!, template: template, by: focalPoint, on: app.db)
        try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
        for step in [ReportStatus.inReview, .approved, .submitted] {
            try await ReportingService.transition(report.id!, to: step, templates: app.synergia.templates, by: focalPoint, on: app.db)
        }
        let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
        try await ReportingService.transition(report.id!, to: .published, templates: app.synergia.templates, by: secretariat, on: app.db)
        return report
    }

    @Test("an intact database verifies")
    func intact() async throws {
        try await withSynergia { app in
            _ = try await published(app)
            let report = try await AuditVerifier.verify(on: app.db)
            #expect(report.isIntact, "\(report.lines)")
            #expect(report.entries > 30)
        }
    }

    @Test("each kind of record changed directly in the database is named", arguments: ["answer", "element", "series", "content", "assessment", "status"])
    func tamperedRecord(_ kind: String) async throws {
        try await withSynergia { app in
            let report = try await published(app)
            let sql = app.db.sql
            let expected: String
            switch kind {
            case "answer":
                try await sql.update(AnswerModel.schema).set("value", to: #"{"type":"longText","value":"forged"}"#)
                    .where("question_id", .equal, "cbd-7nr.s1.q2").run()
                expected = "answer/\(report.id!.uuidString)/cbd-7nr.s1.q2"
            case "element":
                try await sql.update(ElementValueModel.schema).set("value", to: #"{"type":"shortText","value":"forged"}"#).run()
                expected = "element/KE/"
            case "series":
                try await sql.update(IndicatorValueModel.schema).set("value", to: 0.99).where("indicator", .equal, "A.3").run()
                expected = "series/KE/A.3"
            case "content":
                let stored = try #require(try await ReportModel.find(report.id, on: app.db)?.submittedContent)
                try await sql.update(ReportModel.schema).set("submitted_content", to: stored.replacingOccurrences(of: "Generated", with: "Forged"))
                    .where("id", .equal, report.id!).run()
                expected = "report/\(report.id!.uuidString): submitted content does not match its receipt"
            case "assessment":
                try await sql.update(ProgressAssessmentModel.schema).set("category", to: "forged").where("target", .equal, "1").run()
                expected = "assessment/KE/KMGBF/1/2026"
            default:
                try await sql.update(ReportModel.schema).set("status", to: "draft").where("id", .equal, report.id!).run()
                expected = "report/\(report.id!.uuidString)"
            }
            let result = try await AuditVerifier.verify(on: app.db)
            #expect(!result.isIntact)
            #expect(result.lines.contains { $0.contains(expected) }, "\(kind): \(result.lines)")
            if case .broken = result.chain { Issue.record("the chain itself is intact: \(result.chain)") }
        }
    }

    @Test("a record written behind the log, with a receipt that matches its own content, is named")
    func forgedRows() async throws {
        try await withSynergia { app in
            let report = try await published(app)
            let sql = app.db.sql
            // A forged published version: content and a receipt computed by the forger.
            let content = #"{"answers":{},"party":"KE","template":"cbd-7nr","templateVersion":1,"version":9}"#
            let forged = UUID()
            try await sql.insert(into: ReportModel.schema).columns("id", "cycle_id", "party_code", "status", "version", "receipt_sha256",
                                                                   "submitted_content", "submitted_at", "published_at")
                .values(SQLBind(forged), SQLBind(report.$cycle.id), SQLBind("KE"), SQLBind("published"), SQLBind(9),
                        SQLBind(SHA256Hex.digest(Data(content.utf8))), SQLBind(content), SQLBind(Date()), SQLBind(Date())).run()
            try await sql.insert(into: ProgressAssessmentModel.schema)
                .columns("id", "party_code", "framework", "target", "cycle", "category", "confidence", "evidence", "indicators", "assessed_by")
                .values(SQLBind(UUID()), SQLBind("FR"), SQLBind("KMGBF"), SQLBind("2"), SQLBind("2026"), SQLBind("on-track"), SQLBind("high"),
                        SQLBind(""), SQLBind(""), SQLBind("someone")).run()
            // And an account promoted behind the log.
            // (A literal, as PostgreSQL's role column is an enum type a text parameter does not fit.)
            try await sql.raw("UPDATE users SET role = 'administrator' WHERE email = 'fp@example.org'").run()
            let lines = try await AuditVerifier.verify(on: app.db).lines
            #expect(lines.contains { $0.contains("report/\(forged.uuidString): not in the audit log") }, "\(lines)")
            #expect(lines.contains { $0.contains("assessment/FR/KMGBF/2/2026: not in the audit log") }, "\(lines)")
            let promoted = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            #expect(lines.contains { $0.contains("user/\(promoted.id!.uuidString): changed outside Synergia") }, "\(lines)")
        }
    }

    @Test("entries cut from the end, or the whole log emptied, are found through the head")
    func cutAndEmptied() async throws {
        try await withSynergia { app in
            _ = try await published(app)
            let sql = app.db.sql
            let last = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$sequence, .descending).first()?.sequence)
            try await sql.delete(from: AuditEntryModel.schema).where("sequence", .greaterThan, last - 5).run()
            let cut = try await AuditVerifier.verify(on: app.db)
            #expect(cut.chain == .broken(atSequence: last - 5, reason: .headMismatch), "\(cut.lines)")
            try await sql.delete(from: AuditEntryModel.schema).run()
            let emptied = try await AuditVerifier.verify(on: app.db)
            #expect(emptied.chain == .broken(atSequence: 0, reason: .headMismatch), "\(emptied.lines)")
            try await sql.delete(from: AuditHeadRow.table).run()
            #expect(try await AuditVerifier.verify(on: app.db).headProblem != nil)
        }
    }

    @Test("verifying changes nothing in the database")
    func readOnly() async throws {
        try await withSynergia { app in
            _ = try await published(app)
            let before = try await AuditEntryModel.query(on: app.db).count()
            _ = try await AuditVerifier.verify(on: app.db)
            _ = try await AuditVerifier.verify(on: app.db)
            #expect(try await AuditEntryModel.query(on: app.db).count() == before)
            #expect(try await AuditHeadRow.read(on: app.db.sql).sequence == before)
        }
    }

    @Test("an entry chained by another process meanwhile: the next write here chains after it, not after the head this process last left")
    func headMovedElsewhere() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let template = try app.synergia.templates.template("cbd-7nr")
            _ = try await ReportingService.save(.longText("first"), question: "cbd-7nr.s2.q32", baseVersion: 0, report: report.id!,
                                                template: template, by: focalPoint, on: app.db)
            let left = try await AuditHeadRow.read(on: app.db.sql)
            // Another process appends an entry, as its own flush would.
            let foreign = AuditChain.append(after: left, at: Date(), actor: "cli", action: "reference.loaded", subject: "reference",
                                            before: nil, after: nil, stateHash: nil)
            try await app.db.sql.insert(into: AuditEntryModel.schema)
                .columns("id", "sequence", "at", "actor", "action", "subject", "before", "after", "state_hash", "previous_hash", "hash")
                .values(SQLBind(UUID()), SQLBind(foreign.sequence), SQLBind(foreign.at), SQLBind(foreign.actor), SQLBind(foreign.action),
                        SQLBind(foreign.subject), SQLBind(foreign.before), SQLBind(foreign.after), SQLBind(foreign.stateHash),
                        SQLBind(foreign.previousHash), SQLBind(foreign.hash))
                .run()
            try await AuditHeadRow.write(AuditHead(sequence: foreign.sequence, hash: foreign.hash), at: Date(), on: app.db.sql)
            AuditHeadRow.lastLeft.withLockedValue { $0 = left }

            _ = try await ReportingService.save(.longText("second"), question: "cbd-7nr.s2.q32", baseVersion: 1, report: report.id!,
                                                template: template, by: focalPoint, on: app.db)
            let last = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$sequence, .descending).first())
            #expect(last.sequence == foreign.sequence + 1 && last.previousHash == foreign.hash)
            #expect(try await AuditHeadRow.read(on: app.db.sql) == AuditHead(sequence: last.sequence, hash: last.hash))
            let verified = try await AuditVerifier.verify(on: app.db)
            #expect(verified.isIntact, "\(verified.lines)")
        }
    }
}
