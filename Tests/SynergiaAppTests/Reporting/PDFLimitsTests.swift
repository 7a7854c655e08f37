import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// One request cannot tie up the server with PDF rendering: only readers of the report get one,
/// a too-long report is refused before Chromium starts, renders are bounded and each PDF is made
/// once and kept, and no temporary folder is left behind.
@Suite("PDF rendering is bounded")
struct PDFLimitsTests {
    @Test("the public gets no PDF of a draft; a report too long for the limit is refused without starting Chromium")
    func refusals() async throws {
        try await withSynergia(configure: { $0.pdf.maxHTMLBytes = 20_000 }) { app in
            let report = try await startKenyaCBDReport(app)
            #expect(try await Browser(app).get("/reports/\(report.id!)/report.pdf").status == .unauthorized)
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            let long = String(repeating: "A long answer. ", count: 2_000)
            #expect(try await focalPoint.post("/reports/\(report.id!)/answers/cbd-7nr.s1.q2", ["value": long, "baseVersion": "0"]).status == .seeOther)
            let refused = try await focalPoint.get("/reports/\(report.id!)/report.pdf")
            #expect(refused.status == .payloadTooLarge && refused.contains("/print"))
            #expect(await app.synergia.pdfQueue.peakRunning == 0, "Chromium never started")
        }
    }

    @Test("ten readers at once: at most the configured renders run, the PDF is made once and kept, no temporary folder remains",
          .enabled(if: ChromiumPDF.executable != nil, "needs Debian's chromium, as CI installs it"))
    func boundedAndKept() async throws {
        try await withSynergia(configure: { $0.pdf.concurrentRenders = 1; $0.pdf.waitSeconds = 60 }) { app in
            let report = try await startKenyaCBDReport(app)
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            for step in [ReportStatus.inReview, .approved, .submitted] {
                try await ReportingService.transition(report.id!, to: step, templates: app.synergia.templates, by: focalPoint, on: app.db)
            }
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            try await ReportingService.transition(report.id!, to: .published, templates: app.synergia.templates, by: secretariat, on: app.db)
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("synergia-pdf-") })
            try await LiveServer.with(app) { server in
                let statuses = try await simultaneously(10) { _ in
                    try await server.client().get("/reports/\(report.id!)/report.pdf").status
                }
                #expect(statuses.allSatisfy { $0 == .ok }, "\(statuses)")
            }
            #expect(await app.synergia.pdfQueue.peakRunning == 1)
            let kept = try await app.db.sql.select().column("id").from(ReportPDFStore.table).all()
            #expect(kept.count == 1, "made once for the ten readers")
            let pdf = try await Browser(app).get("/reports/\(report.id!)/report.pdf")
            #expect(pdf.status == .ok && pdf.body.hasPrefix("%PDF"))
            let after = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("synergia-pdf-") })
            #expect(after.subtracting(before).isEmpty, "temporary folders removed")
        }
    }
}
