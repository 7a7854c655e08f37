import Fluent
import SynergiaCore
import Vapor

/// The informal advisory group: calls for nominations, nominations by focal points, the
/// Bureau's selection under the regional balance rule, observers; pages and API twins.
struct AdvisoryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("advisory-group") { req in
            Response.html(AdvisoryCallsView.render(req.page, try await Self.calls(req),
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
            return try page.response(page.slice(try await Self.calls(req)), for: req)
        }
        api.get("advisory-calls", ":id") { req in try await Self.detail(req) }
    }

    static func calls(_ req: Request) async throws -> [AdvisoryCallDTO] {
        try await AdvisoryCallModel.query(on: req.db).sort(\.$deadline, .descending).all().map(AdvisoryCallDTO.init)
    }

    static func call(_ req: Request) async throws -> AdvisoryCallModel {
        guard let call = try await AdvisoryCallModel.find(try req.idParameter("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        return call
    }

    static func detail(_ req: Request) async throws -> AdvisoryCallDetailDTO {
        let call = try await call(req)
        let nominations = try await NominationModel.query(on: req.db).filter(\.$call.$id == call.requireID()).sort(\.$createdAt).all()
        let candidates = try await AdvisoryService.candidates(of: call, on: req.db)
        let balance = AdvisoryGroupRules.balance(of: candidates.filter(\.selected).map(\.candidate))
        let regionOf = Dictionary(uniqueKeysWithValues: candidates.map { ($0.candidate.id, $0.candidate.region?.rawValue) })
        let observers = try await AdvisoryObserverModel.query(on: req.db).filter(\.$call.$id == call.requireID()).all()
        // A nominee's CV is for the Bureau (and the Party that nominated them); the public sees
        // the names of selected members only.
        let actor = req.actor
        let bureau = AuthorizationPolicy.permits(actor, .selectAdvisoryGroup)
        func nominatedByReader(_ nomination: NominationModel) -> Bool {
            AuthorizationPolicy.permits(actor, .nominateCandidate(party: nomination.partyCode))
        }
        return AdvisoryCallDetailDTO(
            call: AdvisoryCallDTO(call),
            balance: RegionalGroup.allCases.map { region in
                .init(regionalGroup: region.rawValue, selected: balance.region(region).selected, missing: balance.region(region).missing)
            },
            complete: balance.isComplete,
            nominations: nominations.map { nomination in
                .init(id: nomination.id!, party: nomination.partyCode, regionalGroup: regionOf[nomination.id!.uuidString] ?? nil,
                      candidateName: bureau || nominatedByReader(nomination) || nomination.status == .selected ? nomination.candidateName : nil,
                      expertise: bureau || nominatedByReader(nomination) || nomination.status == .selected ? nomination.expertise : "",
                      languages: nomination.languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                      cv: bureau || nominatedByReader(nomination) ? nomination.cv : nil, status: nomination.status.rawValue)
            },
            observers: observers.map { .init(organization: $0.organization, person: $0.person) })
    }

    static func show(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let detail = try await detail(req)
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
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: "\(text)T23:59:59Z")
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
        return req.redirect(to: SiteURL.advisoryCall(callID).path + "#nominations")
    }

    @Sendable static func select(req: Request) async throws -> Response {
        let user = try req.requireUser(for: .selectAdvisoryGroup)
        let callID = try req.idParameter("id")
        do {
            try await AdvisoryService.select(try req.idParameter("nomination"), call: callID, by: user, on: req.db)
        } catch let refusal as Refusal {
            return try await show(req, error: refusal.catalogKey, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.advisoryCall(callID).path + "#balance")
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
        return req.redirect(to: SiteURL.advisoryCall(callID).path + "#observers")
    }

    @Sendable static func close(req: Request) async throws -> Response {
        let user = try req.requireUser(for: .selectAdvisoryGroup)
        let callID = try req.idParameter("id")
        try await AdvisoryService.close(call: callID, by: user, on: req.db)
        return req.redirect(to: SiteURL.advisoryCall(callID).path)
    }
}
