import Foundation

/// The strings a person reads, in one language, loaded from `Resources/Localization/<code>.json`.
///
/// A key missing from a language's catalog falls back to English, and the lookup says so,
/// so a page can mark that text with `lang="en"`.
public struct Catalog: Sendable {
    public let language: Language
    private let strings: [String: String]
    private let fallback: [String: String]
    /// Each message with a placeholder, parsed once (``MessageFormat``).
    private let parsed: [String: [MessageFormat.Part]]
    private let parsedFallback: [String: [MessageFormat.Part]]

    public init(language: Language, strings: [String: String], fallback: [String: String]) {
        self.language = language
        self.strings = strings
        self.fallback = fallback
        parsed = strings.filter { $0.value.contains("{") }.mapValues(MessageFormat.parse)
        parsedFallback = fallback.filter { $0.value.contains("{") }.mapValues(MessageFormat.parse)
    }

    /// The text for `key` with `{name}` placeholders replaced, and the language it is in.
    public func lookup(_ key: String, _ arguments: [String: String] = [:]) -> LocalizedString {
        let (pieces, language) = self.pieces(key, arguments)
        return LocalizedString(text: pieces.map(\.text).joined(), language: language)
    }

    /// A message cut at its placeholders: its own words, and the arguments put in their places.
    public enum Piece: Sendable, Equatable {
        case words(String)
        case argument(String)

        public var text: String {
            switch self { case .words(let text), .argument(let text): text }
        }
    }

    /// The message for `key` as its words and its arguments in order, and the language it is in.
    /// Placeholders are read from the message alone, once: an argument that itself says `{time}`
    /// is put in as written, never replaced in turn.
    public func pieces(_ key: String, _ arguments: [String: String] = [:]) -> (pieces: [Piece], language: Language) {
        let (template, parts, language): (String, [MessageFormat.Part]?, Language) =
            if let text = strings[key] { (text, parsed[key], self.language) }
            else if let text = fallback[key] { (text, parsedFallback[key], .english) }
            else { (key, nil, .english) }
        guard !arguments.isEmpty, let parts else { return ([.words(template)], language) }
        var pieces: [Piece] = []
        var words = ""
        Self.render(parts, arguments, LanguageFormats[language], count: nil, into: &pieces, words: &words)
        if !words.isEmpty { pieces.append(.words(words)) }
        return (pieces, language)
    }

    /// Puts a parsed message's arguments in their places (see `MessageFormat`). A placeholder whose
    /// argument is missing, or a plural whose argument is not a number, is kept as written.
    private static func render(_ parts: [MessageFormat.Part], _ arguments: [String: String], _ formats: LanguageFormats,
                               count: String?, into pieces: inout [Piece], words: inout String) {
        func argument(_ text: String) {
            if !words.isEmpty { pieces.append(.words(words)); words = "" }
            pieces.append(.argument(text))
        }
        for part in parts {
            switch part {
            case .words(let text):
                words += text
            case .count:
                if let count { argument(count) } else { words += "#" }
            case .argument(let name):
                if let value = arguments[name] { argument(value) } else { words += "{\(name)}" }
            case .number(let name):
                if let value = arguments[name] { argument(formats.number(written: value) ?? value) } else { words += "{\(name), number}" }
            case .plural(let name, let branches):
                guard let value = arguments[name], let number = Double(value), let written = formats.number(written: value) else {
                    words += "{\(name), plural, …}"
                    continue
                }
                let category = formats.category(of: number)
                let branch = branches.first { $0.selector.hasPrefix("=") && Double($0.selector.dropFirst()) == number }
                    ?? branches.first { $0.selector == category }
                    ?? branches.first { $0.selector == "other" }
                if let branch { render(branch.parts, arguments, formats, count: written, into: &pieces, words: &words) }
            }
        }
    }

    /// The text for `key`, in this catalog's language or English.
    public subscript(_ key: String, _ arguments: [String: String] = [:]) -> String {
        lookup(key, arguments).text
    }

    /// Whether `key` has a text, in this catalog's language or English.
    public func contains(_ key: String) -> Bool { strings[key] != nil || fallback[key] != nil }

    /// All keys this catalog defines itself (without the English fallback).
    public var keys: Set<String> { Set(strings.keys) }
}

/// A piece of text together with the language it is actually in.
public struct LocalizedString: Sendable, Equatable {
    public let text: String
    public let language: Language
    public init(text: String, language: Language) {
        self.text = text
        self.language = language
    }
}

/// The catalogs of all languages, loaded once from the package's resources.
public struct Catalogs: Sendable {
    private let byLanguage: [Language: Catalog]

    /// Loads every catalog shipped in `Resources/Localization`. Languages without a file
    /// get an empty catalog that falls back to English.
    public static func load() throws -> Catalogs {
        let english = try strings(for: .english) ?? [:]
        var byLanguage: [Language: Catalog] = [:]
        for language in Language.allCases {
            let own = language == .english ? english : (try strings(for: language) ?? [:])
            byLanguage[language] = Catalog(language: language, strings: own, fallback: english)
        }
        return Catalogs(byLanguage: byLanguage)
    }

    public subscript(_ language: Language) -> Catalog { byLanguage[language]! }

    /// The shipped catalogs, loaded once: for what is written outside a request (e-mails). The
    /// catalog tests load the same files, so a broken one fails them long before it could fail here.
    public static let shipped: Catalogs = {
        do { return try load() } catch { preconditionFailure("the shipped catalogs do not load: \(error)") }
    }()

    static func strings(for language: Language) throws -> [String: String]? {
        guard let url = Bundle.module.url(forResource: language.code, withExtension: "json", subdirectory: "Resources/Localization") else {
            return nil
        }
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        } catch {
            throw ResourceError(file: "Localization/\(language.code).json", reason: "\(error)")
        }
    }
}
