import SynergiaCore

/// The records whose written fields can be translated, and those fields, in the order a form shows them.
enum TranslatedKind: String, Sendable, CaseIterable {
    case news
    case meeting
    case nationalIndicator = "national-indicator"
    /// Subject `PARTY/CODE` (a Party's code and the target's: neither has a slash).
    case nationalTarget = "national-target"

    var fields: [String] {
        switch self {
        case .news: ["title", "summary"]
        case .meeting: ["title", "description"]
        case .nationalIndicator: ["name", "definition"]
        case .nationalTarget: ["title", "description", "progressSummary"]
        }
    }

    /// The record's translations page: `/news/{id}/languages`, `/meetings/{code}/languages`,
    /// `/indicators/{code}/languages`, `/parties/{party}/national-targets/{code}/languages`.
    func languagesPath(_ subject: String) -> String {
        switch self {
        case .news: "/news/\(SiteURL.segment(subject))/languages"
        case .meeting: "/meetings/\(SiteURL.segment(subject))/languages"
        case .nationalIndicator: "/indicators/\(SiteURL.segment(subject))/languages"
        case .nationalTarget:
            NationalTargetSubject(subject).map { "/parties/\(SiteURL.segment($0.party))/national-targets/\(SiteURL.segment($0.code))/languages" }
                ?? "/parties"
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
        case (.nationalTarget, "progressSummary"): "national-targets.progress-summary"
        default: "translations.description"
        }
    }
}

/// A national target as the subject of translations: `PARTY/CODE`.
struct NationalTargetSubject: Sendable, Equatable {
    var party: String
    var code: String

    init(party: String, code: String) {
        self.party = party
        self.code = code
    }

    /// nil unless `subject` is two non-empty parts around one slash.
    init?(_ subject: String) {
        let parts = subject.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(party: String(parts[0]), code: String(parts[1]))
    }

    var subject: String { "\(party)/\(code)" }
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
