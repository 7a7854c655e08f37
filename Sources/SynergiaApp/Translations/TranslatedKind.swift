import SynergiaCore

/// The records whose written fields can be translated, and those fields, in the order a form shows them.
enum TranslatedKind: String, Sendable, CaseIterable {
    case news
    case meeting
    case nationalIndicator = "national-indicator"

    var fields: [String] {
        switch self {
        case .news: ["title", "summary"]
        case .meeting: ["title", "description"]
        case .nationalIndicator: ["name", "definition"]
        }
    }

    /// The first segment of the record's pages (`/news/{id}`, `/meetings/{code}`, `/indicators/{code}`).
    var pathPrefix: String {
        switch self {
        case .news: "news"
        case .meeting: "meetings"
        case .nationalIndicator: "indicators"
        }
    }

    /// The field that names the record (the page's heading).
    var headingField: String { self == .nationalIndicator ? "name" : "title" }

    /// Whether `field` is a paragraph (a text area) rather than a line.
    func isLong(_ field: String) -> Bool { field != headingField }

    /// The catalog key of `field`'s label.
    func labelKey(_ field: String) -> String {
        switch (self, field) {
        case (_, "title"): "meetings.meeting-title"
        case (.news, _): "news.summary"
        case (.nationalIndicator, "name"): "indicators.name"
        case (.nationalIndicator, _): "indicators.definition"
        default: "translations.description"
        }
    }
}

/// A record's translations: field → language → text.
typealias FieldTranslations = [String: [Language: String]]

/// Translations as the JSON twins give them: field → language code → text.
typealias CodedTranslations = [String: [String: String]]

extension Dictionary where Key == String, Value == [Language: String] {
    var coded: CodedTranslations { mapValues { Dictionary<String, String>(uniqueKeysWithValues: $0.map { ($0.key.code, $0.value) }) } }
}

/// A field of a record as a reader is shown it: in their language when translated into it, else as written.
enum TranslatedField {
    static func shown(_ original: String, language code: String?, field: String, _ translations: CodedTranslations,
                      to reader: Language) -> WrittenText.Shown {
        let texts = (translations[field] ?? [:]).reduce(into: [Language: String]()) { result, pair in
            if let language = Language(rawValue: pair.key) { result[language] = pair.value }
        }
        return WrittenText(original, language: code.flatMap(Language.init(rawValue:)), translations: texts).shown(to: reader)
    }
}
