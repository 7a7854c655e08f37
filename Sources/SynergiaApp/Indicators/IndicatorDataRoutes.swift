import Fluent
import Foundation
import SQLKit
import Plot
import SynergiaCore
import Vapor

/// Indicator data: import from CSV or SDMX-CSV (every bad row reported with its line, nothing
/// stored unless all rows are good), the time series of an indicator as an accessible SVG
/// chart with its data table, and exports as CSV, SDMX-CSV and JSON.
enum IndicatorDataRoutes {
    static func register(_ app: Application) throws {
        app.on(.POST, "indicators", "import", body: .collect(maxSize: "20mb"), use: importData).allowsLargeBody("20mb")
        app.get("indicators", ":code") { req in try await show(req) }
        app.get("indicators", ":code", "data.csv") { req in try await export(req, format: .csv) }
        app.get("indicators", ":code", "data.sdmx.csv") { req in try await export(req, format: .sdmx) }
        app.get("api", "v1", "indicators", ":code", "data") { req -> Response in
            let code = try await indicatorCode(req)
            let page = try Pagination(req, defaultLimit: 1_000, maxLimit: 10_000)
            let points = try await PublishedIndicatorData.points(indicator: code, party: partyFilter(req), page: page, on: req.db)
            var headers = HTTPHeaders()
            headers.contentType = .json
            page.addLinks(to: &headers, path: "/api/v1/indicators/\(SiteURL.segment(code))/data", query: ["party": partyFilter(req)],
                          returned: points.count)
            return Response(status: .ok, headers: headers, body: .init(string: IndicatorExport.json(points)))
        }
    }

    struct ImportForm: Content { var text: String?; var file: File?; var format: String? }

    @Sendable static func importData(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(ImportForm.self)
        let text: String
        if let file = form.file, file.data.readableBytes > 0 {
            guard let decoded = UTF8Text.decode(Data(buffer: file.data)) else { throw Refusal("error.import.not-utf8") }
            text = decoded
        } else {
            text = form.text ?? ""
        }
        switch try await IndicatorImportService.importCSV(text, format: form.format, by: user, app: req.application) {
        case .failure(let errors):
            return Response.html(IndicatorImportView.problems(req.page, errors), status: .unprocessableEntity)
        case .success(let points):
            return Response.html(IndicatorImportView.imported(req.page, count: points.count,
                                                              indicators: Array(Set(points.map(\.indicator))).sorted()))
        }
    }

    /// The route's indicator code, if the registry or a Party's national indicators know it (404 otherwise).
    static func indicatorCode(_ req: Request) async throws -> String {
        let code = try req.textParameter("code")
        guard try await NationalIndicators.definition(code, req: req) != nil else { throw Abort(.notFound) }
        return code
    }

    /// `?party=` as an ISO alpha-2 code, or nil.
    static func partyFilter(_ req: Request) -> String? {
        guard let party: String = req.query["party"], party.count == 2, party.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return party.uppercased()
    }

    enum ExportFormat { case csv, sdmx }

    /// Every published value of the indicator (or of one Party), streamed as it is read.
    static func export(_ req: Request, format: ExportFormat) async throws -> Response {
        let code = try await indicatorCode(req)
        let party = partyFilter(req)
        let db = req.db
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "\(code.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })\(format == .sdmx ? ".sdmx" : "").csv")
        let dimensions = format == .sdmx ? try await PublishedIndicatorData.dimensions(indicator: code, party: party, on: db) : []
        return Response(status: .ok, headers: headers, body: .init(asyncStream: { writer in
            do {
                let header = format == .sdmx ? IndicatorExport.sdmxHeader(dimensions: dimensions) : IndicatorExport.csvHeader
                try await writer.write(.buffer(ByteBuffer(string: header)))
                var offset = 0
                while true {
                    let page = Pagination(limit: 5_000, offset: offset)
                    let points = try await PublishedIndicatorData.points(indicator: code, party: party, page: page, on: db)
                    if points.isEmpty { break }
                    let text = format == .sdmx ? IndicatorExport.sdmxRows(points, dimensions: dimensions) : IndicatorExport.csvRows(points)
                    try await writer.write(.buffer(ByteBuffer(string: text)))
                    offset += points.count
                    if points.count < page.limit { break }
                }
                try await writer.write(.end)
            } catch {
                try? await writer.write(.error(error))
            }
        }))
    }

    static func show(_ req: Request) async throws -> Response {
        let code = try req.textParameter("code")
        guard let indicator = try await NationalIndicators.definition(code, req: req) else { throw Abort(.notFound) }
        if let party = partyFilter(req) {
            let points = try await PublishedIndicatorData.points(indicator: code, party: party, page: Pagination(limit: 10_000, offset: 0),
                                                                 on: req.db).filter { $0.disaggregation.isEmpty }
            return Response.html(IndicatorView.render(req.page, IndicatorDTO(indicator), points: points, party: party))
        }
        return Response.html(IndicatorView.overview(req.page, IndicatorDTO(indicator), summary: try await summary(code, on: req.db)))
    }

    /// Every Party's totals for one indicator, reduced to what the page shows: the median
    /// across Parties per year, and each Party's latest value. (The exports have every value.)
    struct Summary {
        var median: [(year: Int, value: Double, parties: Int)]
        var latest: [(party: String, period: String, value: Double, unit: String)]
    }

    static func summary(_ code: String, on db: any Database) async throws -> Summary {
        struct Row: Decodable { var party_code: String; var period: String; var period_start: Int; var value: Double; var unit: String }
        let rows = try await db.sql.select().columns("party_code", "period", "period_start", "value", "unit")
            .from(IndicatorValueModel.schema).where("indicator", .equal, code).where("disaggregation", .equal, "")
            .all(decoding: Row.self)
        var byYear: [Int: [Double]] = [:]
        var latest: [String: Row] = [:]
        for row in rows {
            byYear[row.period_start, default: []].append(row.value)
            if let seen = latest[row.party_code], seen.period_start >= row.period_start { continue }
            latest[row.party_code] = row
        }
        let median = byYear.keys.sorted().map { year -> (year: Int, value: Double, parties: Int) in
            let values = byYear[year]!.sorted()
            let middle = values.count / 2
            let value = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
            return (year, value, values.count)
        }
        return Summary(median: median, latest: latest.keys.sorted().map { party in
            let row = latest[party]!
            return (party, row.period, row.value, row.unit)
        })
    }
}

enum IndicatorView {
    /// The indicator's name, unit, custodian and targets.
    static func header(_ page: PageContext, _ indicator: IndicatorDTO) -> Node<HTML.BodyContext> {
        .group(
            .h1(.text("\(indicator.code) "), page.name(indicator.name)),
            .dl(.dt(page.text("indicators.unit")), .dd(ConventionView.known(page, indicator.unit)),
                .dt(page.text("indicators.custodian")), .dd(ConventionView.known(page, indicator.custodian)),
                .dt(page.text("indicators.targets")), .dd(.forEach(indicator.targets) { .group(ActionItemsView.targetLink(page, $0), .text(" ")) })))
    }

    /// The exports (for `query`, e.g. `?party=KE`) and, for a Party's people, the import form.
    static func downloadsAndImport(_ page: PageContext, _ indicator: IndicatorDTO, query: String) -> Node<HTML.BodyContext> {
        let base = "/indicators/\(indicator.code.attributeEscaped)"
        return .group(
            .p(.a(.href("\(base)/data.csv\(query)"), .text("CSV")), .text(" · "),
               .a(.href("\(base)/data.sdmx.csv\(query)"), .text("SDMX-CSV")), .text(" · "),
               .a(.href("/api/v1/indicators/\(indicator.code.attributeEscaped)/data\(query)"), .text("JSON"))),
            .if(page.user.flatMap { user in user.party.map { AuthorizationPolicy.permits(user.actor, .publishIndicatorData(party: $0)) } } ?? false, .group(
                .h2(page.text("indicators.import")),
                .form(.method(.post), .action("/indicators/import"), .enctype(.multipartData), Layout.csrfField(page),
                      .label(.for("import-file"), page.text("indicators.import-file")),
                      .input(.type(.file), .id("import-file"), .name("file"), .attribute(named: "accept", value: ".csv")),
                      .button(.type(.submit), page.text("indicators.import"))))))
    }

    /// The indicator across all Parties: the median per year as a chart with its table, and
    /// each Party's latest value linking to its own series.
    static func overview(_ page: PageContext, _ indicator: IndicatorDTO, summary: IndicatorDataRoutes.Summary) -> String {
        let title = LocalizedText(indicator.name).resolved(in: page.language).text
        let base = "/indicators/\(indicator.code.attributeEscaped)"
        let unit = summary.latest.first?.unit ?? indicator.unit ?? ""
        let chart = SVGChart.lineChart(title: "\(indicator.code) \(title): \(page.t("indicators.median"))",
                                       series: [(label: page.t("indicators.median"), points: summary.median.map { (x: Double($0.year), y: $0.value) })],
                                       xLabel: page.t("indicators.year"), yLabel: unit)
        return Layout.render(page, title: title, main: [
            header(page, indicator),
            .if(summary.latest.isEmpty, .p(page.text("indicators.no-data")), else: .group(
                .element(named: "figure", nodes: [.raw(chart)]),
                .table(.class("data"), .caption(page.text("indicators.median")),
                       .thead(.tr(.th(page.text("indicators.year")), .th(page.text("indicators.value")), .th(page.text("indicators.parties-count")))),
                       .tbody(.forEach(summary.median) { row in
                           .tr(.td(.text("\(row.year)")), .td(.text(String(row.value))), .td(.text("\(row.parties)")))
                       })),
                .h2(page.text("indicators.latest")),
                .table(.class("data"),
                       .thead(.tr(.th(page.text("parties.party")), .th(page.text("indicators.period")), .th(page.text("indicators.value")))),
                       .tbody(.forEach(summary.latest) { row in
                           .tr(.td(.a(.href("\(base)?party=\(row.party.attributeEscaped)"), .text(row.party))), .td(.text(row.period)),
                               .td(.text(String(row.value)), .text(row.unit.isEmpty ? "" : " \(row.unit)")))
                       })))),
            downloadsAndImport(page, indicator, query: ""),
        ])
    }

    static func render(_ page: PageContext, _ indicator: IndicatorDTO, points: [IndicatorDataPoint], party: String?) -> String {
        let byParty = Dictionary(grouping: points, by: \.party)
        let title = LocalizedText(indicator.name).resolved(in: page.language).text
        let chart = SVGChart.lineChart(
            title: "\(indicator.code) \(title)",
            series: byParty.keys.sorted().map { party in
                (label: party, points: byParty[party]!.map { (x: Double($0.period.start), y: $0.value) })
            },
            xLabel: page.t("indicators.year"), yLabel: points.first?.unit ?? indicator.unit ?? "")
        let query = party.map { "?party=\($0.attributeEscaped)" } ?? ""
        return Layout.render(page, title: title, main: [
            header(page, indicator),
            .if(points.isEmpty, .p(page.text("indicators.no-data")), else: .group(
                .element(named: "figure", nodes: [.raw(chart)]),
                .table(.class("data"),
                       .caption(page.text("indicators.data")),
                       .thead(.tr(.th(page.text("parties.party")), .th(page.text("indicators.period")), .th(page.text("indicators.value")),
                                  .th(page.text("indicators.source")))),
                       .tbody(.forEach(points) { point in
                           .tr(.td(.text(point.party)), .td(.text(point.period.description)),
                               .td(.text(String(point.value)), .text(point.unit.isEmpty ? "" : " \(point.unit)")), .td(.text(point.source)))
                       })))),
            downloadsAndImport(page, indicator, query: query),
        ])
    }
}

enum IndicatorImportView {
    static func problems(_ page: PageContext, _ errors: IndicatorImportErrors) -> String {
        Layout.render(page, title: page.t("indicators.import-problems"), main: [
            .h1(page.text("indicators.import-problems")),
            .p(page.text("package.nothing-applied")),
            .if(errors.total > errors.errors.count,
                .p(page.text("import.more-problems", ["shown": "\(errors.errors.count)", "total": "\(errors.total)"]))),
            .ul(.class("problems"), .forEach(errors.errors) { error in
                .li(page.text("package.line", ["line": "\(error.line)"]), .text(": "),
                    .unwrap(error.column) { .group(.code(.text($0)), .text(" — ")) }, .text(error.message))
            }),
        ])
    }

    static func imported(_ page: PageContext, count: Int, indicators: [String]) -> String {
        Layout.render(page, title: page.t("indicators.imported", ["count": "\(count)"]), main: [
            .h1(page.text("indicators.imported", ["count": "\(count)"])),
            .ul(.forEach(indicators) { .li(.a(.href("/indicators/\($0.attributeEscaped)"), .text($0))) }),
        ])
    }
}
