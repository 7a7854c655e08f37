/// One of the six official UN languages, the languages Synergia speaks.
public enum Language: String, CaseIterable, Codable, Sendable, Comparable {
    case arabic = "ar"
    case chinese = "zh"
    case english = "en"
    case french = "fr"
    case russian = "ru"
    case spanish = "es"

    /// The BCP 47 code used in `lang` attributes and catalog file names.
    public var code: String { rawValue }

    /// Arabic is written right to left; the others left to right.
    public var isRightToLeft: Bool { self == .arabic }

    /// The language's name in itself, as shown in the language switcher.
    public var nativeName: String {
        switch self {
        case .arabic: "العربية"
        case .chinese: "中文"
        case .english: "English"
        case .french: "Français"
        case .russian: "Русский"
        case .spanish: "Español"
        }
    }

    /// The UN's alphabetical order of its languages (by English name).
    public static let unOrder: [Language] = [.arabic, .chinese, .english, .french, .russian, .spanish]

    /// Reads a language from a code such as `zh`, `zh-CN`, `ZH_hans` or `en-GB`.
    public init?(code: String) {
        let primary = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard let language = Language(rawValue: primary) else { return nil }
        self = language
    }

    public static func < (lhs: Language, rhs: Language) -> Bool {
        unOrder.firstIndex(of: lhs)! < unOrder.firstIndex(of: rhs)!
    }
}
