import Fluent
import SQLKit
import SynergiaCore
import Vapor

/// Decision pages, the action-item tracker, their API twins, and follow-up updates.
enum DecisionRoutes {
    static func register(_ app: Application) throws {
        app.get("decisions") { req in
            Response.html(DecisionListView.render(req.page, try await DecisionQueries.list(on: req.db)))
        }
        app.get("decisions", ":slug") { req in
            let detail = try await DecisionQueries.detail(slug: (try req.textParameter("slug")),
                                                          language: req.query["version"] ?? req.language.code,
                                                          today: DecisionQueries.today(), on: req.db)
            return Response.html(DecisionView.render(req.page, detail, canTrack: canTrack(req, detail.summary.convention)))
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
            Response.html(ActionItemsView.render(req.page, try await list(req), addressees: try await addressees(req)))
        }
        app.on(.POST, "action-items", ":id", body: .collect(maxSize: "64kb"), use: update)

        let api = app.grouped("api", "v1")
        api.get("decisions") { req in
            let page = try Pagination.list(req)
            return try page.response(page.slice(try await DecisionQueries.list(on: req.db)), for: req)
        }
        api.get("decisions", ":slug") { req in
            try await DecisionQueries.detail(slug: (try req.textParameter("slug")), language: req.query["version"],
                                             today: DecisionQueries.today(), on: req.db)
        }
        api.get("action-items") { req -> Response in
            let page = try Pagination.list(req)
            var list = try await list(req)
            list.items = page.slice(list.items)
            var headers = HTTPHeaders()
            page.addLinks(to: &headers, path: req.url.path, query: ["addressee": list.addressee, "dueBy": list.dueBy, "status": list.status,
                                                                    "overdue": list.overdue ? "1" : nil], returned: list.items.count)
            let response = Response(status: .ok, headers: headers)
            try response.content.encode(list, as: .json)
            return response
        }
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
        /// The version the form showed.
        var version: Int?
    }

    /// A secretariat member records how an action item stands: one transaction that changes the
    /// item only if it is still at the version the form showed (else 409, nothing changed), audited.
    @Sendable static func update(req: Request) async throws -> Response {
        let id = try req.idParameter("id")
        guard let item = try await ActionItemModel.query(on: req.db).filter(\.$id == id).with(\.$decision).first() else {
            throw Abort(.notFound)
        }
        let form = try req.content.decode(UpdateForm.self)
        guard let status = form.status, DecisionImport.statuses.contains(status) else {
            throw Abort(.badRequest, reason: "error.unknown-status")
        }
        let notes = String((form.notes ?? "").prefix(10_000))
        let actor = req.actor, author = req.account?.email ?? "secretariat", convention = item.decision.conventionCode
        try await req.db.write { tx in
            try Authorize.require(actor, .trackDecisions(convention: convention))
            struct Row: Decodable { var version: Int }
            let changed = try await tx.sql.update(ActionItemModel.schema).set("status", to: status).set("notes", to: notes)
                .set(SQLIdentifier("version"), to: SQLRaw("version + 1")).set("updated_at", to: Date())
                .where("id", .equal, id).where("version", .equal, form.version ?? item.version)
                .returning("version").all(decoding: Row.self)
            guard !changed.isEmpty else { throw Abort(.conflict, reason: "error.answer.changed-meanwhile") }
            try await AuditLog.record(tx, actor: author, action: "action-item.followed-up", subject: .other("action-item/\(id.uuidString)"),
                                      before: item.status, after: status)
        }
        return req.redirect(to: SiteURL.decision(item.decision.slug).path + SiteURL.query(["version": item.decision.language]) + "#item-\(id.uuidString)")
    }
}
