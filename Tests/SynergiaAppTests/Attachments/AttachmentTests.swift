import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Documents attached to answers (issue 15, item 6): checked by content, stored in the database
/// with the answer that cites them, sealed in the receipt by their SHA-256, read only by those
/// who may read the report.
@Suite("Files attached to a report's answers")
struct AttachmentTests {
    /// "Link to, or file of, the national targets".
    static let question = "cbd-7nr.s1.q5"
    static let pdf = Data("%PDF-1.7\n% Kenya's national targets (a test file)\n%%EOF\n".utf8)

    static func rows(_ app: Application) async throws -> [AttachmentModel] { try await AttachmentModel.query(on: app.db).all() }

    @Test("the focal point attaches a PDF: the answer cites it, the page shows its name, size and SHA-256, the Party's users download exactly its bytes, the public may not; audited")
    func attachAndRead() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let form = try await browser.get("/reports/\(report.id!)/sections/cbd-7nr.s1")
            #expect(form.contains("id=\"attach-\(Self.question)\"") && form.contains("form=\"attach-\(Self.question)\""))
            let sent = try await browser.upload("/reports/\(report.id!)/answers/\(Self.question)/attachment", file: "file",
                                                named: "Kenya national targets.pdf", Self.pdf, fields: ["baseVersion": "0"])
            #expect(sent.status == .seeOther && sent.location == "/reports/\(report.id!)/sections/cbd-7nr.s1#q-\(Self.question)")
            let row = try #require(try await Self.rows(app).first)
            #expect(row.mediaType == "application/pdf" && row.size == Self.pdf.count && row.sha256 == SHA256Hex.digest(Self.pdf))
            let answer = try #require(try await AnswerModel.query(on: app.db).filter(\.$questionID == Self.question).first())
            #expect(answer.value.contains(row.id!.uuidString))

            let page = try await browser.get("/reports/\(report.id!)/sections/cbd-7nr.s1")
            #expect(page.contains("href=\"/reports/\(report.id!)/attachments/\(row.id!.uuidString)\"") && page.contains("Kenya national targets.pdf"))
            #expect(page.contains(row.sha256))
            let download = try await browser.download("/reports/\(report.id!)/attachments/\(row.id!.uuidString)")
            #expect(download.status == .ok && download.data == Self.pdf)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"Kenya national targets.pdf\"") == true)
            #expect(download.headers.first(name: "Content-Security-Policy")?.contains("sandbox") == true)
            #expect(try await Browser(app).get("/reports/\(report.id!)/attachments/\(row.id!.uuidString)").status == .unauthorized)
            try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            let uganda = Browser(app)
            try await uganda.signIn("ug@example.org")
            #expect(try await uganda.get("/reports/\(report.id!)/attachments/\(row.id!.uuidString)").status == .forbidden)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "attachment.added").count() == 1)
        }
    }

    @Test("refused, storing nothing: a page disguised as a PDF, a PDF named .png, a file over 10 MB, a question that is not a link, a stranger, a stale version; an answer citing a file attached elsewhere")
    func refusals() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let path = "/reports/\(report.id!)/answers/\(Self.question)/attachment"
            let html = Data("<!DOCTYPE html><script>alert(document.cookie)</script>".utf8)
            #expect(try await browser.upload(path, file: "file", named: "targets.pdf", html, fields: ["baseVersion": "0"]).status == .unprocessableEntity)
            #expect(try await browser.upload(path, file: "file", named: "targets.png", Self.pdf, fields: ["baseVersion": "0"]).status == .unprocessableEntity)
            let big = Self.pdf + Data(count: AttachmentCheck.maxBytes)
            #expect(try await browser.upload(path, file: "file", named: "big.pdf", big, fields: ["baseVersion": "0"]).status != .seeOther)
            #expect(try await browser.upload("/reports/\(report.id!)/answers/cbd-7nr.s1.q2/attachment", file: "file", named: "t.pdf", Self.pdf,
                                             fields: ["baseVersion": "0"]).status == .unprocessableEntity)
            let secretariat = Browser(app)  // the CBD secretariat (made with the report)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.upload(path, file: "file", named: "t.pdf", Self.pdf, fields: ["baseVersion": "0"]).status == .forbidden)
            #expect(try await Self.rows(app).isEmpty)

            #expect(try await browser.upload(path, file: "file", named: "first.pdf", Self.pdf, fields: ["baseVersion": "0"]).status == .seeOther)
            let stale = try await browser.upload(path, file: "file", named: "second.pdf", Self.pdf, fields: ["baseVersion": "0"])
            #expect(stale.status == .conflict)
            #expect(try await Self.rows(app).map(\.filename) == ["first.pdf"], "a conflict stores no file")

            // An answer may cite only a file attached to that question of that report: not one of another question or Party.
            let first = try #require(try await Self.rows(app).first)
            let other = try await browser.post("/reports/\(report.id!)/answers/cbd-7nr.s4.q3",
                                               ["value": first.id!.uuidString, "baseVersion": "0"])
            #expect(other.status == .unprocessableEntity, "a file's id sent by a form cites it only where it was attached")
            #expect(try await AnswerModel.query(on: app.db).filter(\.$questionID == "cbd-7nr.s4.q3").count() == 0)
            let template = try app.synergia.templates.template("cbd-7nr")
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            await #expect(throws: Refusal("error.attachment.unknown")) {
                _ = try await ReportingService.save(.link(.file(first.id!.uuidString)), question: "cbd-7nr.s4.q3", baseVersion: 0,
                                                    report: report.id!, template: template, by: focalPoint, on: app.db)
            }
            await #expect(throws: Refusal("error.attachment.unknown")) {
                _ = try await ReportingService.save(.link(.file(UUID().uuidString)), question: Self.question, baseVersion: 1,
                                                    report: report.id!, template: template, by: focalPoint, on: app.db)
            }
        }
    }

    @Test("submitted: the receipt seals the file's name, type, size and SHA-256; published, the public downloads the file the report cites and no other")
    func sealedAndPublished() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let reportID = try report.requireID()
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let path = "/reports/\(reportID)/answers/\(Self.question)/attachment"
            #expect(try await browser.upload(path, file: "file", named: "draft.pdf", Self.pdf, fields: ["baseVersion": "0"]).status == .seeOther)
            let final = Data("%PDF-1.7\n% the adopted version\n%%EOF\n".utf8)
            #expect(try await browser.upload(path, file: "file", named: "adopted.pdf", final, fields: ["baseVersion": "1"]).status == .seeOther)
            let replaced = try #require(try await AttachmentModel.query(on: app.db).filter(\.$filename == "draft.pdf").first())
            let cited = try #require(try await AttachmentModel.query(on: app.db).filter(\.$filename == "adopted.pdf").first())

            _ = try await fillRequiredAnswers(app, report: reportID, by: "fp@example.org")
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            for step in [ReportStatus.inReview, .approved, .submitted, .published] {
                try await ReportingService.transition(reportID, to: step, templates: app.synergia.templates,
                                                      by: step == .published ? secretariat : focalPoint, on: app.db)
            }
            let sealed = try #require(try await ReportModel.find(reportID, on: app.db))
            let content = try #require(sealed.submittedContent)
            #expect(content.contains("\"attachments\":{\"\(cited.id!.uuidString)\":{\"filename\":\"adopted.pdf\",\"mediaType\":\"application/pdf\",\"sha256\":\"\(SHA256Hex.digest(final))\",\"size\":\(final.count)}}"))
            #expect(sealed.receiptSHA256 == SHA256Hex.digest(Data(content.utf8)))

            let visitor = Browser(app)
            let json = try await visitor.get("/api/v1/reports/\(reportID)")
            #expect(json.contains(cited.sha256) && !json.contains("fp@example.org"), "who attached a file is not the public's")
            let download = try await visitor.download("/reports/\(reportID)/attachments/\(cited.id!.uuidString)")
            #expect(download.status == .ok && download.data == final)
            #expect(try await visitor.get("/reports/\(reportID)/attachments/\(replaced.id!.uuidString)").status == .notFound,
                    "a file the published report does not cite stays with those who prepared it")
            #expect(try await browser.download("/reports/\(reportID)/attachments/\(replaced.id!.uuidString)").status == .ok)
            #expect(try await browser.upload(path, file: "file", named: "late.pdf", Self.pdf, fields: ["baseVersion": "2"]).status == .unprocessableEntity,
                    "a published report takes no file")
        }
    }

    @Test("one report holds at most 100 files: the 101st is refused, under the report's lock")
    func quota() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            for index in 0..<AttachmentCheck.maxFilesPerReport {
                _ = try await AttachmentService.attach(Data("file \(index)".utf8), filename: "f\(index).txt", question: Self.question, baseVersion: index,
                                                       report: report.id!, templates: app.synergia.templates, by: focalPoint, on: app.db)
            }
            await #expect(throws: Refusal("error.attachment.quota")) {
                _ = try await AttachmentService.attach(Data("one more".utf8), filename: "more.txt", question: Self.question,
                                                       baseVersion: AttachmentCheck.maxFilesPerReport, report: report.id!,
                                                       templates: app.synergia.templates, by: focalPoint, on: app.db)
            }
            #expect(try await Self.rows(app).count == AttachmentCheck.maxFilesPerReport)
        }
    }
}
