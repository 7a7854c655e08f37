import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Creating meetings, their agendas and documents, invitations and registrations.
/// Bad input is refused with a catalog key per field; nothing changes then.
public enum MeetingService {
    public struct NewMeeting: Sendable {
        public var code: String
        public var convention: String
        public var kind: MeetingKind
        public var title: String
        public var startDate: String
        public var endDate: String
        public var place: String?
        public var onlineLink: String?
        public var capacity: Int?
        public var registrationOpen: Bool
        public var description: String
        public init(code: String, convention: String, kind: MeetingKind, title: String, startDate: String, endDate: String,
                    place: String? = nil, onlineLink: String? = nil, capacity: Int? = nil, registrationOpen: Bool = true,
                    description: String = "") {
            self.code = code; self.convention = convention; self.kind = kind; self.title = title
            self.startDate = startDate; self.endDate = endDate; self.place = place; self.onlineLink = onlineLink
            self.capacity = capacity; self.registrationOpen = registrationOpen; self.description = description
        }
    }

    @discardableResult
    public static func create(_ new: NewMeeting, on db: any Database) async throws -> MeetingModel {
        var errors = FieldErrors()
        let code = new.code.trimmingCharacters(in: .whitespaces).uppercased()
        if code.isEmpty || !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) || code.count > 40 {
            errors["code"] = "error.meeting.code"
        } else if try await MeetingModel.query(on: db).filter(\.$code == code).first() != nil {
            errors["code"] = "error.meeting.code-taken"
        }
        if new.title.trimmingCharacters(in: .whitespaces).isEmpty { errors["title"] = "error.meeting.title" }
        if !isISODate(new.startDate) { errors["startDate"] = "error.meeting.date" }
        if !isISODate(new.endDate) || new.endDate < new.startDate { errors["endDate"] = "error.meeting.end-date" }
        if (new.place ?? "").isEmpty && (new.onlineLink ?? "").isEmpty { errors["place"] = "error.meeting.place-or-link" }
        if let link = new.onlineLink, !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) {
            errors["onlineLink"] = "error.meeting.link"
        }
        if let capacity = new.capacity, capacity < 1 { errors["capacity"] = "error.meeting.capacity" }
        if try await ConventionModel.query(on: db).filter(\.$code == new.convention).first() == nil {
            errors["convention"] = "error.convention-unknown"
        }
        guard errors.isEmpty else { throw errors }
        let meeting = MeetingModel()
        meeting.code = code
        meeting.conventionCode = new.convention
        meeting.kind = new.kind
        meeting.title = new.title.trimmingCharacters(in: .whitespaces)
        meeting.startDate = new.startDate
        meeting.endDate = new.endDate
        meeting.place = new.place?.nilIfEmpty
        meeting.onlineLink = new.onlineLink?.nilIfEmpty
        meeting.capacity = new.capacity
        meeting.registrationOpen = new.registrationOpen
        meeting.description = new.description
        try await meeting.create(on: db)
        return meeting
    }

    public static func addAgendaItem(to meeting: MeetingModel, number: String, title: String, on db: any Database) async throws {
        let count = try await AgendaItemModel.query(on: db).filter(\.$meeting.$id == meeting.requireID()).count()
        let item = AgendaItemModel()
        item.$meeting.id = try meeting.requireID()
        item.number = number
        item.title = title
        item.position = count
        try await item.create(on: db)
    }

    @discardableResult
    public static func addDocument(to meeting: MeetingModel, symbol: String?, title: String, languages: [String], link: String?,
                                   on db: any Database) async throws -> MeetingDocumentModel {
        let document = MeetingDocumentModel()
        document.$meeting.id = try meeting.requireID()
        document.symbol = symbol?.nilIfEmpty
        document.title = title
        document.languages = languages.joined(separator: ",")
        document.link = link?.nilIfEmpty
        try await document.create(on: db)
        return document
    }

    /// Transmits a document (a workshop's report) to other meetings, where it then appears.
    public static func transmit(_ document: MeetingDocumentModel, to codes: [String], on db: any Database) async throws {
        let meetings = try await MeetingModel.query(on: db).filter(\.$code ~~ codes.map { $0.uppercased() }).all()
        guard meetings.count == Set(codes.map { $0.uppercased() }).count else {
            throw Refusal("error.meeting.unknown")
        }
        try await db.transaction { db in
            for meeting in meetings where !(try await document.$transmittedTo.isAttached(to: meeting, on: db)) {
                try await document.$transmittedTo.attach(meeting, on: db)
            }
        }
    }

    public struct Person: Sendable {
        public var name: String
        public var email: String
        public var category: ParticipantCategory
        public var party: String?
        public var organization: String?
        public init(name: String, email: String, category: ParticipantCategory, party: String? = nil, organization: String? = nil) {
            self.name = name; self.email = email; self.category = category; self.party = party; self.organization = organization
        }
    }

    /// The secretariat invites someone; the invitation is sent as a notification.
    public static func invite(_ person: Person, to meeting: MeetingModel, on db: any Database) async throws {
        try await db.transaction { db in
            let participant = try await add(person, to: meeting, status: "invited", on: db)
            try await NotificationDelivery.enqueue(
                kind: "invitation", to: participant.email, subject: "Invitation: \(meeting.title)",
                body: """
                Dear \(participant.name),

                You are invited to \(meeting.title) (\(meeting.code)), \(meeting.startDate) to \(meeting.endDate), \
                \(meeting.place ?? meeting.onlineLink ?? "").
                Please register on Synergia: /meetings/\(meeting.code)
                """, on: db)
        }
    }

    /// Someone registers; refused when registration is closed, the meeting is full, or they are registered already.
    public static func register(_ person: Person, for meeting: MeetingModel, on db: any Database) async throws {
        guard meeting.registrationOpen else { throw Refusal("error.meeting.closed") }
        let registered = try await ParticipantModel.query(on: db).filter(\.$meeting.$id == meeting.requireID())
            .filter(\.$status == "registered").count()
        if let capacity = meeting.capacity, registered >= capacity { throw Refusal("error.meeting.full") }
        let email = AccountService.normalized(email: person.email)
        if let existing = try await ParticipantModel.query(on: db).filter(\.$meeting.$id == meeting.requireID())
            .filter(\.$email == email).first() {
            guard existing.status == "invited" else { throw Refusal("error.meeting.already-registered") }
            existing.status = "registered"
            try await existing.update(on: db)
            return
        }
        _ = try await add(person, to: meeting, status: "registered", on: db)
    }

    static func add(_ person: Person, to meeting: MeetingModel, status: String, on db: any Database) async throws -> ParticipantModel {
        var errors = FieldErrors()
        let email = AccountService.normalized(email: person.email)
        if person.name.trimmingCharacters(in: .whitespaces).isEmpty { errors["name"] = "error.meeting.name" }
        if !AccountService.looksLikeEmail(email) { errors["email"] = "error.email-invalid" }
        let party = person.party?.uppercased().nilIfEmpty
        if person.category == .partyDelegate, party == nil { errors["party"] = "error.party-required" }
        if let party, try await PartyModel.query(on: db).filter(\.$alpha2 == party).first() == nil { errors["party"] = "error.party-unknown" }
        if person.category != .partyDelegate, (person.organization ?? "").isEmpty { errors["organization"] = "error.meeting.organization" }
        if try await ParticipantModel.query(on: db).filter(\.$meeting.$id == meeting.requireID()).filter(\.$email == email).first() != nil {
            errors["email"] = "error.meeting.already-registered"
        }
        guard errors.isEmpty else { throw errors }
        let participant = ParticipantModel()
        participant.$meeting.id = try meeting.requireID()
        participant.name = person.name.trimmingCharacters(in: .whitespaces)
        participant.email = email
        participant.category = person.category
        participant.partyCode = party
        participant.organization = person.organization?.nilIfEmpty
        participant.status = status
        try await participant.create(on: db)
        return participant
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1900...2200).contains(year) && (1...12).contains(month) && day >= 1 && day <= MeetingCalendar.lastDay(year: year, month: month)
    }
}
