import Foundation
import SynergiaCore
import Vapor

/// Exports of a report: a printable page (questions and answers, no forms) and a PDF made from
/// it (``ReportPDFService``). JSON and CSV are the offline package downloads.
struct ReportExport: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", ":report", "print") { req in
            let loaded = try await ReportAccess.readable(req)
            return Response.html(ReportPrintView.render(req.page, try await ReportingRoutes.model(req, loaded), template: loaded.template))
        }
        routes.get("reports", ":report", "report.pdf", use: Self.pdf)
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let loaded = try await ReportAccess.readable(req)
        let css = req.application.synergia.assets.files["synergia.css"]?.body ?? ""
        let html = ReportPrintView.render(req.page, try await ReportingRoutes.model(req, loaded), template: loaded.template, inlineCSS: css)
        switch try await ReportPDFService.pdf(html: html, report: loaded.id, language: req.language.code, app: req.application, logger: req.logger) {
        case .pdf(let data):
            var headers = HTTPHeaders()
            headers.contentType = .pdf
            headers.contentDisposition = .init(.attachment, filename: "report-\(loaded.report.partyCode)-v\(loaded.report.version).pdf")
            return Response(status: .ok, headers: headers, body: .init(data: data))
        case .tooLarge:
            return Response.html(ReportPDFView.tooLarge(req.page, report: loaded.id), status: .payloadTooLarge)
        case .preparing:
            let response = Response.html(ReportPDFView.preparing(req.page, report: loaded.id), status: .serviceUnavailable)
            response.headers.replaceOrAdd(name: .retryAfter, value: "10")
            return response
        case .printView:
            return req.redirect(to: SiteURL.reportPrint(loaded.id).path)
        }
    }
}
