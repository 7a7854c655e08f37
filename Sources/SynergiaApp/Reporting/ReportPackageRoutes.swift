import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Offline work: download a report as a package (JSON, or CSV a spreadsheet opens), fill it
/// offline, upload it back, see every change it would make (and which answers changed online
/// since the download), and apply only what is confirmed — all of it or nothing.
struct ReportPackageRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", ":report", "package.json") { req in try await Self.download(req, as: .json) }
        routes.get("reports", ":report", "package.csv") { req in try await Self.download(req, as: .csv) }
        routes.get("reports", ":report", "package.xlsx") { req in try await Self.download(req, as: .xlsx) }
        routes.on(.POST, "reports", ":report", "package", body: .collect(maxSize: "10mb"), use: Self.preview)
            .allowsLargeBody("10mb")
        routes.on(.POST, "reports", ":report", "package", "apply", body: .collect(maxSize: "10mb"), use: Self.apply)
            .allowsLargeBody("10mb")
    }

    enum PackageFormat { case json, csv, xlsx }

    static func download(_ req: Request, as format: PackageFormat) async throws -> Response {
        let (report, template) = try await ReportAccess.readable(req).pair
        let current = try await ReportingService.answers(of: report, template: template, on: req.db).mapValues(\.revision)
        let package = ReportPackage.export(template: template, party: report.partyCode, exportedAt: Date(), current: current)
        var headers = HTTPHeaders()
        let name = "\(report.partyCode)-\(template.id)-v\(template.version)"
        if format == .xlsx { return IndicatorRoutes.xlsx(try package.xlsx(template: template), named: name) }
        if format == .csv {
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            headers.contentDisposition = .init(.attachment, filename: "\(name).csv")
            // A byte-order mark so spreadsheets open the UTF-8 text (Chinese, Arabic) correctly.
            return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + (try package.csv(template: template))))
        }
        headers.contentType = .json
        headers.contentDisposition = .init(.attachment, filename: "\(name).json")
        return Response(status: .ok, headers: headers, body: .init(data: try package.jsonData()))
    }

    @Sendable static func preview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (report, template) = try await ReportAccess.load(req).pair
        try ReportingService.requireEditable(report, template: template, by: user)
        let upload = try req.content.decode(PackageUpload.self)
        switch ReportPackageService.read(file: upload.package?.data, text: upload.text, template: template, party: report.partyCode) {
        case .problems(let problems):
            return Response.html(PackagePreview.View.problems(req.page, .init(problems: problems, catalog: req.catalog), report: try report.requireID()),
                                 status: .unprocessableEntity)
        case .package(let package, let text):
            let changes = try await ReportPackageService.changes(package, report: report, template: template, on: req.db)
            return Response.html(PackagePreview.View.render(req.page, .init(changes: changes), report: try report.requireID(), template: template, text: text))
        }
    }

    /// Applies the confirmed changes in one transaction; answers changed online since the
    /// download are applied only when the person ticked them.
    @Sendable static func apply(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (report, template) = try await ReportAccess.load(req).pair
        try ReportingService.requireEditable(report, template: template, by: user)
        let upload = try req.content.decode(PackageUpload.self)
        switch ReportPackageService.read(file: upload.package?.data, text: upload.text, template: template, party: report.partyCode) {
        case .problems(let problems):
            return Response.html(PackagePreview.View.problems(req.page, .init(problems: problems, catalog: req.catalog), report: try report.requireID()),
                                 status: .unprocessableEntity)
        case .package(let package, _):
            try await ReportPackageService.apply(package, overwrite: Set(upload.overwrite ?? []), report: try report.requireID(), template: template,
                                                 by: user, on: req.db)
            return req.redirect(to: SiteURL.report(try report.requireID()).path)
        }
    }
}
