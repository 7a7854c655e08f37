import Fluent
import SynergiaCore
import Vapor

/// Meeting pages, registration, the secretariat's forms, iCalendar, and the API twins.
struct MeetingRoutes: RouteCollection {
    func boot(routes app: any RoutesBuilder) throws {
        app.get("meetings") { req in
            let meetings = try await MeetingQueries.list(convention: nil, on: req.db)
            let conventions = try await ReferenceQueries.conventions(on: req.db)
            return Response.html(MeetingListView.render(req.page, meetings, conventions: conventions,
                                                        canCreate: Self.canCreateAny(req), errors: FieldErrors(), form: [:]))
        }
        app.on(.POST, "meetings", body: .collect(maxSize: "64kb"), use: Self.create)
        app.get("meetings", ":code") { req in try await Self.showMeeting(req, errors: FieldErrors(), status: .ok) }
        app.on(.POST, "meetings", ":code", "register", body: .collect(maxSize: "64kb"), use: Self.register)
        app.on(.POST, "meetings", ":code", "invitations", body: .collect(maxSize: "64kb"), use: Self.invite)
        app.on(.POST, "meetings", ":code", "agenda", body: .collect(maxSize: "64kb"), use: Self.addAgendaItem)
        app.on(.POST, "meetings", ":code", "documents", body: .collect(maxSize: "64kb"), use: Self.addDocument)
        app.on(.POST, "meetings", ":code", "documents", ":id", "transmit", body: .collect(maxSize: "16kb"), use: Self.transmit)
        app.get("meetings", ":code", "calendar.ics") { req in
            let meeting = try await MeetingQueries.meeting(try req.textParameter("code"), on: req.db)
            return Self.calendarResponse(MeetingCalendarFeed.calendar(name: meeting.title, meetings: [meeting], now: Date()))
        }
        app.get("calendar.ics") { req in
            let meetings = try await MeetingQueries.all(on: req.db)
            return Self.calendarResponse(MeetingCalendarFeed.calendar(name: "Synergia meetings", meetings: meetings, now: Date()))
        }

        let api = app.grouped("api", "v1")
        api.get("meetings") { req in
            let page = try Pagination.list(req)
            return try page.response(try await MeetingQueries.list(convention: req.query["convention"], page: page, on: req.db), for: req)
        }
        api.get("meetings", ":code") { req in try await MeetingQueries.detail(try req.textParameter("code"), on: req.db) }
    }

    static func calendarResponse(_ body: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    static func canCreateAny(_ req: Request) -> Bool {
        guard let convention = req.actor.convention else { return false }
        return AuthorizationPolicy.permits(req.actor, .manageMeetings(convention: convention))
    }

    static func showMeeting(_ req: Request, errors: FieldErrors, status: HTTPStatus, notice: String? = nil) async throws -> Response {
        let detail = try await MeetingQueries.detail(try req.textParameter("code"), on: req.db)
        let canManage = AuthorizationPolicy.permits(req.actor, .manageMeetings(convention: detail.meeting.convention))
        var participants: [ParticipantDTO] = []
        if canManage {
            participants = try await MeetingQueries.participants(of: MeetingQueries.meeting(detail.meeting.code, on: req.db), on: req.db)
        }
        return Response.html(MeetingView.render(req.page, detail, canManage: canManage, participants: participants,
                                                errors: errors, notice: notice ?? req.query["done"]), status: status)
    }

    struct MeetingForm: Content {
        var code: String?; var convention: String?; var kind: String?; var title: String?
        var startDate: String?; var endDate: String?; var place: String?; var onlineLink: String?
        var capacity: String?; var description: String?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(MeetingForm.self)
        let convention = (form.convention ?? "").uppercased()
        try req.authorize(.manageMeetings(convention: convention))
        var errors = FieldErrors()
        let kind = MeetingKind(rawValue: form.kind ?? "")
        if kind == nil { errors["kind"] = "error.meeting.kind" }
        let capacity = (form.capacity ?? "").isEmpty ? nil : Int(form.capacity ?? "")
        if !(form.capacity ?? "").isEmpty, capacity == nil { errors["capacity"] = "error.meeting.capacity" }
        if errors.isEmpty, let kind {
            do {
                let meeting = try await MeetingService.create(.init(
                    code: form.code ?? "", convention: convention, kind: kind, title: form.title ?? "",
                    startDate: form.startDate ?? "", endDate: form.endDate ?? "", place: form.place, onlineLink: form.onlineLink,
                    capacity: capacity, description: form.description ?? "", createdBy: req.account?.email ?? "system",
                    language: req.language), on: req.db)
                return req.redirect(to: SiteURL.meeting(meeting.code).path)
            } catch let fieldErrors as FieldErrors {
                errors = fieldErrors
            }
        }
        let meetings = try await MeetingQueries.list(convention: nil, on: req.db)
        let conventions = try await ReferenceQueries.conventions(on: req.db)
        let values = ["code": form.code, "title": form.title, "startDate": form.startDate, "endDate": form.endDate,
                      "place": form.place, "onlineLink": form.onlineLink, "capacity": form.capacity, "kind": form.kind,
                      "convention": form.convention].compactMapValues { $0 }
        return Response.html(MeetingListView.render(req.page, meetings, conventions: conventions, canCreate: true, errors: errors, form: values),
                             status: .unprocessableEntity)
    }

    struct PersonForm: Content {
        var name: String?; var email: String?; var category: String?; var party: String?; var organization: String?
        var person: MeetingService.Person? {
            guard let category = ParticipantCategory(rawValue: category ?? "") else { return nil }
            return .init(name: name ?? "", email: email ?? "", category: category, party: party, organization: organization)
        }
    }

    @Sendable static func register(req: Request) async throws -> Response {
        let meeting = try await MeetingQueries.meeting(try req.textParameter("code"), on: req.db)
        let form = try req.content.decode(PersonForm.self)
        guard let person = form.person else { return try await showMeeting(req, errors: FieldErrors(["category": "error.meeting.category"]), status: .unprocessableEntity) }
        do {
            try await MeetingService.register(person, for: meeting, on: req.db)
        } catch let errors as FieldErrors {
            return try await showMeeting(req, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.meetingNotice(meeting.code, "meetings.registered").path)
    }

    @Sendable static func invite(req: Request) async throws -> Response {
        let meeting = try await MeetingQueries.meeting(try req.textParameter("code"), on: req.db)
        try req.authorize(.manageMeetings(convention: meeting.conventionCode))
        let form = try req.content.decode(PersonForm.self)
        guard let person = form.person else { return try await showMeeting(req, errors: FieldErrors(["category": "error.meeting.category"]), status: .unprocessableEntity) }
        do {
            try await MeetingService.invite(person, to: meeting, publicURL: req.application.synergia.settings.publicURL,
                                            by: req.account?.email ?? "secretariat", on: req.db)
        } catch let errors as FieldErrors {
            return try await showMeeting(req, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.meetingNotice(meeting.code, "meetings.invited").path)
    }

    struct AgendaForm: Content { var number: String?; var title: String? }

    @Sendable static func addAgendaItem(req: Request) async throws -> Response {
        let meeting = try await MeetingQueries.meeting(try req.textParameter("code"), on: req.db)
        try req.authorize(.manageMeetings(convention: meeting.conventionCode))
        let form = try req.content.decode(AgendaForm.self)
        guard let title = form.title?.nilIfEmpty, let number = form.number?.nilIfEmpty else {
            return try await showMeeting(req, errors: FieldErrors(["agendaTitle": "error.meeting.title"]), status: .unprocessableEntity)
        }
        try await MeetingService.addAgendaItem(to: meeting, number: number, title: title, on: req.db)
        return req.redirect(to: SiteURL.meetingSection(meeting.code, "agenda").path)
    }

    struct DocumentForm: Content { var symbol: String?; var title: String?; var languages: String?; var link: String? }

    @Sendable static func addDocument(req: Request) async throws -> Response {
        let meeting = try await MeetingQueries.meeting(try req.textParameter("code"), on: req.db)
        try req.authorize(.manageMeetings(convention: meeting.conventionCode))
        let form = try req.content.decode(DocumentForm.self)
        guard let title = form.title?.nilIfEmpty else {
            return try await showMeeting(req, errors: FieldErrors(["documentTitle": "error.meeting.title"]), status: .unprocessableEntity)
        }
        let languages = (form.languages ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Language(code: String($0))?.code }
        do {
            try await MeetingService.addDocument(to: meeting, symbol: form.symbol, title: title, languages: languages, link: form.link, on: req.db)
        } catch let refusal as Refusal {
            return try await showMeeting(req, errors: FieldErrors(["documentLink": refusal.catalogKey]), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.meetingSection(meeting.code, "documents").path)
    }

    struct TransmitForm: Content { var to: String? }

    @Sendable static func transmit(req: Request) async throws -> Response {
        let meeting = try await MeetingQueries.meeting(try req.textParameter("code"), on: req.db)
        try req.authorize(.manageMeetings(convention: meeting.conventionCode))
        let document = try await MeetingQueries.document(try req.idParameter("id"), of: meeting, on: req.db)
        let codes = (try req.content.decode(TransmitForm.self).to ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        guard !codes.isEmpty else { throw Refusal("error.meeting.unknown") }
        try await MeetingService.transmit(document, to: codes, by: req.actor, on: req.db)
        return req.redirect(to: SiteURL.meetingNotice(meeting.code, "meetings.transmitted", section: "documents").path)
    }
}
