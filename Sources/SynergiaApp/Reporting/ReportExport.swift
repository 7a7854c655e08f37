import Foundation
import Plot
import SynergiaCore
import Vapor

/// Exports of a report: a printable HTML page (questions and answers, no forms) and a PDF made
/// from it by headless Chromium when Chromium is installed; JSON and CSV are the offline
/// package downloads.
enum ReportExport {
    static func register(_ app: Application) throws {
        app.get("reports", ":report", "print") { req in Response.html(try await printable(req, inlineStyles: false)) }
        app.get("reports", ":report", "report.pdf") { req -> Response in
            let html = try await printable(req, inlineStyles: true)
            guard let pdf = try await ChromiumPDF.render(html: html, logger: req.logger) else {
                // No Chromium here: the print view, which the browser can print to PDF.
                return req.redirect(to: "/reports/\(req.parameters.get("report")!)/print")
            }
            var headers = HTTPHeaders()
            headers.contentType = .pdf
            headers.contentDisposition = .init(.attachment, filename: "report-\(req.parameters.get("report")!).pdf")
            return Response(status: .ok, headers: headers, body: .init(data: pdf))
        }
    }

    static func printable(_ req: Request, inlineStyles: Bool) async throws -> String {
        let (report, cycle, template) = try await ReportingRoutes.load(req)
        try ReportingRoutes.authorizeRead(req, report, template)
        let answers = try await ReportingService.answers(of: report, template: template, on: req.db)
        let page = req.page
        let css = inlineStyles ? req.application.synergia.assets.files["synergia.css"]?.body ?? "" : ""
        let html = HTML(
            .attribute(named: "lang", value: page.language.code),
            .attribute(named: "dir", value: page.language.isRightToLeft ? "rtl" : "ltr"),
            .head(
                .meta(.charset(.utf8)),
                .element(named: "title", text: "\(report.partyCode) — \(template.title.english)"),
                .if(inlineStyles, .style(css + "\nform, nav { display: none; }"),
                    else: .group(.link(.rel(.stylesheet), .href("/static/synergia.css")),
                                 .link(.rel(.stylesheet), .href("/static/print.css"), .attribute(named: "media", value: "print"))))
            ),
            .body(.main(
                .h1(page.name(template.title), .text(" — \(report.partyCode)")),
                .p(.text("\(cycle.title) · "), page.text("report.status.\(report.status)"), .text(" · v\(report.version)"),
                   .unwrap(report.receiptSHA256) { .group(.br(), .text("SHA-256 "), .code(.text($0))) }),
                .forEach(template.sections) { section in
                    .section(.h2(page.name(section.title)), .dl(.forEach(section.questions) { question in
                        .group(.dt(page.name(question.title)),
                               .dd(.text(answers[question.id].map { AnswerForm.formText($0.revision.value) } ?? "—"),
                                   .text(question.unit.map { " \($0)" } ?? "")))
                    }))
                }
            ))
        )
        return html.render()
    }
}

/// Prints HTML to PDF with headless Chromium (Debian's `chromium`), when it is installed.
enum ChromiumPDF {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    static var executable: String? { candidates.first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// The PDF, or nil when Chromium is not installed or fails (the caller falls back to the print view).
    static func render(html: String, logger: Logger) async throws -> Data? {
        guard let chromium = executable else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synergia-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("report.html"), output = directory.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                             "--user-data-dir=\(directory.path)/profile", "--print-to-pdf=\(output.path)", input.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning { process.terminate(); logger.warning("chromium did not finish printing the PDF in 60 s"); return nil }
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else {
            logger.warning("chromium could not print the PDF (status \(process.terminationStatus))")
            return nil
        }
        return data
    }
}
