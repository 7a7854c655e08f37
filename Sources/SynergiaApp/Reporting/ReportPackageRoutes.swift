import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Offline work: download a report as a package (JSON, or CSV a spreadsheet opens), fill it
/// offline, upload it back, see every change it would make (and which answers changed online
/// since the download), and apply only what is confirmed — all of it or nothing.
struct ReportPackageRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", ":report", "package.json") { req in try await Self.download(req, csv: false) }
        routes.get("reports", ":report", "package.csv") { req in try await Self.download(req, csv: true) }
        routes.on(.POST, "reports", ":report", "package", body: .collect(maxSize: "10mb"), use: Self.preview)
            .allowsLargeBody("10mb")
        routes.on(.POST, "reports", ":report", "package", "apply", body: .collect(maxSize: "10mb"), use: Self.apply)
            .allowsLargeBody("10mb")
    }

    static func download(_ req: Request, csv: Bool) async throws -> Response {
        let (report, template) = try await ReportAccess.readable(req).pair
        let current = try await ReportingService.answers(of: report, template: template, on: req.db).mapValues(\.revision)
        let package = ReportPackage.export(template: template, party: report.partyCode, exportedAt: Date(), current: current)
        var headers = HTTPHeaders()
        let name = "\(report.partyCode)-\(template.id)-v\(template.version)"
        if csv {
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            headers.contentDisposition = .init(.attachment, filename: "\(name).csv")
            // A byte-order mark so spreadsheets open the UTF-8 text (Chinese, Arabic) correctly.
            return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + (try package.csv(template: template))))
        }
        headers.contentType = .json
        headers.contentDisposition = .init(.attachment, filename: "\(name).json")
        return Response(status: .ok, headers: headers, body: .init(data: try package.jsonData()))
    }

    struct Upload: Content {
        var package: File?
        /// The package text, when pasted or carried from the preview to the confirmation.
        var text: String?
        /// Question ids whose online change the person chose to overwrite.
        var overwrite: [String]?
    }

    /// Reads the uploaded package, or throws a page listing every problem with its question and line.
    static func read(_ req: Request, _ upload: Upload, template: ReportTemplate, party: String) throws -> (ReportPackage, String) {
        let text: String
        if let file = upload.package, file.data.readableBytes > 0 {
            guard let decoded = UTF8Text.decode(Data(buffer: file.data)) else {
                throw PackageProblems(problems: [PackageProblem(.notUTF8, line: 1)])
            }
            text = decoded
        } else {
            text = upload.text ?? ""
        }
        // A byte-order mark that spreadsheets write before the file (not one inside an answer).
        let trimmed = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        let expectation = PackageExpectation(template: template, party: party)
        let reading = trimmed.drop(while: { $0.isWhitespace }).hasPrefix("{")
            ? ReportPackage.parseJSON(Data(trimmed.utf8), expecting: expectation)
            : ReportPackage.parseCSV(trimmed, expecting: expectation)
        switch reading {
        case .package(let package): return (package, trimmed)
        case .problems(let problems): throw PackageProblems(problems: problems)
        }
    }

    struct PackageProblems: Error { let problems: [PackageProblem] }

    @Sendable static func preview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (report, template) = try await ReportAccess.load(req).pair
        try ReportingService.requireEditable(report, template: template, by: user)
        do {
            let (package, text) = try read(req, try req.content.decode(Upload.self), template: template, party: report.partyCode)
            let current = try await ReportingService.answers(of: report, template: template, on: req.db).mapValues(\.revision)
            let changes = PackageDiff.diff(package: package, current: current, template: template)
            return Response.html(PackagePreviewView.render(req.page, report: report, template: template, changes: changes, text: text))
        } catch let problems as PackageProblems {
            return Response.html(PackagePreviewView.problems(req.page, report: report, problems: problems.problems), status: .unprocessableEntity)
        }
    }

    /// Applies the confirmed changes in one transaction; answers changed online since the
    /// download are applied only when the person ticked them.
    @Sendable static func apply(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (report, template) = try await ReportAccess.load(req).pair
        try ReportingService.requireEditable(report, template: template, by: user)
        let upload = try req.content.decode(Upload.self)
        let package: ReportPackage
        do {
            package = try read(req, upload, template: template, party: report.partyCode).0
        } catch let problems as PackageProblems {
            return Response.html(PackagePreviewView.problems(req.page, report: report, problems: problems.problems), status: .unprocessableEntity)
        }
        try await applyPackage(package, overwrite: Set(upload.overwrite ?? []), report: try report.requireID(), template: template, by: user,
                               on: req.db)
        return req.redirect(to: SiteURL.report(try report.requireID()).path)
    }

    /// Applies a package's changes in one transaction that locks the report first (a submit
    /// cannot slip in between): answers changed online since the download only when listed in
    /// `overwrite`; a save in between stops it all.
    static func applyPackage(_ package: ReportPackage, overwrite: Set<String>, report reportID: UUID, template: ReportTemplate,
                             by user: UserModel, on db: any Database) async throws {
        try await db.write { tx in
            let report = try await ReportingService.lockedReport(reportID, in: tx)
            try ReportingService.requireEditable(report, template: template, by: user)
            let current = try await ReportingService.answers(of: report, template: template, on: tx.db).mapValues(\.revision)
            for change in PackageDiff.diff(package: package, current: current, template: template) {
                if change.changedOnlineSinceDownload && !overwrite.contains(change.questionID) { continue }
                let outcome = try await ReportingService.save(change.after, question: change.questionID, baseVersion: change.currentVersion,
                                                              report: reportID, template: template, by: user, in: tx)
                // Someone saved between the preview and now: stop, so nothing is half-applied.
                if case .conflict = outcome { throw Refusal("error.package.changed-meanwhile") }
            }
        }
    }
}

/// What an uploaded package would change, before anything is applied; or its problems.
enum PackagePreviewView {
    static func render(_ page: PageContext, report: ReportModel, template: ReportTemplate, changes: [PackageChange], text: String) -> String {
        Layout.render(page, title: page.t("package.preview"), main: [
            .h1(page.text("package.preview")),
            .p(page.text("package.changes", ["count": "\(changes.count)"])),
            .form(
                .method(.post), .action(SiteURL.report(report.id!).path + "/package/apply"), Layout.csrfField(page),
                .textarea(.name("text"), .attribute(named: "hidden", value: "hidden"), .text(text)),
                .table(
                    .thead(.tr(.th(page.text("package.question")), .th(page.text("package.before")), .th(page.text("package.after")),
                               .th(page.text("package.online-change")))),
                    .tbody(.forEach(changes) { change in
                        .tr(.class(change.changedOnlineSinceDownload ? "changed-online" : ""),
                            .td(.unwrap(template.question(change.questionID)) { page.name($0.title) }, .br(), .small(.text(change.questionID))),
                            .td(.text(change.before.map(AnswerForm.formText) ?? "—")),
                            .td(.text(AnswerForm.formText(change.after))),
                            .td(.if(change.changedOnlineSinceDownload, .label(
                                .input(.type(.checkbox), .name("overwrite[]"), .value(change.questionID.attributeEscaped)),
                                .text(" "), page.text("package.overwrite")), else: .text(""))))
                    })
                ),
                .button(.type(.submit), .id("apply-package"), page.text("package.apply"))
            ),
            .p(.a(.href(SiteURL.report(report.id!).path), page.text("package.cancel"))),
        ])
    }

    static func problems(_ page: PageContext, report: ReportModel, problems: [PackageProblem]) -> String {
        Layout.render(page, title: page.t("package.problems"), main: [
            .h1(page.text("package.problems")),
            .p(page.text("package.nothing-applied")),
            .ul(.class("problems"), .forEach(problems) { problem in
                .li(.unwrap(problem.line) { .group(page.text("package.line", ["line": "\($0)"]), .text(": ")) },
                    .unwrap(problem.questionID) { .group(.code(.text($0)), .text(" — ")) },
                    page.text(problem.catalogKey))
            }),
            .p(.a(.href(SiteURL.report(report.id!).path), page.text("package.cancel"))),
        ])
    }
}
