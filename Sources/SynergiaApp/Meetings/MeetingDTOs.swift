import SynergiaCore
import Vapor

/// A meeting in lists and feeds.
public struct MeetingSummaryDTO: Content, Equatable {
    public var code: String
    public var convention: String
    public var kind: MeetingKind
    public var title: String
    public var startDate: String
    public var endDate: String
    public var place: String?
    public var onlineLink: String?
    public var registrationOpen: Bool
    public var capacity: Int?
    /// The language the title was written in (nil: not recorded).
    public var language: String?
    /// The title in other languages: language code → text.
    public var titleTranslations: [String: String]

    init(_ row: MeetingModel, translations: FieldTranslations = [:]) {
        code = row.code; convention = row.conventionCode; kind = row.kind; title = row.title
        startDate = row.startDate; endDate = row.endDate; place = row.place; onlineLink = row.onlineLink
        registrationOpen = row.registrationOpen; capacity = row.capacity
        language = row.language
        titleTranslations = translations.coded["title"] ?? [:]
    }

    /// The title in `reader`'s language when translated into it, else as written.
    func shownTitle(to reader: Language) -> WrittenText.Shown {
        TranslatedField.shown(title, language: language, field: "title", ["title": titleTranslations], to: reader)
    }
}

/// A meeting with its agenda, documents (its own and those transmitted to it) and participation.
public struct MeetingDetailDTO: Content {
    public var meeting: MeetingSummaryDTO
    public var description: String
    /// The language the title and description were written in (nil: not recorded).
    public var language: String?
    /// The title and description in other languages: field → language code → text.
    public var translations: [String: [String: String]]
    public var agenda: [AgendaItemDTO]
    public var documents: [DocumentDTO]
    /// Registered participants per category (names are shown to the secretariat only).
    public var participantCounts: [String: Int]
    public var invitedCount: Int
    public var registeredCount: Int

    public struct AgendaItemDTO: Content, Equatable { public var number: String; public var title: String }

    public struct DocumentDTO: Content, Equatable {
        public var id: UUID
        public var symbol: String?
        public var title: String
        public var languages: [String]
        public var link: String?
        /// The meeting the document belongs to, when it was transmitted here from another one.
        public var transmittedFrom: String?
        /// The meetings it was transmitted to.
        public var transmittedTo: [String]
    }
}

/// A participant, as the secretariat sees the list.
public struct ParticipantDTO: Content, Equatable {
    public var name: String
    public var email: String
    public var category: ParticipantCategory
    public var party: String?
    public var organization: String?
    public var status: ParticipantStatus
}
