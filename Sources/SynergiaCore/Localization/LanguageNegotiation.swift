/// Chooses the language of a request: an explicit choice (the switcher), then the
/// language cookie, then the browser's `Accept-Language`, then English.
public enum LanguageNegotiation {
    /// - Parameters:
    ///   - explicit: a `lang` query value, if the person just chose one.
    ///   - cookie: the value of the language cookie, if any.
    ///   - acceptLanguage: the raw `Accept-Language` header, if any.
    public static func choose(explicit: String? = nil, cookie: String? = nil, acceptLanguage: String? = nil) -> Language {
        if let explicit, let language = Language(code: explicit) { return language }
        if let cookie, let language = Language(code: cookie) { return language }
        if let acceptLanguage, let language = best(acceptLanguage: acceptLanguage) { return language }
        return .english
    }

    /// The supported language with the highest quality in an `Accept-Language` header
    /// (RFC 9110 §12.5.4); earlier entries win ties; `q=0` excludes a language.
    public static func best(acceptLanguage header: String) -> Language? {
        var best: (language: Language, quality: Double, position: Int)?
        for (position, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let language = Language(code: tag) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            guard quality > 0 else { continue }
            if best == nil || quality > best!.quality { best = (language, quality, position) }
        }
        return best?.language
    }
}
