import Fluent
import SynergiaCore
import Vapor

/// The informal advisory group: calls for nominations, nominations by focal points, the
/// Bureau's selection under the regional balance rule, observers; pages and API twins.
enum AdvisoryRoutes {
    static func register(_ app: Application) throws {
        app.get("advisory-group") { req in
            Response.html(AdvisoryCallsView.render(req.page, try await calls(req), canCreate: AuthorizationPolicy.permits(req.actor, .selectAdvisoryGroup)))
        }
        app.on(.POST, "advisory-group", body: .collect(maxSize: "16kb"), use: createCall)
        app.get("advisory-group", ":id") { req in try await show(req, error: nil, status: .ok) }
        app.on(.POST, "advisory-group", ":id", "nominations", body: .collect(maxSize: "256kb"), use: nominate)
        app.on(.POST, "advisory-group", ":id", "nominations", ":nomination", "select", body: .collect(maxSize: "16kb"), use: select)
        app.on(.POST, "advisory-group", ":id", "observers", body: .collect(maxSize: "16kb"), use: addObserver)
        app.on(.POST, "advisory-group", ":id", "close", body: .collect(maxSize: "16kb"), use: close)

        let api = app.grouped("api", "v1")
        api.get("advisory-calls") { req in try await calls(req) }
        api.get("advisory-calls", ":id") { req in try await detail(req) }
    }

    static func calls(_ req: Request) async throws -> [AdvisoryCallDTO] {
        try await AdvisoryCallModel.query(on: req.db).sort(\.$deadline, .descending).all().map(AdvisoryCallDTO.init)
    }

    static func call(_ req: Request) async throws -> AdvisoryCallModel {
        guard let id = req.parameters.get("id", as: UUID.self), let call = try await AdvisoryCallModel.find(id, on: req.db) else {
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
        return AdvisoryCallDetailDTO(
            call: AdvisoryCallDTO(call),
            balance: RegionalGroup.allCases.map { region in
                .init(regionalGroup: region.rawValue, selected: balance.region(region).selected, missing: balance.region(region).missing)
            },
            complete: balance.isComplete,
            nominations: nominations.map { nomination in
                .init(id: nomination.id!, party: nomination.partyCode, regionalGroup: regionOf[nomination.id!.uuidString] ?? nil,
                      candidateName: nomination.candidateName, expertise: nomination.expertise,
                      languages: nomination.languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                      cv: nomination.cv, status: nomination.status)
            },
            observers: observers.map { .init(organization: $0.organization, person: $0.person) })
    }

    static func show(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let detail = try await detail(req)
        let user = req.auth.get(UserModel.self)
        let canNominate = user.map { AuthorizationPolicy.permits(req.actor, .nominateCandidate(party: $0.partyCode ?? "")) } ?? false
        return Response.html(AdvisoryCallView.render(req.page, detail, canNominate: canNominate,
                                                     canSelect: AuthorizationPolicy.permits(req.actor, .selectAdvisoryGroup),
                                                     error: error), status: status)
    }

    struct CallForm: Content { var title: String?; var deadline: String?; var mandate: String? }

    @Sendable static func createCall(req: Request) async throws -> Response {
        try req.authorize(.selectAdvisoryGroup)
        let form = try req.content.decode(CallForm.self)
        guard let title = form.title?.nilIfEmpty, let deadline = form.deadline.flatMap(parseDay) else {
            throw Refusal("error.advisory.call-invalid")
        }
        let call = AdvisoryCallModel()
        call.title = title
        call.mandate = form.mandate?.nilIfEmpty ?? "CBD decision XII/6, paragraph 6"
        call.deadline = deadline
        call.closed = false
        try await call.create(on: req.db)
        return req.redirect(to: "/advisory-group/\(try call.requireID())")
    }

    /// The end of the given day (UTC): a deadline of 2026-12-31 accepts nominations all that day.
    static func parseDay(_ text: String) -> Date? {
        guard MeetingService.isISODate(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: "\(text)T23:59:59Z")
    }

    struct NominationForm: Content { var candidateName: String?; var expertise: String?; var languages: String?; var cv: String? }

    @Sendable static func nominate(req: Request) async throws -> Response {
        let user = try req.requireUser(for: .nominateCandidate(party: req.auth.get(UserModel.self)?.partyCode ?? ""))
        let call = try await call(req)
        let form = try req.content.decode(NominationForm.self)
        do {
            try await AdvisoryService.nominate(call: call, by: user, candidateName: form.candidateName ?? "", expertise: form.expertise ?? "",
                                               languages: form.languages ?? "", cv: form.cv ?? "", on: req.db)
        } catch let refusal as Refusal {
            return try await show(req, error: refusal.catalogKey, status: .unprocessableEntity)
        }
        return req.redirect(to: "/advisory-group/\(try call.requireID())#nominations")
    }

    @Sendable static func select(req: Request) async throws -> Response {
        let user = try req.requireUser(for: .selectAdvisoryGroup)
        let call = try await call(req)
        guard let id = req.parameters.get("nomination", as: UUID.self),
              let nomination = try await NominationModel.query(on: req.db).filter(\.$id == id).filter(\.$call.$id == call.requireID()).first() else {
            throw Abort(.notFound)
        }
        do {
            try await AdvisoryService.select(nomination, by: user, on: req.db)
        } catch let refusal as Refusal {
            return try await show(req, error: refusal.catalogKey, status: .unprocessableEntity)
        }
        return req.redirect(to: "/advisory-group/\(try call.requireID())#balance")
    }

    struct ObserverForm: Content { var organization: String?; var person: String? }

    @Sendable static func addObserver(req: Request) async throws -> Response {
        try req.authorize(.selectAdvisoryGroup)
        let call = try await call(req)
        let form = try req.content.decode(ObserverForm.self)
        guard let organization = form.organization?.nilIfEmpty else { throw Refusal("error.advisory.organization-required") }
        let observer = AdvisoryObserverModel()
        observer.$call.id = try call.requireID()
        observer.organization = organization
        observer.person = form.person?.nilIfEmpty
        try await observer.create(on: req.db)
        return req.redirect(to: "/advisory-group/\(try call.requireID())#observers")
    }

    @Sendable static func close(req: Request) async throws -> Response {
        try req.authorize(.selectAdvisoryGroup)
        let call = try await call(req)
        call.closed = true
        try await call.update(on: req.db)
        return req.redirect(to: "/advisory-group/\(try call.requireID())")
    }
}
