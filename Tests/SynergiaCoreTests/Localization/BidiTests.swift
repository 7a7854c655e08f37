import SynergiaCore
import Testing

@Suite("Text of the other direction, isolated")
struct BidiTests {
    @Test("in Arabic, an address, a code, a number or an English name needs isolating; Arabic does not", arguments: [
        ("fp@example.org", true), ("CBD/COP/DEC/XII/6", true), ("3 560 km²", true), ("Kenya", true), ("2026-11-27", true),
        ("كينيا", false), ("٢٠٢٦", false), ("—", false), ("42", false),
    ])
    func inArabic(_ text: String, _ isolated: Bool) {
        #expect(Bidi.needsIsolation(text, in: .arabic) == isolated)
    }

    @Test("in a left-to-right language, only text with a right-to-left letter needs isolating", arguments: [
        ("fp@example.org", false), ("Кения", false), ("肯尼亚", false), ("3 560", false),
        ("وزارة البيئة", true), ("Ministry of Environment (وزارة البيئة)", true), ("עברית", true),
    ])
    func leftToRight(_ text: String, _ isolated: Bool) {
        for language in [Language.english, .french, .russian, .chinese, .spanish] {
            #expect(Bidi.needsIsolation(text, in: language) == isolated)
        }
    }

    @Test("a character that sets a direction itself is always isolated: an override left open cannot turn the sentence round")
    func controls() {
        for language in Language.allCases {
            #expect(Bidi.needsIsolation("abc\u{202E}fdp.exe", in: language))
            #expect(Bidi.needsIsolation("\u{2067}x", in: language))
        }
    }

    @Test("a message's placeholders are read once, from the message: an argument saying {time} is put in as written")
    func placeholdersOnce() {
        let catalog = Catalog(language: .english, strings: ["changed": "Last changed by {author} on {time}."], fallback: [:])
        let (pieces, language) = catalog.pieces("changed", ["author": "{time}", "time": "27 November"])
        #expect(language == .english)
        #expect(pieces == [.words("Last changed by "), .argument("{time}"), .words(" on "), .argument("27 November"), .words(".")])
        #expect(catalog["changed", ["author": "{time}", "time": "27 November"]] == "Last changed by {time} on 27 November.")
        #expect(catalog["changed", ["author": "a"]] == "Last changed by a on {time}.", "a placeholder without its argument stays as written")
        #expect(Catalog(language: .english, strings: ["odd": "50{% of {n} {"], fallback: [:])["odd", ["n": "7"]] == "50{% of 7 {")
    }
}
