import Fluent
import SQLKit
import SynergiaCore
import Vapor

/// Decision pages, the action-item tracker, their API twins, and follow-up updates.
struct DecisionRoutes: RouteCollection {
    func boot(routes app: any RoutesBuilder) throws {
        app.get("decisions") { req in
            Response.html(DecisionListView.render(req.page, try await DecisionList.query(page: try DecisionList.requestedPage(req),
                                                                                         reader: req.language, on: req.db)))
        }
        app.get("decisions", ":slug") { req in
            let detail = try await DecisionQueries.detail(slug: (try req.textParameter("slug")),
                                                          language: req.query["version"] ?? req.language.code,
                                                          today: DecisionQueries.today(), on: req.db)
            return Response.html(DecisionView.render(req.page, detail, canTrack: Self.canTrack(req, detail.summary.convention)))
        }
        app.get("decisions", ":slug", "compare") { req in
            let slug = (try req.textParameter("slug"))
            guard let leftCode = req.query[String.self, at: "left"], let rightCode = req.query[String.self, at: "right"] else {
                throw Abort(.badRequest, reason: "error.bad-request")
            }
            let left = try await DecisionQueries.version(slug: slug, language: leftCode, on: req.db)
            let right = try await DecisionQueries.version(slug: slug, language: rightCode, on: req.db)
            return Response.html(DecisionCompareView.render(req.page, symbol: left.row.symbol, convention: left.row.conventionCode,
                                                            left: left.decision, right: right.decision))
        }
        app.get("action-items") { req in
            Response.html(ActionItemsView.render(req.page, try await Self.list(req), addressees: try await DecisionQueries.addressees(on: req.db)))
        }
        app.on(.POST, "action-items", ":id", body: .collect(maxSize: "64kb"), use: Self.update)

        let api = app.grouped("api", "v1")
        api.get("decisions") { req in
            let page = try Pagination.list(req)
            return try page.response(try await DecisionList.summaries(page, on: req.db), for: req)
        }
        api.get("decisions", ":slug") { req in
            try await DecisionQueries.detail(slug: (try req.textParameter("slug")), language: req.query["version"],
                                             today: DecisionQueries.today(), on: req.db)
        }
        api.get("action-items") { req -> Response in
            let page = try Pagination.list(req)
            var list = try await Self.list(req)
            list.items = page.slice(list.items)
            var headers = HTTPHeaders()
            page.addLinks(to: &headers, path: req.url.path, query: ["addressee": list.addressee, "dueBy": list.dueBy, "status": list.status?.rawValue,
                                                                    "overdue": list.overdue ? "1" : nil], returned: list.items.count)
            let response = Response(status: .ok, headers: headers)
            try response.content.encode(list, as: .json)
            return response
        }
    }

    static func list(_ req: Request) async throws -> ActionItemListDTO {
        func param(_ name: String) -> String? { (req.query[name] as String?).flatMap { $0.isEmpty ? nil : $0 } }
        return try await DecisionQueries.actionItems(
            addressee: param("addressee"), dueBy: param("dueBy"), status: try param("status").map(status),
            overdue: param("overdue") == "1" || param("overdue") == "true", today: DecisionQueries.today(),
            calendar: req.application.synergia.calendar, on: req.db)
    }

    /// A status named in a query (400 when it is not one).
    static func status(_ text: String) throws -> ActionItemStatus {
        guard let status = ActionItemStatus(rawValue: text) else { throw Abort(.badRequest, reason: "error.unknown-status") }
        return status
    }

    static func canTrack(_ req: Request, _ convention: String) -> Bool {
        AuthorizationPolicy.permits(req.actor, .trackDecisions(convention: convention))
    }

    /// A secretariat member records how an action item stands (``ActionItemService``).
    @Sendable static func update(req: Request) async throws -> Response {
        let id = try req.idParameter("id")
        let item = try await ActionItemService.update(id, try req.content.decode(ActionItemService.Form.self), by: req.actor,
                                                      author: req.account?.email ?? "secretariat", on: req.db)
        return req.redirect(to: SiteURL.decisionItem(item.decision.slug, language: item.decision.language, item: id).path)
    }
}
