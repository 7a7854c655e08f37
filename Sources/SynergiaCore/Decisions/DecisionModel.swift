import Foundation

/// The structured reading of one decision text (a CBD COP decision or a decision of
/// another biodiversity-related convention), as produced by `DecisionParser.parse(_:)`.
///
/// Optional values are encoded as JSON `null` so that every document has the same keys;
/// see docs/decision-json.md.
public struct ParsedDecision: Codable, Sendable, Equatable {
    /// Decision number as written in the title or document symbol: "XII/6", "14/30".
    public var symbol: String?
    /// Title of the decision, without its number.
    public var title: String?
    /// "zh", "en", "fr", "es", "ru" or "ar", detected from the script and a small lexicon.
    public var language: String
    /// The meeting that adopted the decision, read from the header lines.
    public var meeting: DecisionMeeting?
    /// Agenda item as written ("29").
    public var agendaItem: String?
    /// Lettered sections ("A", "B"...) with their titles, in order.
    public var sections: [DecisionSection]
    /// Preambular and operative paragraphs in document order.
    public var paragraphs: [DecisionParagraph]
    /// Footnotes, their text removed from the paragraphs that cite them.
    public var footnotes: [DecisionFootnote]
    /// Lines the parser could not place and other anomalies, in a short readable form.
    public var warnings: [String]

    public init(
        symbol: String? = nil, title: String? = nil, language: String = "en",
        meeting: DecisionMeeting? = nil, agendaItem: String? = nil,
        sections: [DecisionSection] = [], paragraphs: [DecisionParagraph] = [],
        footnotes: [DecisionFootnote] = [], warnings: [String] = []
    ) {
        self.symbol = symbol
        self.title = title
        self.language = language
        self.meeting = meeting
        self.agendaItem = agendaItem
        self.sections = sections
        self.paragraphs = paragraphs
        self.footnotes = footnotes
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case symbol, title, language, meeting, agendaItem, sections, paragraphs, footnotes, warnings
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(title, forKey: .title)
        try c.encode(language, forKey: .language)
        try c.encode(meeting, forKey: .meeting)
        try c.encode(agendaItem, forKey: .agendaItem)
        try c.encode(sections, forKey: .sections)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(footnotes, forKey: .footnotes)
        try c.encode(warnings, forKey: .warnings)
    }
}

/// The meeting a decision comes from: normalized body id plus the wording of the header.
public struct DecisionMeeting: Codable, Sendable, Equatable {
    /// Normalized body id: "COP", "CP-MOP", "NP-MOP", "SBSTTA", "SBI".
    public var body: String
    /// The body's name as written in the header ("生物多样性公约缔约方大会").
    public var bodyName: String?
    /// Session (meeting) number: 12 for "第十二届会议" / "Twelfth meeting".
    public var session: Int?
    /// Place as written ("大韩民国平昌", "Pyeongchang, Republic of Korea").
    public var place: String?
    /// Dates as written ("2014年10月6日至17日", "6-17 October 2014").
    public var dates: String?
    /// First day, ISO yyyy-mm-dd, when the dates could be read.
    public var startDate: String?
    /// Last day, ISO yyyy-mm-dd, when the dates could be read.
    public var endDate: String?

    public init(body: String, bodyName: String? = nil, session: Int? = nil, place: String? = nil,
                dates: String? = nil, startDate: String? = nil, endDate: String? = nil) {
        self.body = body
        self.bodyName = bodyName
        self.session = session
        self.place = place
        self.dates = dates
        self.startDate = startDate
        self.endDate = endDate
    }

    enum CodingKeys: String, CodingKey { case body, bodyName, session, place, dates, startDate, endDate }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(body, forKey: .body)
        try c.encode(bodyName, forKey: .bodyName)
        try c.encode(session, forKey: .session)
        try c.encode(place, forKey: .place)
        try c.encode(dates, forKey: .dates)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
    }
}

/// A lettered part of a decision ("A. Cooperation with other conventions").
public struct DecisionSection: Codable, Sendable, Equatable {
    /// Latin capital letter, also for Cyrillic ("Б") and Arabic ("باء") labels.
    public var label: String
    public var title: String

    public init(label: String, title: String) {
        self.label = label
        self.title = title
    }
}

/// One preambular or operative paragraph of a decision and what it asks of whom.
///
/// `text` holds the paragraph without its number and without its sub-paragraphs; the
/// analysis fields (`actions`, `subjectToResources`, `deadlines`, `references`) describe that
/// text only, except that `references` also holds the references found in the footnotes the
/// paragraph cites.
public struct DecisionParagraph: Codable, Sendable, Equatable {
    /// Preambular ("Recalling...") or operative (numbered) paragraph.
    public enum Kind: String, Codable, Sendable {
        case preambular
        case operative
    }

    public var kind: Kind
    /// Label of the section the paragraph belongs to, nil before the first section.
    public var section: String?
    /// Paragraph number as written, operative paragraphs only.
    public var number: String?
    public var text: String
    public var subparagraphs: [DecisionSubparagraph]
    public var actions: [DecisionAction]
    public var subjectToResources: Bool
    public var deadlines: [String]
    public var references: [String]
    /// Markers of the footnotes cited in the paragraph or its sub-paragraphs.
    public var footnotes: [String]

    public init(kind: Kind, section: String? = nil, number: String? = nil, text: String = "",
                subparagraphs: [DecisionSubparagraph] = [], actions: [DecisionAction] = [],
                subjectToResources: Bool = false, deadlines: [String] = [], references: [String] = [],
                footnotes: [String] = []) {
        self.kind = kind
        self.section = section
        self.number = number
        self.text = text
        self.subparagraphs = subparagraphs
        self.actions = actions
        self.subjectToResources = subjectToResources
        self.deadlines = deadlines
        self.references = references
        self.footnotes = footnotes
    }

    enum CodingKeys: String, CodingKey {
        case kind, section, number, text, subparagraphs, actions, subjectToResources, deadlines, references, footnotes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(section, forKey: .section)
        try c.encode(number, forKey: .number)
        try c.encode(text, forKey: .text)
        try c.encode(subparagraphs, forKey: .subparagraphs)
        try c.encode(actions, forKey: .actions)
        try c.encode(subjectToResources, forKey: .subjectToResources)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(references, forKey: .references)
        try c.encode(footnotes, forKey: .footnotes)
    }
}

/// A lettered or numbered sub-paragraph. Nested items are flattened: "(i)" under "(a)"
/// becomes a sub-paragraph labelled "a.i" that follows "a" in the same list.
public struct DecisionSubparagraph: Codable, Sendable, Equatable {
    /// "a", "b"..., "i", "ii"... at top level; "a.i", "a.ii" when nested.
    public var label: String
    public var text: String
    public var actions: [DecisionAction]
    public var subjectToResources: Bool
    public var deadlines: [String]
    public var references: [String]

    public init(label: String, text: String = "", actions: [DecisionAction] = [],
                subjectToResources: Bool = false, deadlines: [String] = [], references: [String] = []) {
        self.label = label
        self.text = text
        self.actions = actions
        self.subjectToResources = subjectToResources
        self.deadlines = deadlines
        self.references = references
    }
}

/// What a paragraph does ("requests") and of whom ("executive-secretary").
public struct DecisionAction: Codable, Sendable, Equatable {
    /// Normalized English verb, third person, lower case, words joined by "-":
    /// "requests", "further-requests", "notes-with-appreciation", "calls-upon".
    public var verb: String
    /// Ids of the addressees for verbs that ask someone to act (requests, invites, urges,
    /// encourages, calls-upon, thanks); empty otherwise.
    public var addressees: [String]

    public init(verb: String, addressees: [String] = []) {
        self.verb = verb
        self.addressees = addressees
    }
}

/// A footnote of the decision: its marker and its text, joined across lines.
public struct DecisionFootnote: Codable, Sendable, Equatable {
    public var marker: String
    public var text: String

    public init(marker: String, text: String) {
        self.marker = marker
        self.text = text
    }
}
