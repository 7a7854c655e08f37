import Foundation

/// An answer to one question. Encodes as `{"type": "<QuestionType raw value>", "value": ...}`
/// with `value` a string, bool, number, array or object as the type needs, e.g.
/// `{"type":"number","value":12.5}`, `{"type":"link","value":{"url":"https://..."}}`.
///
/// A text (`shortText`, `longText`) says its language and translations beside its value when
/// known: `{"type":"longText","value":"…","language":"fr","translations":{"en":"…"}}` (``WrittenText``).
public enum AnswerValue: Sendable, Equatable, Hashable {
    case shortText(WrittenText)
    /// Markdown.
    case longText(WrittenText)
    case yesNo(Bool)
    /// A choice id.
    case singleChoice(String)
    /// Choice ids.
    case multipleChoice([String])
    /// In the question's unit.
    case number(Double)
    /// `YYYY-MM-DD`.
    case date(String)
    /// Each row maps column ids to cell values.
    case table([[String: AnswerValue]])
    case link(LinkTarget)
    case progressAssessment(ProgressRating)
    case indicatorSeries([SeriesPoint])

    /// The question type this value answers.
    public var type: QuestionType {
        switch self {
        case .shortText: .shortText
        case .longText: .longText
        case .yesNo: .yesNo
        case .singleChoice: .singleChoice
        case .multipleChoice: .multipleChoice
        case .number: .number
        case .date: .date
        case .table: .table
        case .link: .link
        case .progressAssessment: .progressAssessment
        case .indicatorSeries: .indicatorSeries
        }
    }
}

/// What a link answer points to.
public enum LinkTarget: Sendable, Equatable, Hashable, Codable {
    /// An http or https URL.
    case url(String)
    /// The id of a file attached to the report (stored by the app).
    case file(String)

    private enum CodingKeys: String, CodingKey { case url, file }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let url = try c.decodeIfPresent(String.self, forKey: .url) {
            self = .url(url)
        } else if let file = try c.decodeIfPresent(String.self, forKey: .file) {
            self = .file(file)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "link needs url or file"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .url(let url): try c.encode(url, forKey: .url)
        case .file(let file): try c.encode(file, forKey: .file)
        }
    }
}

/// One point of an indicator series.
public struct SeriesPoint: Codable, Sendable, Equatable, Hashable {
    /// A period label such as `2020` or `2016-2020`.
    public var period: String
    public var value: Double
    public var unit: String?
    public init(period: String, value: Double, unit: String? = nil) {
        self.period = period
        self.value = value
        self.unit = unit
    }
}

extension AnswerValue: Codable {
    private enum CodingKeys: String, CodingKey { case type, value, language, translations, outdated }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(QuestionType.self, forKey: .type)
        switch type {
        case .shortText: self = .shortText(try Self.written(c))
        case .longText: self = .longText(try Self.written(c))
        case .yesNo: self = .yesNo(try c.decode(Bool.self, forKey: .value))
        case .singleChoice: self = .singleChoice(try c.decode(String.self, forKey: .value))
        case .multipleChoice: self = .multipleChoice(try c.decode([String].self, forKey: .value))
        case .number: self = .number(try c.decode(Double.self, forKey: .value))
        case .date: self = .date(try c.decode(String.self, forKey: .value))
        case .table: self = .table(try c.decode([[String: AnswerValue]].self, forKey: .value))
        case .link: self = .link(try c.decode(LinkTarget.self, forKey: .value))
        case .progressAssessment: self = .progressAssessment(try c.decode(ProgressRating.self, forKey: .value))
        case .indicatorSeries: self = .indicatorSeries(try c.decode([SeriesPoint].self, forKey: .value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .shortText(let written), .longText(let written):
            try c.encode(written.text, forKey: .value)
            try c.encodeIfPresent(written.language, forKey: .language)
            if let translations = written.translations {
                try c.encode(Dictionary(uniqueKeysWithValues: translations.map { ($0.key.code, $0.value) }), forKey: .translations)
            }
            if let outdated = written.outdated {
                try c.encode(outdated.sorted(), forKey: .outdated)
            }
        case .singleChoice(let s), .date(let s): try c.encode(s, forKey: .value)
        case .yesNo(let b): try c.encode(b, forKey: .value)
        case .multipleChoice(let ids): try c.encode(ids, forKey: .value)
        case .number(let n): try c.encode(n, forKey: .value)
        case .table(let rows): try c.encode(rows, forKey: .value)
        case .link(let link): try c.encode(link, forKey: .value)
        case .progressAssessment(let rating): try c.encode(rating, forKey: .value)
        case .indicatorSeries(let points): try c.encode(points, forKey: .value)
        }
    }

    /// A text with its language and translations, each one of the six languages' codes.
    private static func written(_ c: KeyedDecodingContainer<CodingKeys>) throws -> WrittenText {
        let text = try c.decode(String.self, forKey: .value)
        let language = try c.decodeIfPresent(Language.self, forKey: .language)
        let outdated = try c.decodeIfPresent([Language].self, forKey: .outdated).map(Set.init)
        guard let codes = try c.decodeIfPresent([String: String].self, forKey: .translations) else {
            return WrittenText(text, language: language, outdated: outdated)
        }
        var translations: [Language: String] = [:]
        for (code, translation) in codes {
            guard let language = Language(rawValue: code) else {
                throw DecodingError.dataCorruptedError(forKey: .translations, in: c,
                                                       debugDescription: "\(code) is not one of ar, en, es, fr, ru, zh")
            }
            translations[language] = translation
        }
        return WrittenText(text, language: language, translations: translations, outdated: outdated)
    }
}
