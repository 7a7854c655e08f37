import Fluent
import SQLKit
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
        /// Who creates it, for the audit log.
        public var createdBy: String
        /// The language the title and description are written in (nil: not said).
        public var language: Language?
        public init(code: String, convention: String, kind: MeetingKind, title: String, startDate: String, endDate: String,
                    place: String? = nil, onlineLink: String? = nil, capacity: Int? = nil, registrationOpen: Bool = true,
                    description: String = "", createdBy: String = "system", language: Language? = nil) {
            self.code = code; self.convention = convention; self.kind = kind; self.title = title
            self.startDate = startDate; self.endDate = endDate; self.place = place; self.onlineLink = onlineLink
            self.capacity = capacity; self.registrationOpen = registrationOpen; self.description = description
            self.createdBy = createdBy; self.language = language
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
        if !ISODate.isValid(new.startDate) { errors["startDate"] = "error.meeting.date" }
        if !ISODate.isValid(new.endDate) || new.endDate < new.startDate { errors["endDate"] = "error.meeting.end-date" }
        if (new.place ?? "").isEmpty && (new.onlineLink ?? "").isEmpty { errors["place"] = "error.meeting.place-or-link" }
        if let link = new.onlineLink, !link.isEmpty, !SafeLink.isWebURL(link) {
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
        meeting.title = String(new.title.trimmingCharacters(in: .whitespaces).prefix(500))
        meeting.startDate = new.startDate
        meeting.language = new.language?.code
        meeting.endDate = new.endDate
        meeting.place = new.place?.nilIfEmpty
        meeting.onlineLink = new.onlineLink?.nilIfEmpty
        meeting.capacity = new.capacity
        meeting.registrationOpen = new.registrationOpen
        meeting.description = String(new.description.prefix(20_000))
        do {
            try await db.write { tx in
                try await meeting.createInWrite(on: tx.db)
                try await reindex(meeting, in: tx)
                try await AuditLog.record(tx, actor: new.createdBy, action: "meeting.created", subject: .other("meeting/\(code)"))
            }
        } catch where DatabaseFailure.isUniqueViolation(error) {
            throw FieldErrors(["code": "error.meeting.code-taken"])
        }
        return meeting
    }

    public static func addAgendaItem(to meeting: MeetingModel, number: String, title: String, on db: any Database) async throws {
        let meetingID = try meeting.requireID()
        try await db.write { tx in
            // Locking the meeting numbers simultaneous items one after the other.
            try await tx.lock(MeetingModel.schema, where: "id", equals: meetingID)
            let count = try await AgendaItemModel.query(on: tx.db).filter(\.$meeting.$id == meetingID).count()
            let item = AgendaItemModel()
            item.$meeting.id = meetingID
            item.number = String(number.prefix(40))
            item.title = String(title.prefix(1_000))
            item.position = count
            try await item.create(on: tx.db)
            try await reindex(meeting, in: tx)
            try await AuditLog.record(tx, actor: "secretariat", action: "agenda-item.added", subject: .other("meeting/\(meeting.code)"),
                                      after: "\(item.number) \(item.title)")
        }
    }

    @discardableResult
    public static func addDocument(to meeting: MeetingModel, symbol: String?, title: String, languages: [String], link: String?,
                                   on db: any Database) async throws -> MeetingDocumentModel {
        if let link = link?.nilIfEmpty, !SafeLink.isWebURL(link) { throw Refusal("error.meeting.link") }
        let meetingID = try meeting.requireID()
        return try await db.write { tx in
            // Locked, so that two documents added at once are both in the meeting's search entry.
            try await tx.lock(MeetingModel.schema, where: "id", equals: meetingID)
            let document = MeetingDocumentModel()
            document.$meeting.id = meetingID
            document.symbol = symbol?.nilIfEmpty.map { String($0.prefix(100)) }
            document.title = String(title.prefix(1_000))
            document.languages = languages.joined(separator: ",")
            document.link = link?.nilIfEmpty
            try await document.create(on: tx.db)
            try await reindex(meeting, in: tx)
            try await AuditLog.record(tx, actor: "secretariat", action: "meeting-document.added", subject: .other("meeting/\(meeting.code)"),
                                      after: document.symbol ?? document.title)
            return document
        }
    }

    /// Transmits a document (a workshop's report) to other meetings of the same convention,
    /// where it then appears. A secretariat acts within its own convention only.
    public static func transmit(_ document: MeetingDocumentModel, to codes: [String], by actor: Actor, on db: any Database) async throws {
        let wanted = Set(codes.map { $0.uppercased() })
        let meetings = try await MeetingModel.query(on: db).filter(\.$code ~~ Array(wanted)).all()
        guard meetings.count == wanted.count else { throw Refusal("error.meeting.unknown") }
        for meeting in meetings { try Authorize.require(actor, .manageMeetings(convention: meeting.conventionCode)) }
        let documentID = try document.requireID()
        try await db.write { tx in
            for meeting in meetings {
                try await tx.sql.insert(into: DocumentTransmissionModel.schema).columns("id", "document_id", "meeting_id")
                    .values(SQLBind(UUID()), SQLBind(documentID), SQLBind(try meeting.requireID()))
                    .ignoringConflicts(with: ["document_id", "meeting_id"]).run()
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
    public static func invite(_ person: Person, to meeting: MeetingModel, publicURL: URL, by inviter: String = "secretariat",
                              on db: any Database) async throws {
        let meetingID = try meeting.requireID()
        try await db.write { tx in
            try await tx.lock(MeetingModel.schema, where: "id", equals: meetingID)
            let participant = try await add(person, to: meeting, status: .invited, on: tx.db)
            // In the invitee's language (their account's, else the meeting's), the title translated into it when it is.
            let written = meeting.language.flatMap(Language.init(rawValue:))
            let language = try await MailText.language(of: participant.email, otherwise: written ?? .english, on: tx.db)
            let translations = try await ContentTranslationStore.load(.meeting, subjects: [meeting.code], on: tx.db)[meeting.code]?.coded ?? [:]
            let title = TranslatedField.shown(meeting.title, language: meeting.language, field: "title", translations, to: language).text
            let mail = MailText("invitation", [
                "name": participant.name, "meeting": title, "code": meeting.code, "start": meeting.startDate, "end": meeting.endDate,
                "place": meeting.place ?? meeting.onlineLink ?? "",
                "link": publicURL.appendingPathComponent("meetings").appendingPathComponent(meeting.code).absoluteString,
            ], in: language)
            try await NotificationDelivery.enqueue(kind: .invitation, to: participant.email, subject: mail.subject, body: mail.body,
                                                   causedBy: inviter, on: tx.db)
        }
    }

    /// Someone registers; refused when registration is closed, the meeting is full, or they are
    /// registered already. One transaction that locks the meeting, so a rush of registrations
    /// never goes past the capacity.
    public static func register(_ person: Person, for meeting: MeetingModel, on db: any Database) async throws {
        let meetingID = try meeting.requireID()
        try await db.write { tx in
            try await tx.lock(MeetingModel.schema, where: "id", equals: meetingID)
            guard let current = try await MeetingModel.find(meetingID, on: tx.db) else { throw Abort(.notFound) }
            guard current.registrationOpen else { throw Refusal("error.meeting.closed") }
            let registered = try await ParticipantModel.query(on: tx.db).filter(\.$meeting.$id == meetingID)
                .filter(\.$status == .registered).count()
            if let capacity = current.capacity, registered >= capacity { throw Refusal("error.meeting.full") }
            let email = AccountService.normalized(email: person.email)
            if let existing = try await ParticipantModel.query(on: tx.db).filter(\.$meeting.$id == meetingID)
                .filter(\.$email == email).first() {
                guard existing.status == .invited else { throw Refusal("error.meeting.already-registered") }
                existing.status = .registered
                try await existing.update(on: tx.db)
                return
            }
            _ = try await add(person, to: current, status: .registered, on: tx.db)
        }
    }

    static func add(_ person: Person, to meeting: MeetingModel, status: ParticipantStatus, on db: any Database) async throws -> ParticipantModel {
        var errors = FieldErrors()
        let email = AccountService.normalized(email: person.email)
        if person.name.trimmingCharacters(in: .whitespaces).isEmpty { errors["name"] = "error.meeting.name" }
        if !EmailAddress.isValid(email) { errors["email"] = "error.email-invalid" }
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
        participant.name = String(person.name.trimmingCharacters(in: .whitespaces).prefix(200))
        participant.email = email
        participant.category = person.category
        participant.partyCode = party
        participant.organization = person.organization?.nilIfEmpty.map { String($0.prefix(300)) }
        participant.status = status
        try await participant.create(on: db)
        return participant
    }

    /// The meeting's search entry, with its agenda and documents as the transaction sees them (the
    /// caller holds the meeting's lock, or created it).
    static func reindex(_ meeting: MeetingModel, in tx: WriteContext) async throws {
        try await SearchIndex.replace(SearchDocuments.meetingSource(meeting.code), with: try await searchDocuments(meeting, on: tx.db), on: tx.db)
    }

    /// The meeting's search documents: itself, its agenda and its documents, as `db` sees them.
    static func searchDocuments(_ meeting: MeetingModel, on db: any Database) async throws -> [SearchDocument] {
        let meetingID = try meeting.requireID()
        let agenda = try await AgendaItemModel.query(on: db).filter(\.$meeting.$id == meetingID).all()
        let documents = try await MeetingDocumentModel.query(on: db).filter(\.$meeting.$id == meetingID).all()
        let translations = try await ContentTranslationStore.load(.meeting, subjects: [meeting.code], on: db)[meeting.code] ?? [:]
        return SearchDocuments.meeting(meeting, agenda: agenda, documents: documents, translations: translations)
    }

}
