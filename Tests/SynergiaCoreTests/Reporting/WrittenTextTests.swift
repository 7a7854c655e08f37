import Foundation
import Testing
@testable import SynergiaCore

@Suite("A written answer's languages")
struct WrittenTextTests {
    static let french = WrittenText("Stratégie validée.", language: .french, translations: [.english: "Strategy validated."])

    @Test func encodesLanguageAndTranslationsBesideTheValueAndReadsThemBack() throws {
        let json = String(decoding: try CanonicalJSON.encode(AnswerValue.longText(Self.french)), as: UTF8.self)
        #expect(json == #"{"language":"fr","translations":{"en":"Strategy validated."},"type":"longText","value":"Stratégie validée."}"#)
        #expect(try JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8)) == .longText(Self.french))
    }

    @Test func anAnswerWithoutLanguagesEncodesAsBefore() throws {
        // Receipts of reports submitted before languages were recorded stay valid.
        #expect(String(decoding: try CanonicalJSON.encode(AnswerValue.shortText("Ministry")), as: UTF8.self) == #"{"type":"shortText","value":"Ministry"}"#)
    }

    @Test(arguments: [
        #"{"type":"longText","value":"x","language":"de"}"#,
        #"{"type":"longText","value":"x","translations":{"de":"y"}}"#,
        #"{"type":"longText","value":"x","translations":{"en":3}}"#,
    ])
    func refusesALanguageThatIsNotOneOfTheSix(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8)) }
    }

    @Test func aSaveKeepsWhatItDoesNotSay() {
        // Only the text: the language and the translations stay (the translation made from the earlier text).
        #expect(WrittenText("Corrigé.").keeping(Self.french, writtenIn: .spanish)
                == WrittenText("Corrigé.", language: .french, translations: [.english: "Strategy validated."], outdated: [.english]))
        // A new text with no language said: the writer's. One written before languages were recorded keeps none.
        #expect(WrittenText("Nuevo.").keeping(nil, writtenIn: .spanish) == WrittenText("Nuevo.", language: .spanish))
        #expect(WrittenText("Edited.").keeping(WrittenText("Old."), writtenIn: .english) == WrittenText("Edited."))
        // Translations said: they replace; none said explicitly removes them; one in the original's language or empty is dropped.
        #expect(WrittenText("x", translations: [:]).keeping(Self.french, writtenIn: nil) == WrittenText("x", language: .french))
        #expect(WrittenText("x", language: .english, translations: [.english: "y", .russian: "", .chinese: "z"]).keeping(Self.french, writtenIn: nil)
                == WrittenText("x", language: .english, translations: [.chinese: "z"]))
        // Any other value is itself.
        #expect(AnswerValue.number(3).keepingLanguages(of: .longText(Self.french), writtenIn: .english) == .number(3))
        #expect(AnswerValue.longText("y").keepingLanguages(of: .number(2), writtenIn: .arabic) == .longText(WrittenText("y", language: .arabic)))
    }

    @Test func aReaderIsShownTheirLanguageElseTheOriginal() {
        #expect(Self.french.shown(to: .english) == .init(text: "Strategy validated.", language: .english, translated: true, original: .french))
        #expect(Self.french.shown(to: .french) == .init(text: "Stratégie validée.", language: .french, translated: false, original: nil))
        #expect(Self.french.shown(to: .arabic) == .init(text: "Stratégie validée.", language: .french, translated: false, original: nil))
        #expect(Self.french.languages == [.french, .english])
        #expect(WrittenText("?").shown(to: .russian).language == nil)
    }

    @Test func eachTranslationIsWithinTheFormatsLimit() {
        let question = TemplateQuestion(id: "q", type: .longText, title: LocalizedText(english: "Q"), maxLength: 5)
        #expect(AnswerValidation.validate(.longText(WrittenText("short", translations: [.english: "fine"])), for: question) == nil)
        #expect(AnswerValidation.validate(.longText(WrittenText("short", translations: [.english: "far too long"])), for: question) == .tooLong(max: 5))
    }

    @Test func aCSVWithTheSameTextChangesNothing() {
        let template = ReportTemplate(id: "t", version: 1, convention: "CBD", title: LocalizedText(english: "T"), cycle: LocalizedText(english: "c"),
                                      sections: [TemplateSection(id: "s", title: LocalizedText(english: "S"), questions: [
                                          TemplateQuestion(id: "q", type: .longText, title: LocalizedText(english: "Q")),
                                      ])])
        let current = ["q": AnswerRevision(questionID: "q", value: .longText(Self.french), version: 2, author: "a", at: Date())]
        func diff(_ text: WrittenText) -> [PackageChange] {
            PackageDiff.diff(package: ReportPackage(template: "t", templateVersion: 1, party: "KE", convention: "CBD", exportedAt: Date(),
                                                    answers: ["q": PackageAnswer(value: .longText(text), version: 2)]),
                             current: current, template: template)
        }
        #expect(diff(WrittenText("Stratégie validée.")).isEmpty)
        #expect(diff(WrittenText("Autre.")).count == 1)
    }

    @Test func aTranslationKeptWhileTheOriginalChangesIsOutdatedUntilRedone() throws {
        let before = WrittenText("Forests grew.", language: .english, translations: [.french: "Les forêts ont progressé.", .spanish: "Los bosques crecieron."])
        // Only the text changes: both translations are kept, made from the earlier text.
        let edited = WrittenText("Forests grew by 3 %.").keeping(before, writtenIn: .english)
        #expect(edited.translations == before.translations && edited.outdated == [.french, .spanish])
        #expect(edited.shown(to: .spanish).outdated && !edited.shown(to: .english).outdated)
        // The French redone: only the Spanish stays outdated; saving again unchanged keeps it so.
        let redone = WrittenText("Forests grew by 3 %.", language: .english,
                                 translations: [.french: "Les forêts ont progressé de 3 %.", .spanish: "Los bosques crecieron."]).keeping(edited, writtenIn: nil)
        #expect(redone.outdated == [.spanish])
        #expect(WrittenText("Forests grew by 3 %.").keeping(redone, writtenIn: nil).outdated == [.spanish])
        // A new translation of the current text is not outdated; the text unchanged outdates none.
        let added = WrittenText("Forests grew.", language: .english, translations: [.french: "Les forêts ont progressé.", .russian: "Леса выросли."])
            .keeping(before, writtenIn: nil)
        #expect(added.outdated == nil)
        // Said explicitly (an editor confirming it still matches): as said; only among the translations there are.
        #expect(WrittenText("Forests grew by 3 %.", outdated: []).keeping(edited, writtenIn: nil).outdated == nil)
        #expect(WrittenText("x", language: .english, translations: [.french: "y"], outdated: [.french, .arabic]).normalized.outdated == [.french])
        // Line breaks as a browser sends them are the same text as with LF.
        let crlf = WrittenText("a\r\nb", language: .english, translations: [.french: "c\r\nd"])
        #expect(WrittenText("a\nb", language: .english, translations: [.french: "c\nd"]).keeping(crlf, writtenIn: nil).outdated == nil)

        let json = String(decoding: try CanonicalJSON.encode(AnswerValue.longText(redone)), as: UTF8.self)
        #expect(json.contains(#""outdated":["es"]"#))
        #expect(try JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8)) == .longText(redone))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AnswerValue.self, from: Data(#"{"type":"longText","value":"x","outdated":["de"]}"#.utf8))
        }
    }
}
