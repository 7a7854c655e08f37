/// A versioned reporting format of one convention for one reporting cycle,
/// loaded from `Resources/Templates/<id>.json`.
public struct ReportTemplate: Codable, Sendable, Equatable {
    /// Stable id, e.g. `cbd-7nr`.
    public var id: String
    /// Bumped whenever questions change; packages and receipts name it.
    public var version: Int
    /// Convention code as in the reference data (CBD, RAMSAR, CITES, CMS).
    public var convention: String
    public var title: LocalizedText
    /// Label of the reporting cycle, e.g. "7th national report (2026)", in the six languages.
    public var cycle: LocalizedText
    public var sections: [TemplateSection]
    /// Parts shared by several formats (`TemplatePart`), whose sections follow the template's own
    /// when it is loaded, e.g. `kmgbf-binary`, the GBF's binary indicator questionnaire.
    public var parts: [String]?

    public init(id: String, version: Int, convention: String, title: LocalizedText, cycle: LocalizedText, sections: [TemplateSection],
                parts: [String]? = nil) {
        self.id = id
        self.version = version
        self.convention = convention
        self.title = title
        self.cycle = cycle
        self.sections = sections
        self.parts = parts
    }

    /// Every question in document order.
    public var questions: [TemplateQuestion] { sections.flatMap(\.questions) }

    /// The question with `id`, if the template has it.
    public func question(_ id: String) -> TemplateQuestion? { questions.first { $0.id == id } }

    /// The section holding question `id`.
    public func section(of questionID: String) -> TemplateSection? {
        sections.first { $0.questions.contains { $0.id == questionID } }
    }
}

/// A titled group of questions.
public struct TemplateSection: Codable, Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var questions: [TemplateQuestion]
    /// The template part the section comes from, if any (`TemplatePart`).
    public var part: String?
    /// A section written per national target (the CBD 7th report's progress): its questions on a
    /// global target are asked only where the Party has no published national target reporting on
    /// that target; where it has, those targets' own progress, entered once on each, answers for
    /// them (``ReportTemplate/answeredByNationalTargets(_:)``). Absent: an ordinary section.
    public var byNationalTarget: Bool?

    public init(id: String, title: LocalizedText, questions: [TemplateQuestion], part: String? = nil, byNationalTarget: Bool? = nil) {
        self.id = id
        self.title = title
        self.questions = questions
        self.part = part
        self.byNationalTarget = byNationalTarget
    }
}

/// One question. Optional keys are left out of the JSON when unused.
public struct TemplateQuestion: Codable, Sendable, Equatable {
    /// Globally unique, e.g. `cbd-7nr.s1.q1`.
    public var id: String
    public var type: QuestionType
    public var title: LocalizedText
    public var help: LocalizedText?
    public var required: Bool
    /// Options of a choice question.
    public var choices: [TemplateChoice]?
    /// Unit of a number question, e.g. `km2`.
    public var unit: String?
    /// Columns of a table question.
    public var columns: [TemplateColumn]?
    /// Id of the shared information element this question answers (see `SharedElement`);
    /// questions with the same element in different templates reuse one answer.
    public var element: String?
    /// The framework target the question reports on.
    public var target: TargetReference?
    /// Code of the registry indicator an `indicatorSeries` question reports. Its answer is the
    /// Party's data for that indicator (the total, not disaggregated), stored once and shared
    /// with imports, dashboards and every other report that asks for the same indicator.
    public var indicator: String?
    /// The most characters a text answer may have, when the format sets a limit (counted as a
    /// browser counts a field's `maxlength`: UTF-16 code units). None of the formats shipped sets one.
    public var maxLength: Int?
    /// When set, the question is asked only while one of these conditions holds (an earlier answer
    /// has one of the listed values); otherwise its answer is neither required nor submitted.
    public var enabledWhen: [EnablingCondition]?
    /// Text that introduces this question and the ones after it ("Does your country monitor the
    /// following:"), shown before its title.
    public var lead: LocalizedText?

    public init(id: String, type: QuestionType, title: LocalizedText, help: LocalizedText? = nil, required: Bool = false,
                choices: [TemplateChoice]? = nil, unit: String? = nil, columns: [TemplateColumn]? = nil,
                element: String? = nil, target: TargetReference? = nil, indicator: String? = nil, maxLength: Int? = nil,
                enabledWhen: [EnablingCondition]? = nil, lead: LocalizedText? = nil) {
        self.id = id
        self.type = type
        self.title = title
        self.help = help
        self.required = required
        self.choices = choices
        self.unit = unit
        self.columns = columns
        self.element = element
        self.target = target
        self.indicator = indicator
        self.maxLength = maxLength
        self.enabledWhen = enabledWhen
        self.lead = lead
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        type = try c.decode(QuestionType.self, forKey: .type)
        title = try c.decode(LocalizedText.self, forKey: .title)
        help = try c.decodeIfPresent(LocalizedText.self, forKey: .help)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        choices = try c.decodeIfPresent([TemplateChoice].self, forKey: .choices)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        columns = try c.decodeIfPresent([TemplateColumn].self, forKey: .columns)
        element = try c.decodeIfPresent(String.self, forKey: .element)
        target = try c.decodeIfPresent(TargetReference.self, forKey: .target)
        indicator = try c.decodeIfPresent(String.self, forKey: .indicator)
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        enabledWhen = try c.decodeIfPresent([EnablingCondition].self, forKey: .enabledWhen)
        lead = try c.decodeIfPresent(LocalizedText.self, forKey: .lead)
        if let maxLength, maxLength < 1 || !(type == .shortText || type == .longText) {
            throw DecodingError.dataCorruptedError(forKey: .maxLength, in: c, debugDescription: "\(id): maxLength is a positive limit of a text question")
        }
    }
}
