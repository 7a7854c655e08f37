import Fluent
import Foundation
import SynergiaCore
import Vapor

/// The indicators: the registry and national indicators, one indicator's page (all Parties, or
/// one Party's series), exports as CSV, SDMX-CSV and JSON, imports, and a Party's national
/// indicators defined by its focal points.
struct IndicatorRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("indicators") { req in Response.html(IndicatorList.View.render(req.page, try await Self.list(req))) }
        routes.get("api", "v1", "indicators") { req in
            let kind = try IndicatorKindFilter.kind(req)
            return req.application.synergia.indicators.indicators.filter { kind == nil || $0.kind == kind }.map(IndicatorDTO.init)
        }

        routes.get("indicators", ":code") { req in
            let model = try await IndicatorPage.query(code: try req.textParameter("code"), party: req.partyQuery,
                                                      registry: req.application.synergia.indicators, on: req.db)
            return Response.html(IndicatorPage.View.render(req.page, model))
        }
        routes.get("indicators", ":code", "data.csv") { req in try await Self.export(req, format: .csv) }
        routes.get("indicators", ":code", "data.sdmx.csv") { req in try await Self.export(req, format: .sdmx) }
        routes.get("indicators", ":code", "data.xlsx", use: Self.workbook)
        routes.get("indicators", ":code", "template.xlsx", use: Self.template)
        routes.on(.POST, "indicators", ":code", "statement", body: .collect(maxSize: "32kb"), use: Self.statement)
        routes.get("api", "v1", "indicators", ":code", "data", use: Self.data)
        routes.on(.POST, "indicators", "import", body: .collect(maxSize: "20mb"), use: Self.importData).allowsLargeBody("20mb")

        routes.get("api", "v1", "national-indicators") { req in
            let page = try Pagination.list(req)
            return try page.response(try await NationalIndicatorDTO.all(NationalIndicatorService.list(party: req.partyQuery, page: page, on: req.db),
                                                                         on: req.db), for: req)
        }
        routes.on(.POST, "indicators", "national", body: .collect(maxSize: "16kb")) { req -> Response in
            let row = try await Self.addNational(req, by: try req.requireUser(), writtenIn: req.language)
            return req.redirect(to: SiteURL.nationalIndicator(row.code, party: row.partyCode).path)
        }
        routes.grouped("api", "v1").grouped(APITokenAuthenticator())
            .on(.POST, "national-indicators", body: .collect(maxSize: "16kb")) { req -> Response in
                let row = try await Self.addNational(req, by: try req.requireAPIUser(), writtenIn: WriteAPI.namedLanguage(req))
                return try await NationalIndicatorDTO(row).encodeResponse(status: .created, for: req)
            }
    }

    static func list(_ req: Request) async throws -> IndicatorList.Model {
        try await IndicatorList.query(registry: req.application.synergia.indicators, party: req.partyQuery, kind: try IndicatorKindFilter.kind(req),
                                      on: req.db)
    }

    static func addNational(_ req: Request, by user: UserModel, writtenIn language: Language?) async throws -> NationalIndicatorModel {
        try await NationalIndicatorService.add(try req.content.decode(NationalIndicatorService.Input.self), by: user, writtenIn: language,
                                               registry: req.application.synergia.indicators, on: req.db)
    }

    /// The route's indicator code, if the registry or a Party's national indicators know it (404 otherwise).
    static func indicatorCode(_ req: Request) async throws -> String {
        try await knownIndicator(try req.textParameter("code"), req)
    }

    /// An indicator code as a file name's stem: ASCII letters, digits, `.` and `-` only.
    static func fileStem(_ code: String) -> String {
        code.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }

    /// `code`, if the registry or a Party's national indicators know it (404 otherwise).
    static func knownIndicator(_ code: String, _ req: Request) async throws -> String {
        guard try await NationalIndicatorService.definition(code, registry: req.application.synergia.indicators, on: req.db) != nil else {
            throw Abort(.notFound, reason: "no indicator has this code")
        }
        return code
    }

    /// A page of the published values as JSON, with `Link: rel="next"` while there are more.
    @Sendable static func data(req: Request) async throws -> Response {
        let code = try await indicatorCode(req)
        let page = try Pagination(req, defaultLimit: 1_000, maxLimit: 10_000)
        let points = try await PublishedIndicatorData.points(indicator: code, party: req.partyQuery, page: page, on: req.db)
        var headers = HTTPHeaders()
        headers.contentType = .json
        page.addLinks(to: &headers, path: SiteURL.apiIndicatorData(code).path, query: ["party": req.partyQuery], returned: points.count)
        return Response(status: .ok, headers: headers, body: .init(string: IndicatorExport.json(points)))
    }

    struct ImportForm: Content { var text: String?; var file: File?; var format: String? }

    @Sendable static func importData(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(ImportForm.self)
        let upload: IndicatorImportService.Upload
        if let file = form.file, file.data.readableBytes > 0 {
            guard let read = IndicatorImportService.Upload(Data(buffer: file.data)) else { throw Refusal("error.import.not-utf8") }
            upload = read
        } else {
            upload = .csv(form.text ?? "")
        }
        switch try await IndicatorImportService.importFile(upload, format: form.format, by: user, app: req.application) {
        case .failure(let errors):
            return Response.html(ImportResultView.problems(req.page, errors), status: .unprocessableEntity)
        case .success(let points):
            return Response.html(ImportResultView.imported(req.page, count: points.count,
                                                           indicators: Array(Set(points.map(\.indicator))).sorted()))
        }
    }

    struct StatementForm: Content { var kind: String?; var reason: String?; var withdraw: String? }

    /// A focal point states that its Party has no data for the indicator, or that it is not relevant
    /// to it (a reason required), or takes the statement back; then the Party's page of the indicator.
    @Sendable static func statement(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let code = try req.textParameter("code")
        let form = try req.content.decode(StatementForm.self)
        if form.withdraw == "1" {
            try await IndicatorStatementService.knownToParty(code, party: user.partyCode ?? "", registry: req.application.synergia.indicators, on: req.db)
            try await IndicatorStatementService.withdraw(indicator: code, by: user, on: req.db)
        } else {
            switch IndicatorStatementInput.parse(kind: form.kind, reason: form.reason) {
            case .failure(let problem): throw Refusal(problem.catalogKey)
            case .success(let input):
                _ = try await IndicatorStatementService.state(input, indicator: code, by: user, writtenIn: req.language,
                                                              registry: req.application.synergia.indicators, on: req.db)
            }
        }
        return req.redirect(to: SiteURL.indicator(code, party: user.partyCode).path)
    }

    enum ExportFormat { case csv, sdmx }

    /// Every published value of the indicator (or of one Party) as a workbook, in the plain layout.
    @Sendable static func workbook(req: Request) async throws -> Response {
        let code = try await indicatorCode(req)
        let points = try await allPoints(code, party: req.partyQuery, on: req.db)
        return xlsx(try await req.application.synergia.cpuPool.runIfActive {
            try XLSXWriter.write([SpreadsheetSheet(name: fileStem(code), rows: IndicatorExport.plainCells(points))])
        }, named: fileStem(code))
    }

    /// The indicator's template, filled with the published values of the Party `?party=` names (else
    /// the signed-in person's), to be edited in a spreadsheet and uploaded again.
    @Sendable static func template(req: Request) async throws -> Response {
        let code = try await indicatorCode(req)
        let party = req.partyQuery ?? req.actor.party
        var found: [IndicatorDataPoint] = []
        if let party { found = try await allPoints(code, party: party, on: req.db) }
        let points = found
        return xlsx(try await req.application.synergia.cpuPool.runIfActive {
            try XLSXWriter.write(IndicatorExport.template(indicator: code, points: points))
        }, named: "\(fileStem(code))-template\(party.map { "-" + fileStem($0) } ?? "")")
    }

    /// The most values a workbook is made of (it is built in memory; the CSV export streams any number).
    static let maxWorkbookValues = 100_000

    static func allPoints(_ code: String, party: String?, on db: any Database) async throws -> [IndicatorDataPoint] {
        var points: [IndicatorDataPoint] = []
        try await PublishedIndicatorData.forEachPage(indicators: [code], party: party, on: db) { page in
            points += page
            guard points.count <= maxWorkbookValues else {
                throw Abort(.payloadTooLarge, reason: "more than \(maxWorkbookValues) values: download them as CSV (data.csv)")
            }
        }
        return points
    }

    /// A workbook as a download named `name` (already a safe file name's stem).
    static func xlsx(_ data: Data, named name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: XLSXWriter.mediaSubtype)
        headers.contentDisposition = .init(.attachment, filename: "\(name).xlsx")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// Every published value of the indicator (or of one Party), streamed as it is read.
    static func export(_ req: Request, format: ExportFormat) async throws -> Response {
        let code = try await indicatorCode(req)
        let party = req.partyQuery
        let db = req.db
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let safeName = fileStem(code)
        headers.contentDisposition = .init(.attachment, filename: "\(safeName)\(format == .sdmx ? ".sdmx" : "").csv")
        let dimensions = format == .sdmx ? try await PublishedIndicatorData.dimensions(indicator: code, party: party, on: db) : []
        return Response.streaming(headers: headers, head: format == .sdmx ? IndicatorExport.sdmxHeader(dimensions: dimensions) : IndicatorExport.csvHeader) { write in
            try await PublishedIndicatorData.forEachPage(indicators: [code], party: party, on: db) { points in
                try await write(format == .sdmx ? IndicatorExport.sdmxRows(points, dimensions: dimensions)
                                                : IndicatorExport.csvRows(points))
            }
        }
    }
}
