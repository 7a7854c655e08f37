import SynergiaCore
import Testing

@Suite("Language negotiation and catalogs")
struct LanguageTests {
    @Test("Accept-Language picks the best supported language", arguments: [
        ("zh", Language.chinese),
        ("zh-CN,zh;q=0.9,en;q=0.8", .chinese),
        ("de-DE,fr;q=0.7,en;q=0.5", .french),
        ("en;q=0.2, ar", .arabic),
        ("ru;q=0, es;q=0.1", .spanish),
        ("de, it", .english),
        ("", .english),
    ])
    func acceptLanguage(header: String, expected: Language) {
        #expect(LanguageNegotiation.choose(acceptLanguage: header) == expected)
    }

    @Test("an explicit choice beats the cookie, which beats Accept-Language")
    func precedence() {
        #expect(LanguageNegotiation.choose(explicit: "ar", cookie: "fr", acceptLanguage: "zh") == .arabic)
        #expect(LanguageNegotiation.choose(explicit: nil, cookie: "fr", acceptLanguage: "zh") == .french)
        #expect(LanguageNegotiation.choose(explicit: "xx", cookie: "bogus", acceptLanguage: "zh") == .chinese)
    }

    @Test("Arabic alone is right to left")
    func direction() {
        #expect(Language.allCases.filter(\.isRightToLeft) == [.arabic])
    }

    @Test("every catalog is complete: each English key has a non-empty text with the same placeholders", arguments: Language.allCases)
    func complete(_ language: Language) throws {
        let catalogs = try Catalogs.load()
        let english = catalogs[.english].keys
        let own = catalogs[language].keys
        #expect(english.count > 500)
        #expect(english.subtracting(own).sorted() == [], "\(language.code) lacks these keys")
        #expect(own.subtracting(english).sorted() == [], "\(language.code) has keys English does not")
        for key in english.sorted() {
            let text = catalogs[language][key]
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language.code) \(key) is empty")
            #expect(Self.placeholders(text) == Self.placeholders(catalogs[.english][key]), "\(language.code) \(key): placeholders differ")
        }
    }

    static func placeholders(_ text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found.sorted()
    }

    @Test("the vocabulary the conventions use")
    func vocabulary() throws {
        let catalogs = try Catalogs.load()
        #expect(catalogs[.chinese]["nav.parties"] == "缔约方")
        #expect(catalogs[.chinese]["parties.count", ["count": "196"]] == "196 个缔约方")
        #expect(catalogs[.french][Role.focalPoint.catalogKey].lowercased().contains("correspondant national"))
        #expect(catalogs[.spanish][Role.focalPoint.catalogKey].lowercased().contains("coordinador nacional"))
        #expect(catalogs[.russian][Role.focalPoint.catalogKey].lowercased().contains("национальный координатор"))
        #expect(catalogs[.arabic][Role.focalPoint.catalogKey].contains("جهة التنسيق الوطنية"))
    }

    @Test("a missing string falls back to English and says so")
    func fallback() {
        let looked = Catalog(language: .russian, strings: [:], fallback: ["nav.parties": "Parties"]).lookup("nav.parties")
        #expect(looked.text == "Parties")
        #expect(looked.language == .english)
    }

    @Test("names resolve in the chosen language, else in English marked as English")
    func localizedText() {
        let name = LocalizedText(["en": "Kenya", "zh": "肯尼亚"])
        #expect(name.resolved(in: .chinese) == LocalizedString(text: "肯尼亚", language: .chinese))
        #expect(name.resolved(in: .arabic) == LocalizedString(text: "Kenya", language: .english))
    }
}
