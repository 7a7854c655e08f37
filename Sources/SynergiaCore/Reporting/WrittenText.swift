import Foundation

/// What a person wrote as an answer: the text, the language it was written in, and its
/// translations into the other UN languages. Encodes inside an answer's JSON as
/// `"value": "…"` with `"language": "fr"` and `"translations": {"en": "…"}` beside it when
/// known, so an answer written before languages were recorded reads and hashes as it did.
///
/// A value sent without `language` or without `translations` leaves them as they are
/// (``keeping(_:writtenIn:)``): an editor or an API client that changes only the text
/// does not drop the translations someone else wrote. `"translations": {}` removes them.
///
/// A translation kept while its original changed was made from an earlier text: it is
/// `outdated` (`"outdated": ["en"]` beside the translations) until someone changes it or says it
/// still matches, and readers are told so.
public struct WrittenText: Sendable, Equatable, Hashable, ExpressibleByStringLiteral {
    public var text: String
    /// The language of `text`; nil when not known (written before Synergia recorded it).
    public var language: Language?
    /// The text in other languages; nil: not said (as stored: none).
    public var translations: [Language: String]?
    /// The translations made from an earlier original; nil: not said (as stored: none).
    public var outdated: Set<Language>?

    public init(_ text: String, language: Language? = nil, translations: [Language: String]? = nil, outdated: Set<Language>? = nil) {
        self.text = text
        self.language = language
        self.translations = translations
        self.outdated = outdated
    }

    public init(stringLiteral text: String) { self.init(text) }

    /// The translations as stored: none empty, none in the original's own language, nil when none
    /// is left; outdated only among them, nil when none is.
    public var normalized: WrittenText {
        var copy = self
        let kept = (translations ?? [:]).filter { !$0.value.isEmpty && $0.key != language }
        copy.translations = kept.isEmpty ? nil : kept
        let outdated = (outdated ?? []).filter { kept[$0] != nil }
        copy.outdated = outdated.isEmpty ? nil : outdated
        return copy
    }

    /// This text as a save stores it over `previous` (the answer's text before, if any): the
    /// language and translations it does not say are kept from `previous`; a new text whose
    /// language nobody said is taken to be in `language`, the writer's. (An answer written before
    /// languages were recorded keeps none when edited: its editor's language need not be its own.)
    ///
    /// Which translations are outdated, unless this text says it: those it keeps unchanged from
    /// `previous` when the original changed, or that were outdated already (``outdated(over:)``).
    public func keeping(_ previous: WrittenText?, writtenIn language: Language?) -> WrittenText {
        var merged = self
        merged.language = self.language ?? (previous == nil ? language : previous?.language)
        merged.translations = self.translations ?? previous?.translations
        merged.outdated = self.outdated ?? merged.outdated(over: previous)
        return merged.normalized
    }

    /// The translations of this text made from an earlier original than its own, when it replaces
    /// `previous`: each one it keeps as it was, when the original changed or it was outdated
    /// already. A translation added or changed is taken to be made from this original. Texts that
    /// differ only in their line breaks (CRLF as a browser sends them, LF as an API client may) are the same.
    public func outdated(over previous: WrittenText?) -> Set<Language> {
        guard let previous else { return [] }
        func same(_ a: String?, _ b: String?) -> Bool {
            a?.replacingOccurrences(of: "\r\n", with: "\n") == b?.replacingOccurrences(of: "\r\n", with: "\n")
        }
        let originalChanged = !same(previous.text, text)
        return Set((translations ?? [:]).compactMap { language, translation in
            guard same(previous.translations?[language], translation) else { return nil }
            return originalChanged || previous.outdated?.contains(language) == true ? language : nil
        })
    }

    /// The text a reader in `reader`'s language is shown: theirs when it was written or
    /// translated into it, else the original.
    public func shown(to reader: Language) -> Shown {
        if language != reader, let translation = translations?[reader], !translation.isEmpty {
            return Shown(text: translation, language: reader, translated: true, original: language,
                         outdated: outdated?.contains(reader) == true)
        }
        return Shown(text: text, language: language, translated: false, original: nil)
    }

    /// The languages this text can be read in: the original's first, then the translations' in the UN's order.
    public var languages: [Language] {
        (language.map { [$0] } ?? []) + Language.unOrder.filter { $0 != language && !(translations?[$0] ?? "").isEmpty }
    }

    /// Every text: the original, then the translations in the UN's order.
    public var allTexts: [String] {
        [text] + Language.unOrder.compactMap { $0 == language ? nil : translations?[$0] }.filter { !$0.isEmpty }
    }

    public struct Shown: Sendable, Equatable {
        public var text: String
        /// nil: not known.
        public var language: Language?
        /// A translation, not the original.
        public var translated: Bool
        /// For a translation, the original's language (nil: not known).
        public var original: Language?
        /// A translation made from an earlier original.
        public var outdated: Bool

        public init(text: String, language: Language?, translated: Bool, original: Language?, outdated: Bool = false) {
            self.text = text
            self.language = language
            self.translated = translated
            self.original = original
            self.outdated = outdated
        }
    }
}

extension AnswerValue {
    /// This value as a save stores it over `previous`: a text keeps the language and the
    /// translations it does not say (``WrittenText/keeping(_:writtenIn:)``); any other value is itself.
    public func keepingLanguages(of previous: AnswerValue?, writtenIn language: Language?) -> AnswerValue {
        switch (self, previous) {
        case (.shortText(let text), .shortText(let before)?): .shortText(text.keeping(before, writtenIn: language))
        case (.shortText(let text), _): .shortText(text.keeping(nil, writtenIn: language))
        case (.longText(let text), .longText(let before)?): .longText(text.keeping(before, writtenIn: language))
        case (.longText(let text), _): .longText(text.keeping(nil, writtenIn: language))
        default: self
        }
    }

    /// This value with its translations into `languages` said to match the text (a text's; any other value is itself).
    public func confirming(_ languages: Set<Language>) -> AnswerValue {
        guard !languages.isEmpty else { return self }
        switch self {
        case .shortText(var text): text.outdated = text.outdated?.subtracting(languages); return .shortText(text.normalized)
        case .longText(var text): text.outdated = text.outdated?.subtracting(languages); return .longText(text.normalized)
        default: return self
        }
    }

    /// The text of a `shortText` or `longText` answer, with its language and translations.
    public var writtenText: WrittenText? {
        switch self {
        case .shortText(let text), .longText(let text): text
        default: nil
        }
    }
}
