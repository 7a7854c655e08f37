import SynergiaCore
import Testing

@Suite("Messages that count: ICU's plural rules and number formats")
struct MessageFormatTests {
    static let items = "{count, plural, =0 {nothing} one {# item} other {# items}}"

    func message(_ language: Language, _ text: String, _ arguments: [String: String]) -> String {
        Catalog(language: language, strings: ["k": text], fallback: [:])["k", arguments]
    }

    @Test("English: one and other, an exact value first, # as the language writes the number")
    func english() {
        #expect(message(.english, Self.items, ["count": "0"]) == "nothing")
        #expect(message(.english, Self.items, ["count": "1"]) == "1 item")
        #expect(message(.english, Self.items, ["count": "2"]) == "2 items")
        #expect(message(.english, Self.items, ["count": "12345"]) == "12,345 items")
    }

    @Test("Russian: one (1, 21, 101), few (2–4, 22), many (5–20, 11–14, 25, 111)", arguments: [
        ("1", "1 Сторона"), ("21", "21 Сторона"), ("101", "101 Сторона"),
        ("2", "2 Стороны"), ("4", "4 Стороны"), ("22", "22 Стороны"), ("194", "194 Стороны"),
        ("5", "5 Сторон"), ("11", "11 Сторон"), ("12", "12 Сторон"), ("14", "14 Сторон"), ("25", "25 Сторон"),
        ("111", "111 Сторон"), ("196", "196 Сторон"), ("0", "0 Сторон"),
        ("1234", "1 234 Стороны"),
    ])
    func russian(count: String, expected: String) {
        let text = "{count, plural, one {# Сторона} few {# Стороны} many {# Сторон} other {# Стороны}}"
        #expect(message(.russian, text, ["count": count]).replacingOccurrences(of: "\u{A0}", with: " ") == expected)
    }

    @Test("Arabic: zero, one, two, few (3–10, 103), many (11–99, 111), other (100, 101, 102)", arguments: [
        ("0", "zero"), ("1", "one"), ("2", "two"), ("3", "few"), ("10", "few"), ("103", "few"),
        ("11", "many"), ("99", "many"), ("111", "many"), ("196", "many"), ("100", "other"), ("101", "other"), ("102", "other"),
    ])
    func arabic(count: String, category: String) {
        let text = "{count, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}"
        #expect(message(.arabic, text, ["count": count]) == category)
    }

    @Test("French: 0 and 1 are singular; Chinese has one form")
    func frenchAndChinese() {
        let text = "{count, plural, one {# Partie} many {# de Parties} other {# Parties}}"
        #expect(message(.french, text, ["count": "0"]) == "0 Partie")
        #expect(message(.french, text, ["count": "1"]) == "1 Partie")
        #expect(message(.french, text, ["count": "2"]) == "2 Parties")
        #expect(message(.french, text, ["count": "1000000"]).hasSuffix("de Parties"))
        #expect(LanguageFormats[.chinese].category(of: 1) == "other")
    }

    @Test("numbers and shares as each language writes them", arguments: [
        (Language.english, "1,234.5", "42.5%"), (.french, "1 234,5", "42,5 %"), (.russian, "1 234,5", "42,5 %"),
        (.spanish, "1234,5", "42,5 %"), (.chinese, "1,234.5", "42.5%"), (.arabic, "1,234.5", "42.5%"),
    ])
    func numbers(language: Language, number: String, percent: String) {
        let formats = LanguageFormats[language]
        // ICU writes narrow and ordinary no-break spaces and, in Arabic, direction marks: compare what is seen.
        func seen(_ text: String) -> String {
            String(text.unicodeScalars.filter { !["\u{200E}", "\u{200F}", "\u{061C}"].contains($0) }.map {
                $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : Character($0)
            })
        }
        #expect(seen(formats.number(1234.5)) == number)
        #expect(seen(formats.percent(0.425)) == percent)
        #expect(seen(message(language, "{n, number}", ["n": "1234.5"])) == number)
        #expect(formats.number(-0.0) == "0" && formats.number(written: "-0.0") == "0", "no -0")
    }

    @Test("what is not a placeholder stays as written, and a bad argument shows, never crashes")
    func leftAsWritten() {
        #expect(message(.english, "a {b} {unknown} c", ["b": "B"]) == "a B {unknown} c")
        #expect(message(.english, "{ not a name } and {x, select, a {b} other {c}}", ["x": "a"]) == "{ not a name } and {x, select, a {b} other {c}}")
        #expect(message(.english, "{n, plural, one {# x}}", ["n": "1"]) == "{n, plural, one {# x}}", "no other branch")
        #expect(message(.english, "{n, plural, one {# x} other {# xs}", ["n": "1"]) == "{n, plural, one {# x} other {# xs}", "unbalanced")
        #expect(message(.english, Self.items, ["count": "many"]) == "{count, plural, …}")
        #expect(message(.english, "# {count}", ["count": "{count}"]) == "# {count}", "an argument is put in as written")
    }

    @Test("no catalog text makes the parse deep or slow: plurals nested past the limit, plurals that fail, stray braces")
    func hostile() {
        let deep = String(repeating: "{a, plural, other {", count: 20_000) + "#" + String(repeating: "}}", count: 20_000)
        #expect(MessageFormat.plurals(of: deep).count == MessageFormat.maxDepth, "deeper plurals are text")
        let failing = String(repeating: "{a, plural, other {X} junk ", count: 40) + String(repeating: "}", count: 40)
        #expect(MessageFormat.parse(failing).allSatisfy { if case .plural = $0 { false } else { true } })
        let stray = String(repeating: "{", count: 100_000) + "{n}"
        #expect(MessageFormat.arguments(of: stray) == ["n"])
        let wide = String(repeating: "{", count: 50_000) + String(repeating: "}", count: 50_000)
        #expect(MessageFormat.parse(wide) == [.words(wide)], "braces that are no placeholder stay text, read once")
        let noOther = String(repeating: "{a, plural, one {", count: 2_000) + String(repeating: "}}", count: 2_000)
        #expect(MessageFormat.plurals(of: noOther).isEmpty)
    }

    @Test("the arguments and plural branches a message uses, for the catalogs' checks")
    func structure() {
        #expect(MessageFormat.arguments(of: "{query}: " + Self.items) == ["count, plural", "query"])
        #expect(MessageFormat.plurals(of: Self.items).map(\.selectors) == [["=0", "one", "other"]])
    }
}
