import Foundation
import SynergiaCore
import Vapor

/// Indicator data as SDMX: the structure message (`/sdmx/structure`) and the published data as
/// SDMX-CSV 2.0 (`/sdmx/data.csv`) and SDMX-ML 2.1 structure-specific data (`/sdmx/data.xml`),
/// everything or filtered by `?indicator=` and `?party=`. Only published values are read
/// (``PublishedIndicatorData``); drafts in reports never are.
struct SDMXRoutes: RouteCollection {
    static let structureType = HTTPMediaType(type: "application", subType: "vnd.sdmx.structure+xml", parameters: ["version": "2.1"])
    static let csvType = HTTPMediaType(type: "application", subType: "vnd.sdmx.data+csv", parameters: ["version": "2.0.0", "charset": "utf-8"])
    static let xmlType = HTTPMediaType(type: "application", subType: "vnd.sdmx.structurespecificdata+xml", parameters: ["version": "2.1"])

    func boot(routes: any RoutesBuilder) throws {
        routes.get("sdmx", "structure") { req in
            let structure = try await SDMXPublication.structure(registry: req.application.synergia.indicators, on: req.db)
            var headers = HTTPHeaders()
            headers.contentType = Self.structureType
            return Response(status: .ok, headers: headers, body: .init(string: structure.xml()))
        }
        routes.get("sdmx", "data.csv") { req in try await Self.data(req, xml: false) }
        routes.get("sdmx", "data.xml") { req in try await Self.data(req, xml: true) }
    }

    /// The selection a data request asks for: one indicator or all that have values; one Party or all.
    struct Selection: Sendable {
        var indicators: [String]
        var party: String?
        /// `3.1-KE`, `all`…: the file name's stem.
        var name: String
    }

    static func selection(_ req: Request) async throws -> Selection {
        let party: String? = req.query["party"]
        if party != nil, req.partyQuery == nil { throw Abort(.badRequest, reason: "party must be an ISO 3166-1 alpha-2 code") }
        let code: String? = req.query["indicator"]
        let indicators: [String]
        if let code {
            indicators = [try await IndicatorRoutes.knownIndicator(code, req)]
        } else {
            indicators = try await PublishedIndicatorData.indicators(party: req.partyQuery, on: req.db)
        }
        let stem = IndicatorRoutes.fileStem(code ?? "all")
        return Selection(indicators: indicators, party: req.partyQuery, name: stem + (req.partyQuery.map { "-\($0)" } ?? ""))
    }

    static func data(_ req: Request, xml: Bool) async throws -> Response {
        let selection = try await selection(req)
        let writer = SDMXData(registry: req.application.synergia.indicators)
        var headers = HTTPHeaders()
        headers.contentType = xml ? xmlType : csvType
        headers.contentDisposition = .init(.attachment, filename: "\(selection.name).sdmx.\(xml ? "xml" : "csv")")
        let db = req.db
        let head = xml ? writer.xmlHead(id: "SYNERGIA_DATA", prepared: Date()) : writer.csvHeader
        return Response.streaming(headers: headers, head: head, tail: xml ? SDMXData.xmlTail : "") { write in
            try await PublishedIndicatorData.forEachPage(indicators: selection.indicators, party: selection.party, on: db) { points in
                try await write(xml ? writer.xmlObservations(points) : writer.csvRows(points))
            }
        }
    }
}
