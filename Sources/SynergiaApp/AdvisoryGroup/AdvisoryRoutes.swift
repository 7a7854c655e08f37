import Fluent
import SynergiaCore
import Vapor

/// The informal advisory group: calls for nominations, nominations by focal points, the
/// Bureau's selection under the regional balance rule, observers; pages and API twins.
struct AdvisoryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("advisory-group") { req in
            Response.html(AdvisoryCallsView.render(req.page, try await AdvisoryQueries.calls(on: req.db),
                                                   canCreate: AuthorizationPolicy.permits(req.actor, .selectAdvisoryGroup)))
        }
        routes.on(.POST, "advisory-group", body: .collect(maxSize: "16kb"), use: Self.createCall)
        routes.get("advisory-group", ":id") { req in try await Self.show(req, error: nil, status: .ok) }
        routes.on(.POST, "advisory-group", ":id", "nominations", body: .collect(maxSize: "256kb"), use: Self.nominate)
        routes.on(.POST, "advisory-group", ":id", "nominations", ":nomination", "select", body: .collect(maxSize: "16kb"), use: Self.select)
        routes.on(.POST, "advisory-group", ":id", "observers", body: .collect(maxSize: "16kb"), use: Self.addObserver)
        routes.on(.POST, "advisory-group", ":id", "close", body: .collect(maxSize: "16kb"), use: Self.close)

        let api = routes.grouped("api", "v1")
        api.get("advisory-calls") { req in
            let page = try Pagination.list(req)
            return try page.response(page.slice(try await AdvisoryQueries.calls(on: req.db)), for: req)
        }
        api.get("advisory-calls", ":id") { req in try await AdvisoryQueries.detail(try req.idParameter("id"), actor: req.actor, on: req.db) }
    }

    static func show(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let detail = try await AdvisoryQueries.detail(try req.idParameter("id"), actor: req.actor, on: req.db)
        let canNominate = req.actor.party.map { AuthorizationPolicy.permits(req.actor, .nominateCandidate(party: $0)) } ?? false
        return Response.html(AdvisoryCallView.render(req.page, detail, canNominate: canNominate,
                                                     canSelect: AuthorizationPolicy.permits(req.actor, .selectAdvisoryGroup),
                                                     error: error), status: status)
    }

    struct CallForm: Content { var title: String?; var deadline: String?; var mandate: String? }

    @Sendable static func createCall(req: Request) async throws -> Response {
        let user = try req.requireUser(for: .selectAdvisoryGroup)
        let form = try req.content.decode(CallForm.self)
        guard let title = form.title?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty, let deadline = form.deadline.flatMap(parseDay) else {
            throw Refusal("error.advisory.call-invalid")
        }
        let call = try await AdvisoryService.createCall(title: title, mandate: form.mandate?.nilIfEmpty ?? "CBD decision XII/6, paragraph 6",
                                                        deadline: deadline, by: user, on: req.db)
        return req.redirect(to: SiteURL.advisoryCall(try call.requireID()).path)
    }

    /// The end of the given day (UTC): a deadline of 2026-12-31 accepts nominations all that day.
    static func parseDay(_ text: String) -> Date? {
        guard ISODate.isValid(text) else { return nil }
        return RFC3339.parse("\(text)T23:59:59Z")
    }

    struct NominationForm: Content { var candidateName: String?; var expertise: String?; var languages: String?; var cv: String? }

    @Sendable static func nominate(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let callID = try req.idParameter("id")
        let form = try req.content.decode(NominationForm.self)
        do {
            try await AdvisoryService.nominate(call: callID, by: user, candidateName: form.candidateName ?? "", expertise: form.expertise ?? "",
                                               languages: form.languages ?? "", cv: form.cv ?? "", on: req.db)
        } catch let refusal as Refusal {
            return try await show(req, error: refusal.catalogKey, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.advisoryCallSection(callID, "nominations").path)
    }

    @Sendable static func select(req: Request) async throws -> Response {
        let user = try req.requireUser(for: .selectAdvisoryGroup)
        let callID = try req.idParameter("id")
        do {
            try await AdvisoryService.select(try req.idParameter("nomination"), call: callID, by: user, on: req.db)
        } catch let refusal as Refusal {
            return try await show(req, error: refusal.catalogKey, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.advisoryCallSection(callID, "balance").path)
    }

    struct ObserverForm: Content { var organization: String?; var person: String? }

    @Sendable static func addObserver(req: Request) async throws -> Response {
        let user = try req.requireUser(for: .selectAdvisoryGroup)
        let callID = try req.idParameter("id")
        let form = try req.content.decode(ObserverForm.self)
        guard let organization = form.organization?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty else {
            throw Refusal("error.advisory.organization-required")
        }
        try await AdvisoryService.addObserver(call: callID, organization: organization, person: form.person?.nilIfEmpty, by: user, on: req.db)
        return req.redirect(to: SiteURL.advisoryCallSection(callID, "observers").path)
    }

    @Sendable static func close(req: Request) async throws -> Response {
        let user = try req.requireUser(for: .selectAdvisoryGroup)
        let callID = try req.idParameter("id")
        try await AdvisoryService.close(call: callID, by: user, on: req.db)
        return req.redirect(to: SiteURL.advisoryCall(callID).path)
    }
}
