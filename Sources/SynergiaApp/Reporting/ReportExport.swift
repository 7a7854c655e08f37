import Fluent
import Foundation
import Plot
import SQLKit
import SynergiaCore
import Vapor

/// Exports of a report: a printable HTML page (questions and answers, no forms) and a PDF made
/// from it by headless Chromium. A PDF is made once per report version, language and content,
/// kept in the database and served from there; making one is bounded (``PDFRenderQueue``).
/// JSON and CSV are the offline package downloads.
struct ReportExport: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", ":report", "print") { req in
            let loaded = try await ReportAccess.readable(req)
            return Response.html(try await Self.printable(req, loaded, inlineStyles: false))
        }
        routes.get("reports", ":report", "report.pdf", use: Self.pdf)
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let loaded = try await ReportAccess.readable(req)
        let html = try await printable(req, loaded, inlineStyles: true)
        let limits = req.application.synergia.settings.pdf
        guard html.utf8.count <= limits.maxHTMLBytes else {
            return Response.html(ReportPDFView.tooLarge(req.page, report: loaded.id), status: .payloadTooLarge)
        }
        let key = "\(loaded.id.uuidString)|\(req.language.code)|\(SHA256Hex.digest(Data(html.utf8)))"
        if let stored = try await ReportPDFStore.find(key: key, on: req.db) { return pdfResponse(stored, report: loaded.report) }
        guard ChromiumPDF.executable != nil else {
            // No Chromium here: the print view, which the browser can print to PDF.
            return req.redirect(to: SiteURL.reportPrint(loaded.id).path)
        }
        let db = req.application.db, logger = req.logger, reportID = loaded.id, language = req.language.code
        let outcome = await req.application.synergia.pdfQueue.pdf(key: key, html: { html }, store: { data in
            do {
                try await ReportPDFStore.save(key: key, report: reportID, language: language, pdf: data, on: db)
            } catch {
                logger.warning("could not keep the PDF of report \(reportID): \(error)")
            }
        }, logger: logger)
        switch outcome {
        case .ready(let data):
            return pdfResponse(data, report: loaded.report)
        case .preparing, .busy:
            let response = Response.html(ReportPDFView.preparing(req.page, report: loaded.id), status: .serviceUnavailable)
            response.headers.replaceOrAdd(name: .retryAfter, value: "10")
            return response
        case .failed:
            return req.redirect(to: SiteURL.reportPrint(loaded.id).path)
        }
    }

    static func pdfResponse(_ data: Data, report: ReportModel) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .pdf
        headers.contentDisposition = .init(.attachment, filename: "report-\(report.partyCode)-v\(report.version).pdf")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    static func printable(_ req: Request, _ loaded: ReportAccess.Loaded, inlineStyles: Bool) async throws -> String {
        let (report, cycle, template) = (loaded.report, loaded.cycle, loaded.template)
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
                .p(.text("\(cycle.title) · "), page.text("report.status.\(report.status.rawValue)"), .text(" · v\(report.version)"),
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

/// The answers when a PDF cannot be given now.
enum ReportPDFView {
    static func preparing(_ page: PageContext, report: UUID) -> String {
        Layout.render(page, title: page.t("pdf.preparing"), main: [
            .h1(page.text("pdf.preparing")),
            .p(page.text("pdf.preparing-text")),
            .p(.a(.href(SiteURL.reportPDF(report).path), page.text("pdf.try-again")), .text(" · "),
               .a(.href(SiteURL.reportPrint(report).path), page.text("pdf.print-view"))),
        ])
    }

    static func tooLarge(_ page: PageContext, report: UUID) -> String {
        Layout.render(page, title: page.t("pdf.too-large"), main: [
            .h1(page.text("pdf.too-large")),
            .p(page.text("pdf.too-large-text")),
            .p(.a(.href(SiteURL.reportPrint(report).path), page.text("pdf.print-view"))),
        ])
    }
}

/// PDFs made of reports, kept so each is made once: by report, language and the SHA-256 of the
/// printable HTML it was made from (a changed draft makes a new one).
enum ReportPDFStore {
    static let table = "report_pdfs"

    static func find(key: String, on db: any Database) async throws -> Data? {
        struct Row: Decodable { var pdf: Data }
        return try await db.sql.select().column("pdf").from(table).where("cache_key", .equal, key).first(decoding: Row.self)?.pdf
    }

    static func save(key: String, report: UUID, language: String, pdf: Data, on db: any Database) async throws {
        try await db.write { tx in
            try await tx.sql.insert(into: table).columns("id", "cache_key", "report_id", "language", "pdf", "created_at")
                .values(SQLBind(UUID()), SQLBind(key), SQLBind(report), SQLBind(language), SQLBind(pdf), SQLBind(Date()))
                .ignoringConflicts(with: ["cache_key"]).run()
        }
    }
}

struct CreateReportPDFs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportPDFStore.table)
            .id()
            .field("cache_key", .string, .required)
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("language", .string, .required)
            .field("pdf", .data, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "cache_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportPDFStore.table).delete()
    }
}
