import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Offline packages: download, fill, upload, review, apply")
struct OfflinePackageTests {
    func start(_ app: Application) async throws -> (ReportModel, Browser, Browser) {
        let report = try await startKenyaCBDReport(app)
        try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
        let focalPoint = Browser(app), contributor = Browser(app)
        try await focalPoint.signIn("fp@example.org")
        try await contributor.signIn("contributor@example.org")
        return (report, focalPoint, contributor)
    }

    func answer(_ app: Application, _ report: ReportModel, _ question: String) async throws -> ReportPage.Model.Answer? {
        let stored = try await ReportingService.answers(of: report, template: try app.synergia.templates.template("cbd-7nr"), on: app.db)
        return stored[question].map { ReportPage.Model.Answer(question: question, $0) }
    }

    @Test("a round trip with a conflict: changed-online answers are flagged and kept unless chosen")
    func roundTrip() async throws {
        try await withSynergia { app in
            let (report, focalPoint, contributor) = try await start(app)
            let path = "/reports/\(report.id!)"
            _ = try await focalPoint.post("\(path)/answers/cbd-7nr.s3.q2", ["value": "3500", "baseVersion": "0"])
            let download = try await focalPoint.get("\(path)/package.json")
            #expect(download.headers.first(name: .contentDisposition)?.contains("KE-cbd-7nr-v3.json") == true)
            var package = try JSONSerialization.jsonObject(with: Data(download.body.utf8)) as! [String: Any]
            var answers = package["answers"] as! [String: Any]
            answers["cbd-7nr.s3.q2"] = ["value": ["type": "number", "value": 4000], "version": 1]
            answers["cbd-7nr.s4.q1"] = ["value": ["type": "date", "value": "2015-06-30"], "version": 0]
            package["answers"] = answers
            let edited = String(decoding: try JSONSerialization.data(withJSONObject: package, options: [.sortedKeys]), as: UTF8.self)

            // Meanwhile a contributor changes the wetland area online.
            _ = try await contributor.post("\(path)/answers/cbd-7nr.s3.q2", ["value": "4100", "baseVersion": "1"])

            let preview = try await focalPoint.post("\(path)/package", ["text": edited])
            #expect(preview.status == .ok)
            #expect(preview.contains("would change 2 answers"))
            #expect(preview.contains("class=\"changed-online\""))
            #expect(try await answer(app, report, "cbd-7nr.s4.q1") == nil, "nothing applied before confirmation")

            #expect(try await focalPoint.post("\(path)/package/apply", ["text": edited]).status == .seeOther)
            #expect(try await answer(app, report, "cbd-7nr.s4.q1")?.value == .date("2015-06-30"))
            #expect(try await answer(app, report, "cbd-7nr.s3.q2")?.value == .number(4100), "the online change was kept")

            // Choosing to overwrite it applies the package's value.
            #expect(try await focalPoint.post("\(path)/package/apply", ["text": edited, "overwrite[]": "cbd-7nr.s3.q2"]).status == .seeOther)
            #expect(try await answer(app, report, "cbd-7nr.s3.q2")?.value == .number(4000))

            let csv = try await focalPoint.get("\(path)/package.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.contains("cbd-7nr.s4.q1"))
        }
    }

    @Test("a malformed package gets errors naming the question and line, and nothing is applied")
    func malformed() async throws {
        try await withSynergia { app in
            let (report, focalPoint, _) = try await start(app)
            let path = "/reports/\(report.id!)"
            let bad = """
            {
              "template": "cbd-7nr", "templateVersion": 1, "party": "KE", "convention": "CBD", "exportedAt": "2026-11-25T10:00:00.000Z",
              "answers": {
                "cbd-7nr.s3.q2": {"value": {"type": "shortText", "value": "lots"}, "version": 0},
                "no-such-question": {"value": {"type": "shortText", "value": "x"}, "version": 0}
              }
            }
            """
            let page = try await focalPoint.post("\(path)/package", ["text": bad])
            #expect(page.status == .unprocessableEntity)
            #expect(page.contains("cbd-7nr.s3.q2") && page.contains("no-such-question"))
            #expect(page.contains("line 4") && page.contains("line 5"))
            #expect(page.contains("Nothing has been applied."))
            let applied = try await focalPoint.post("\(path)/package/apply", ["text": bad])
            #expect(applied.status == .unprocessableEntity)
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 0)

            let otherParty = bad.replacingOccurrences(of: "\"party\": \"KE\"", with: "\"party\": \"FR\"")
            #expect(try await focalPoint.post("\(path)/package", ["text": otherParty]).contains("The package is for another Party."))
        }
    }
}

@Suite("Report exports")
struct ReportExportTests {
    @Test("a printable page with every answer and no forms; a PDF when Chromium is installed, else the print view")
    func printAndPDF() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            _ = try await browser.post("/reports/\(report.id!)/answers/cbd-7nr.s3.q2", ["value": "3560", "baseVersion": "0"])
            let printable = try await browser.get("/reports/\(report.id!)/print")
            #expect(printable.status == .ok && printable.contains("3,560 km²") && !printable.contains("<form"), "the number as English writes it, with its unit")
            let pdf = try await browser.get("/reports/\(report.id!)/report.pdf")
            if ChromiumPDF.executable != nil {
                #expect(pdf.status == .ok && pdf.headers.contentType == .pdf && pdf.body.hasPrefix("%PDF"))
            } else {
                #expect(pdf.location == "/reports/\(report.id!)/print")
            }
            #expect(try await Browser(app).get("/reports/\(report.id!)/print").status == .unauthorized, "drafts are not public")
        }
    }
}
