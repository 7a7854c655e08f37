/// What a search result is; results are grouped and filtered by it.
public enum SearchKind: String, Codable, Sendable, CaseIterable {
    /// A paragraph of a decision or resolution, in one language.
    case decision
    /// Something a decision asks of someone.
    case action
    /// A goal or target of a framework.
    case target
    case indicator
    /// A Party's published report: one answer.
    case answer
    case news
    case meeting
    case party
    case convention
    /// An organization, initiative or Liaison Group entry of the cooperation registry.
    case cooperation

    /// Its name in the language catalogs.
    public var catalogKey: String { "search.kind-\(rawValue)" }
}

/// One entry of the public search index: a text a reader can find and the page that shows it.
/// Only published content becomes a document.
public struct SearchDocument: Codable, Sendable, Equatable {
    public var kind: SearchKind
    /// The page that shows it: a relative path, from ``SiteURL``.
    public var path: String
    public var title: String
    public var body: String
    /// Its language, one of the six.
    public var language: String
    /// The convention it belongs to, when it belongs to one.
    public var convention: String?
    public var year: Int?
    /// Shared by the versions of the same text in other languages (a decision paragraph:
    /// `decision:CBD:XII/6:8`), so a result can be shown beside its version in the reader's language.
    public var group: String?

    public init(kind: SearchKind, path: String, title: String, body: String, language: String, convention: String? = nil,
                year: Int? = nil, group: String? = nil) {
        self.kind = kind
        self.path = path
        self.title = title
        self.body = body
        self.language = language
        self.convention = convention
        self.year = year
        self.group = group
    }
}

/// The language of a text a user wrote without saying which (an answer of a report): read from its
/// script, and for Latin script from common words of English, French and Spanish.
public enum SearchLanguage {
    public static func detect(_ text: String) -> String {
        DecisionLanguage.detect(DecisionScalars.scalars(of: String(text.prefix(4000))))
    }
}
