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

    /// The names of the arguments a message uses (a count may be a plural in one language and a
    /// number in another: Chinese has one form).
    static func placeholders(_ text: String) -> [String] {
        Set(MessageFormat.arguments(of: text).map { String($0.prefix { $0 != "," }) }).sorted()
    }

    @Test("a number English writes as a number or plural is one in every language, with a branch for each of the language's plural forms",
          arguments: Language.allCases)
    func counts(_ language: Language) throws {
        let catalogs = try Catalogs.load()
        let formats = LanguageFormats[language]
        // The categories whole numbers take in the language (`other` is always there: Russian uses it for fractions).
        let needed = Set((Array(0...1_000) + [1_000_000, 2_000_000]).map { formats.category(of: Double($0)) }).union(["other"])
        var plurals = 0
        for key in catalogs[.english].keys.sorted() {
            let english = MessageFormat.arguments(of: catalogs[.english][key])
            let own = MessageFormat.arguments(of: catalogs[language][key])
            for counted in english where counted.hasSuffix(", number") || counted.hasSuffix(", plural") {
                let name = counted.prefix { $0 != "," }
                #expect(own.contains("\(name), number") || own.contains("\(name), plural"), "\(language.code) \(key): {\(name)} is not written as a number")
            }
            for plural in MessageFormat.plurals(of: catalogs[language][key]) {
                plurals += 1
                let missing = needed.subtracting(plural.selectors)
                #expect(missing.isEmpty, "\(language.code) \(key): no branch for \(missing.sorted())")
                let unused = Set(plural.selectors.filter { !$0.hasPrefix("=") }).subtracting(needed)
                #expect(unused.isEmpty, "\(language.code) \(key): branches \(unused.sorted()) the language never uses")
            }
        }
        #expect(language == .chinese ? plurals == 0 : plurals >= 5)
    }

    @Test("the character counter's message takes the count as it is given (the page's script puts it in), in every language")
    func counterMessage() throws {
        let catalogs = try Catalogs.load()
        for language in Language.allCases {
            #expect(catalogs[language]["report.characters", ["count": "\u{E000}", "max": "40"]].contains("\u{E000}"), "\(language.code)")
        }
    }

    @Test("counts read as a person would say them", arguments: [
        (Language.english, "parties.count", "1", "1 Party"), (.english, "parties.count", "196", "196 Parties"),
        (.french, "parties.count", "0", "0 Partie"), (.french, "progress.count", "2", "2 évaluations"),
        (.spanish, "actions.count", "1", "1 medida solicitada"),
        (.russian, "parties.count", "21", "21 Сторона"), (.russian, "parties.count", "3", "3 Стороны"), (.russian, "parties.count", "196", "196 Сторон"),
        (.arabic, "parties.count", "1", "طرف واحد"), (.arabic, "parties.count", "2", "طرفان"), (.arabic, "parties.count", "5", "5 أطراف"),
        (.arabic, "parties.count", "196", "196 طرفًا"), (.chinese, "parties.count", "196", "196 个缔约方"),
        (.arabic, "package.changes", "0", "لن يؤدي تطبيق الحزمة إلى تغيير أي إجابة. ولم يُطبَّق أي شيء بعد."),
        (.russian, "package.changes", "3", "Применение пакета изменит 3 ответа. Пока ничего не применено."),
    ])
    func spoken(language: Language, key: String, count: String, expected: String) throws {
        #expect(try Catalogs.load()[language][key, ["count": count]] == expected)
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
