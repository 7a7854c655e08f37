import Fluent
import SynergiaCore
import Vapor

/// Decision pages, the action-item tracker, their API twins, and follow-up updates.
enum DecisionRoutes {
    static func register(_ app: Application) throws {
        app.get("decisions") { req in
            Response.html(DecisionListView.render(req.page, try await DecisionQueries.list(on: req.db)))
        }
        app.get("decisions", ":slug") { req in
            let detail = try await DecisionQueries.detail(slug: req.parameters.get("slug")!,
                                                          language: req.query["version"] ?? req.language.code,
                                                          today: DecisionQueries.today(), on: req.db)
            return Response.html(DecisionView.render(req.page, detail, canTrack: canTrack(req, detail.summary.convention)))
        }
        app.get("decisions", ":slug", "compare") { req in
            let slug = req.parameters.get("slug")!
            guard let leftCode = req.query[String.self, at: "left"], let rightCode = req.query[String.self, at: "right"] else {
                throw Abort(.badRequest, reason: "error.bad-request")
            }
            let left = try await DecisionQueries.version(slug: slug, language: leftCode, on: req.db)
            let right = try await DecisionQueries.version(slug: slug, language: rightCode, on: req.db)
            return Response.html(DecisionCompareView.render(req.page, symbol: left.row.symbol, convention: left.row.conventionCode,
                                                            left: left.decision, right: right.decision))
        }
        app.get("action-items") { req in
            Response.html(ActionItemsView.render(req.page, try await list(req), addressees: try await addressees(req)))
        }
        app.on(.POST, "action-items", ":id", body: .collect(maxSize: "64kb"), use: update)

        let api = app.grouped("api", "v1")
        api.get("decisions") { req in try await DecisionQueries.list(on: req.db) }
        api.get("decisions", ":slug") { req in
            try await DecisionQueries.detail(slug: req.parameters.get("slug")!, language: req.query["version"],
                                             today: DecisionQueries.today(), on: req.db)
        }
        api.get("action-items") { req in try await list(req) }
    }

    static func list(_ req: Request) async throws -> ActionItemListDTO {
        func param(_ name: String) -> String? { (req.query[name] as String?).flatMap { $0.isEmpty ? nil : $0 } }
        return try await DecisionQueries.actionItems(
            addressee: param("addressee"), dueBy: param("dueBy"), status: param("status"),
            overdue: param("overdue") == "1" || param("overdue") == "true", today: DecisionQueries.today(),
            calendar: req.application.synergia.calendar, on: req.db)
    }

    static func addressees(_ req: Request) async throws -> [String] {
        Array(Set(try await ActionItemModel.query(on: req.db).all().map(\.addressee))).sorted()
    }

    static func canTrack(_ req: Request, _ convention: String) -> Bool {
        AuthorizationPolicy.permits(req.actor, .trackDecisions(convention: convention))
    }

    struct UpdateForm: Content {
        var status: String?
        var notes: String?
    }

    /// A secretariat member records how an action item stands. Nothing changes on bad input.
    @Sendable static func update(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self),
              let item = try await ActionItemModel.query(on: req.db).filter(\.$id == id).with(\.$decision).first() else {
            throw Abort(.notFound)
        }
        try req.authorize(.trackDecisions(convention: item.decision.conventionCode))
        let form = try req.content.decode(UpdateForm.self)
        guard let status = form.status, DecisionImport.statuses.contains(status) else {
            throw Abort(.badRequest, reason: "error.unknown-status")
        }
        item.status = status
        item.notes = String((form.notes ?? "").prefix(10_000))
        try await item.update(on: req.db)
        return req.redirect(to: "/decisions/\(item.decision.slug)?version=\(item.decision.language)#item-\(id)")
    }
}
