/// A text given in several languages, as reference data carries names and titles:
/// `{"en": "Convention on Biological Diversity", "zh": "生物多样性公约"}`.
public struct LocalizedText: Codable, Sendable, Equatable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }
    public init(english: String) { self.values = ["en": english] }

    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    /// The text in `language` when the data has it, else in English, with the language
    /// it is actually in (so a page can mark it with `lang`).
    public func resolved(in language: Language) -> LocalizedString {
        if let text = values[language.code], !text.isEmpty { return LocalizedString(text: text, language: language) }
        if let text = values[Language.english.code] { return LocalizedString(text: text, language: .english) }
        if let (code, text) = values.sorted(by: { $0.key < $1.key }).first, let other = Language(code: code) {
            return LocalizedString(text: text, language: other)
        }
        return LocalizedString(text: "", language: .english)
    }

    /// The text in `language` when there is one, else in `original` (the language it was written
    /// in, when known), else as ``resolved(in:)`` falls back.
    public func resolved(in language: Language, else original: Language?) -> LocalizedString {
        if let text = values[language.code], !text.isEmpty { return LocalizedString(text: text, language: language) }
        if let original, let text = values[original.code], !text.isEmpty { return LocalizedString(text: text, language: original) }
        return resolved(in: language)
    }

    /// The English text (reference data always has one).
    public var english: String { values["en"] ?? "" }
}
