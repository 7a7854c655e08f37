/// The kind of answer a template question asks for. The raw value is what template JSON spells.
public enum QuestionType: String, Codable, Sendable, CaseIterable {
    /// One line of plain text.
    case shortText
    /// Several paragraphs of Markdown.
    case longText
    /// Yes or no.
    case yesNo
    /// Exactly one of the question's `choices`.
    case singleChoice
    /// Any number of the question's `choices` (each at most once).
    case multipleChoice
    /// A finite number, in the question's `unit`.
    case number
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// Rows of typed cells, one per question `columns` entry.
    case table
    /// An http(s) URL or a reference to an attached file.
    case link
    /// A rating of progress towards the question's `target` on the `ProgressRating` scale.
    case progressAssessment
    /// A list of `{period, value, unit}` points.
    case indicatorSeries

    /// Whether a table column may have this type (only one-value types may).
    public var isCellType: Bool {
        switch self {
        case .shortText, .yesNo, .number, .date, .link: true
        default: false
        }
    }

    /// Whether the question must list `choices`.
    public var needsChoices: Bool { self == .singleChoice || self == .multipleChoice }
}

/// The progress scale used on a target (as in the CBD national report formats).
public enum ProgressRating: String, Codable, Sendable, CaseIterable {
    case onTrackToExceed, onTrack, insufficientRate, noSignificantChange, movingAway, unknown
}

/// One option of a single- or multiple-choice question.
public struct TemplateChoice: Codable, Sendable, Equatable, Hashable {
    public var id: String
    public var label: LocalizedText
    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

/// One column of a table question. Its `type` must be a cell type (`QuestionType.isCellType`).
public struct TemplateColumn: Codable, Sendable, Equatable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var type: QuestionType
    public init(id: String, title: LocalizedText, type: QuestionType) {
        self.id = id
        self.title = title
        self.type = type
    }
}

/// The target of a strategic framework a question reports on, e.g. KMGBF target "3".
/// `framework` is a framework code of the reference data (KMGBF, SP2011, RAMSAR-SP4, ...).
public struct TargetReference: Codable, Sendable, Equatable, Hashable {
    public var framework: String
    public var code: String
    public init(framework: String, code: String) {
        self.framework = framework
        self.code = code
    }
}
