import CPluralRules
import Foundation

/// How a language writes numbers and which plural form a number takes, both from ICU through
/// Foundation (never by hand): `1 234,5` in French and Russian, Arabic's six plural forms,
/// Russian's one/few/many.
public struct LanguageFormats: @unchecked Sendable {
    // `@unchecked`: `rules` is ICU's PluralRules, opened once and only read after (ICU's const
    // methods are safe to call from many threads at once).
    public let language: Language
    public let locale: Locale
    private let rules: OpaquePointer?
    private let languageNames: [Language: String]

    /// The formats of every language, made once.
    public static let all: [Language: LanguageFormats] = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, LanguageFormats($0)) })

    public static subscript(_ language: Language) -> LanguageFormats { all[language]! }

    private init(_ language: Language) {
        self.language = language
        locale = Locale(identifier: language.code)
        rules = synergia_plural_rules_open(language.code)
        let locale = locale
        languageNames = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, locale.localizedString(forLanguageCode: $0.code) ?? $0.nativeName) })
    }

    /// The name of `other` in this language, as ICU's CLDR data gives it: "French", "français", "французский", "法语".
    public func languageName(_ other: Language) -> String { languageNames[other] ?? other.nativeName }

    /// The CLDR plural category of `number` in this language: `zero`, `one`, `two`, `few`, `many`
    /// or `other` (`other` if ICU could not say).
    public func category(of number: Double) -> String {
        guard let rules else { return "other" }
        var keyword = [CChar](repeating: 0, count: 16)
        let length = synergia_plural_rules_select(rules, number, &keyword, 16)
        guard length > 0 else { return "other" }
        return String(decoding: keyword[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A number as this language writes it: `1,234` in English, `1 234` in French, `1.234` in Spanish.
    public func number(_ value: Int) -> String { value.formatted(.number.locale(locale)) }

    /// A number with a fraction as this language writes it (`12,5` in French), to 15 significant
    /// digits (a measured value is never rounded to ICU's default three decimals).
    public func number(_ value: Double) -> String {
        // -0 (a rounded -0.0004) is written 0.
        (value == 0 ? 0 : value).formatted(.number.precision(.significantDigits(1...15)).locale(locale))
    }

    /// A number given as text (`"1234"`, `"12.5"`) as this language writes it; nil if it is not one.
    public func number(written text: String) -> String? {
        if let value = Int(text) { return number(value) }
        if let value = Double(text), value.isFinite { return number(value) }
        return nil
    }

    /// A share (0.425) as a percentage as this language writes it: `42.5%`, `42,5 %`.
    public func percent(_ share: Double) -> String { share.formatted(.percent.locale(locale)) }
}
