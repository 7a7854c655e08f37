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

    @Test("the Chinese catalog is complete: every English string has a Chinese one")
    func chineseComplete() throws {
        let catalogs = try Catalogs.load()
        let english = catalogs[.english].keys
        let chinese = catalogs[.chinese].keys
        #expect(english.count > 50)
        #expect(english.subtracting(chinese).sorted() == [])
        #expect(chinese.subtracting(english).sorted() == [])
        #expect(catalogs[.chinese]["nav.parties"] == "缔约方")
    }

    @Test("a missing string falls back to English and says so")
    func fallback() throws {
        let catalogs = try Catalogs.load()
        let looked = catalogs[.russian].lookup("nav.parties")
        #expect(looked.text == catalogs[.english]["nav.parties"])
        #expect(looked.language == .english)
        #expect(catalogs[.chinese]["parties.count", ["count": "196"]] == "196 个缔约方")
    }

    @Test("names resolve in the chosen language, else in English marked as English")
    func localizedText() {
        let name = LocalizedText(["en": "Kenya", "zh": "肯尼亚"])
        #expect(name.resolved(in: .chinese) == LocalizedString(text: "肯尼亚", language: .chinese))
        #expect(name.resolved(in: .arabic) == LocalizedString(text: "Kenya", language: .english))
    }
}
