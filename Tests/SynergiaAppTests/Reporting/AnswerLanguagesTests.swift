import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 13, item 3: a written answer knows its language and can have translations; adding one is a
/// save like any other (versioned, audited, conflict-checked, refused once submitted), each reader
/// sees their language or the original marked as such, and the receipt covers every language.
@Suite("An answer in several languages")
struct AnswerLanguagesTests {
    static let question = "cbd-7nr.s1.q2"
    static let french = "Le ministère a validé la stratégie avec le comité national."
    static let english = "The ministry validated the strategy with the national committee."

    /// Kenya's report with the narrative answered in French on a French page (version 1).
    func frenchAnswer(_ app: Application) async throws -> (UUID, Browser) {
        let id = try await SectionSaveTests().setUp(app)
        let browser = Browser(app, acceptLanguage: "fr-FR,fr;q=0.9")
        try await browser.signIn("fp@example.org")
        let page = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
        let saved = try await browser.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: SectionSaveTests.form(page, [Self.question: Self.french]))
        #expect(saved.status == .seeOther)
        return (id, browser)
    }

    func stored(_ app: Application, _ id: UUID) async throws -> (WrittenText?, Int?) {
        let answer = try await AnswerModel.query(on: app.db).filter(\.$report.$id == id).filter(\.$questionID == Self.question).first()
        return (try answer.map { try JSONDecoder().decode(AnswerValue.self, from: Data($0.value.utf8)) }?.writtenText, answer?.version)
    }

    func languagesPath(_ id: UUID) -> String { "/reports/\(id)/answers/\(Self.question)/languages" }

    @Test("written on a French page, the answer is French; an English translation is a new version; each reader sees theirs or the original, marked")
    func translateAndRead() async throws {
        try await withSynergia { app async throws in
            let (id, browser) = try await frenchAnswer(app)
            #expect(try await stored(app, id).0 == WrittenText(Self.french, language: .french))
            let audited = try await AuditEntryModel.query(on: app.db).filter(\.$action == "answer.saved").count()

            let form = try await browser.get(languagesPath(id))
            #expect(form.status == .ok && form.contains("id=\"languages-form\""))
            #expect(form.contains(#"<option value="fr" selected>français<"#), "the original's language, named in the reader's")
            #expect(form.contains("name=\"t-en\"") && !form.contains("name=\"t-fr\""), "a field per other language")
            #expect(form.contains(#"lang="ar" dir="rtl""#), "the Arabic field is written right to left")

            let saved = try await browser.post(languagesPath(id), ["baseVersion": "1", "value": Self.french, "language": "fr",
                                                                   "t-en": Self.english, "t-es": "", "t-ar": "  "])
            #expect(saved.status == .seeOther && saved.location == "/reports/\(id)/sections/cbd-7nr.s1#q-cbd-7nr.s1.q2")
            let (text, version) = try await stored(app, id)
            #expect(text == WrittenText(Self.french, language: .french, translations: [.english: Self.english]), "an empty or blank field is no translation")
            #expect(version == 2)
            #expect(try await AnswerHistoryModel.query(on: app.db).filter(\.$questionID == Self.question).count() == 2)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "answer.saved").count() == audited + 1)

            // A colleague preparing the report, in English, sees the text as written (what they would
            // edit), marked French, and the languages it has.
            let reader = Browser(app, acceptLanguage: "en")
            try await reader.signIn("colleague@example.org")
            let inEnglish = try await reader.get("/reports/\(id)")
            #expect(inEnglish.contains(#"<div class="answer md" lang="fr" dir="ltr"><p>\#(Self.french)</p>"#))
            #expect(inEnglish.contains("Languages of this answer</a> (French, English)"))

            // The original corrected on the section's page: the translation stays, marked as made from an earlier original.
            let section = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
            let corrected = Self.french + " Elle a été publiée."
            #expect(try await browser.post("/reports/\(id)/sections/cbd-7nr.s1",
                                           pairs: SectionSaveTests.form(section, [Self.question: corrected])).status == .seeOther)
            #expect(try await stored(app, id).0 == WrittenText(corrected, language: .french, translations: [.english: Self.english], outdated: [.english]))

            // Every language in the JSON twin.
            let json = try await reader.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.answer(Self.question)?.value.writtenText?.translations == [.english: Self.english])
        }
    }

    @Test("the submitted content, and so its receipt, holds every language of an answer")
    func receiptCoversTranslations() async throws {
        try await withSynergia { app async throws in
            let (id, browser) = try await frenchAnswer(app)
            #expect(try await browser.post(languagesPath(id), ["baseVersion": "1", "value": Self.french, "language": "fr", "t-en": Self.english,
                                                               "t-zh": "部委与国家委员会一起核准了该战略。"]).status == .seeOther)
            try await fillRequiredAnswers(app, report: id, by: "fp@example.org")
            for step in ["in-review", "approved", "submitted"] {
                #expect(try await browser.post("/reports/\(id)/transition", ["to": step]).status == .seeOther, "\(step)")
            }
            let report = try #require(try await ReportModel.find(id, on: app.db))
            let content = try #require(report.submittedContent)
            #expect(content.contains("部委与国家委员会一起核准了该战略。") && content.contains(#""language":"fr""#))
            #expect(report.receiptSHA256 == SHA256Hex.digest(Data(content.utf8)))

            // Submitted: no language may be added or changed any more.
            let refused = try await browser.post(languagesPath(id), ["baseVersion": "2", "value": Self.french, "language": "fr", "t-es": "Otra"])
            #expect(refused.status == .forbidden || refused.status == .unprocessableEntity || refused.status == .conflict, "\(refused.status)")
            #expect(try await stored(app, id).0?.translations == [.english: Self.english, .chinese: "部委与国家委员会一起核准了该战略。"])

            // Published: each reader sees their language, else the original marked as such.
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.post("/reports/\(id)/transition", ["to": "published"]).status == .seeOther)
            let inEnglish = try await Browser(app, acceptLanguage: "en").get("/reports/\(id)")
            #expect(inEnglish.contains(#"<div class="answer md" lang="en" dir="ltr"><p>\#(Self.english)</p>"#))
            #expect(inEnglish.contains("Translation. Original language: French."))
            #expect(inEnglish.contains("Languages of this answer</a> (French, Chinese, English)"))
            let inSpanish = try await Browser(app, acceptLanguage: "es").get("/reports/\(id)")
            #expect(inSpanish.contains(#"<div class="answer md" lang="fr" dir="ltr"><p>\#(Self.french)</p>"#), "no Spanish: the original, marked French")
            #expect(inSpanish.contains("Aún no hay traducción a su idioma. Idioma original: francés."))
            let inArabic = try await Browser(app, acceptLanguage: "ar").get("/reports/\(id)")
            #expect(inArabic.contains(#"<html lang="ar" dir="rtl""#) && inArabic.contains(#"lang="fr" dir="ltr"><p>\#(Self.french)"#))
            #expect(inArabic.contains("لا توجد ترجمة إلى لغتك بعد. لغة النص الأصلي: الفرنسية."))
            // Its languages, as submitted, to anyone.
            let languages = try await Browser(app).get(languagesPath(id))
            #expect(languages.status == .ok && languages.contains(Self.french) && languages.contains("部委与国家委员会一起核准了该战略。"))
            #expect(!languages.contains("languages-form"))
        }
    }

    @Test("two people translate the same answer at once: one is saved, the other sees theirs beside what they typed, and nothing is lost")
    func simultaneousTranslations() async throws {
        try await withSynergia { app async throws in
            let (id, _) = try await frenchAnswer(app)
            let path = languagesPath(id)
            try await LiveServer.with(app) { server in
                let people = [server.client(), server.client()]
                try await people[0].signIn("fp@example.org")
                try await people[1].signIn("colleague@example.org")
                let texts = ["The ministry validated the strategy.", "The ministry approved the strategy."]
                let answers = try await simultaneously(2) { index in
                    try await people[index].post(path, ["baseVersion": "1", "value": Self.french, "language": "fr", "t-en": texts[index]])
                }
                let statuses = answers.map(\.status)
                #expect(statuses.filter { $0 == .seeOther }.count == 1 && statuses.filter { $0 == .conflict }.count == 1, "\(statuses)")
                let winner = try #require(statuses.firstIndex(of: .seeOther)), loser = 1 - winner
                let (text, version) = try await stored(app, id)
                #expect(text?.translations == [.english: texts[winner]] && version == 2)
                // The one refused sees the saved translation, and theirs still in the form, over version 2.
                let refused = answers[loser].body
                #expect(refused.contains("id=\"conflict\"") && refused.contains(texts[winner]))
                #expect(refused.contains(">\n\(texts[loser])</textarea>") && refused.contains(#"name="baseVersion" value="2""#))
            }
            #expect(try await AnswerHistoryModel.query(on: app.db).filter(\.$questionID == Self.question).count() == 2)
        }
    }

    @Test("a language that is not one of the six, a translation in the original's language, another Party's account and an anonymous reader change nothing")
    func hostileRequests() async throws {
        try await withSynergia { app async throws in
            let (id, browser) = try await frenchAnswer(app)
            let path = languagesPath(id)
            let german = try await browser.post(path, ["baseVersion": "1", "value": Self.french, "language": "de", "t-en": Self.english])
            #expect(german.status == .unprocessableEntity && german.contains("Choisissez la langue dans laquelle l’original est rédigé"))
            #expect(german.contains(">\n\(Self.english)</textarea>"), "what was typed stays in its field")
            let same = try await browser.post(path, ["baseVersion": "1", "value": Self.french, "language": "fr", "t-fr": "Autre texte"])
            #expect(same.status == .unprocessableEntity)
            #expect(same.contains(#"name="baseVersion" value="1""#), "still over the version it was written over")
            // A field for a language Synergia does not speak is not a translation.
            #expect(try await browser.post(path, ["baseVersion": "1", "value": Self.french, "language": "fr", "t-de": "Deutsch"]).status == .seeOther)
            let unchanged = try await stored(app, id)
            #expect(unchanged.0 == WrittenText(Self.french, language: .french) && unchanged.1 == 2)

            // Markup in a translation is text.
            #expect(try await browser.post(path, ["baseVersion": "2", "value": Self.french, "language": "fr",
                                                  "t-en": "<script>alert(1)</script> done"]).status == .seeOther)
            let english = Browser(app, acceptLanguage: "en")
            try await english.signIn("colleague@example.org")
            let shown = try await english.get(path)
            #expect(!shown.contains("<script>alert(1)") && shown.contains("&lt;script&gt;alert(1)&lt;/script&gt; done"))

            try await makeUser(app, email: "fp-ng@example.org", role: .focalPoint, party: "NG", convention: "CBD")
            let other = Browser(app)
            try await other.signIn("fp-ng@example.org")
            #expect(try await other.post(path, ["baseVersion": "3", "value": "x", "language": "en"]).status == .forbidden)
            let draftToOthers = try await other.get(path)
            #expect(draftToOthers.status != .ok && !draftToOthers.contains(Self.french), "a draft's answers are its preparers' only")
            let anonymous = try await Browser(app).get(path)
            #expect(anonymous.status != .ok && !anonymous.contains(Self.french))
            #expect(try await stored(app, id).1 == 3)
            // Not a written question: nothing to translate.
            #expect(try await browser.get("/reports/\(id)/answers/cbd-7nr.s1.q3/languages").status == .notFound)
        }
    }

    @Test("through the API a text keeps its languages unless it says them, takes the language the client names, and refuses one not of the six")
    func throughTheAPI() async throws {
        try await withSynergia { app async throws in
            let id = try await SectionSaveTests().setUp(app)
            let client = try await APIClient.forUser(app, "fp@example.org")
            let path = "/api/v1/reports/\(id)/answers/\(Self.question)"
            // No language named: not recorded, rather than guessed.
            #expect(try await client.send(.PUT, path, json: #"{"value":{"type":"longText","value":"Текст"},"baseVersion":0}"#).status == .ok)
            #expect(try await stored(app, id).0 == WrittenText("Текст"))
            // Said in the value: the text is Russian; a translation added with it.
            #expect(try await client.send(.PUT, path, json: #"""
                {"value":{"type":"longText","value":"Текст","language":"ru","translations":{"en":"Text"}},"baseVersion":1}
                """#).status == .ok)
            #expect(try await stored(app, id).0 == WrittenText("Текст", language: .russian, translations: [.english: "Text"]))
            // Only the text: its language and translation stay.
            #expect(try await client.send(.PUT, path, json: #"{"value":{"type":"longText","value":"Новый текст"},"baseVersion":2}"#).status == .ok)
            #expect(try await stored(app, id).0 == WrittenText("Новый текст", language: .russian, translations: [.english: "Text"], outdated: [.english]))
            // A language that is not one of the six: refused, nothing changed.
            let refused = try await client.send(.PUT, path, json: #"{"value":{"type":"longText","value":"x","translations":{"de":"y"}},"baseVersion":3}"#)
            #expect(refused.status == .badRequest || refused.status == .unprocessableEntity, "\(refused.status)")
            #expect(try await stored(app, id).1 == 3)
            // `{}` removes the translations.
            #expect(try await client.send(.PUT, path, json: #"{"value":{"type":"longText","value":"Новый текст","translations":{}},"baseVersion":3}"#).status == .ok)
            #expect(try await stored(app, id).0 == WrittenText("Новый текст", language: .russian))
            // A new answer in the language the client names.
            let other = "/api/v1/reports/\(id)/answers/cbd-7nr.s1.q6?lang=es"
            #expect(try await client.send(.PUT, other, json: #"{"value":{"type":"longText","value":"Texto"},"baseVersion":0}"#).status == .ok)
            let spanish = try await AnswerModel.query(on: app.db).filter(\.$questionID == "cbd-7nr.s1.q6").first()
            #expect(spanish.map { $0.value.contains(#""language":"es""#) } == true)

            // A comment knows its language: the one the client says, else the one it names.
            let said = try await client.send(.POST, "/api/v1/reports/\(id)/comments/\(Self.question)", json: #"{"text":"مراجعة الأرقام","language":"ar"}"#)
            #expect(said.status == .created && said.body.contains(#""language":"ar""#))
            let named = try await client.send(.POST, "/api/v1/reports/\(id)/comments/\(Self.question)?lang=zh", json: #"{"text":"请核对"}"#)
            #expect(named.status == .created && named.body.contains(#""language":"zh""#))
            #expect(try await client.send(.POST, "/api/v1/reports/\(id)/comments/\(Self.question)", json: #"{"text":"x","language":"xx"}"#).status == .badRequest)
            let reader = Browser(app, acceptLanguage: "en")
            try await reader.signIn("colleague@example.org")
            let page = try await reader.get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(page.contains(#"<span lang="ar" dir="rtl">مراجعة الأرقام</span>"#) && page.contains(#"<span lang="zh" dir="ltr">请核对</span>"#))
        }
    }

    @Test("a comment written on a French page is marked French for every reader")
    func commentLanguage() async throws {
        try await withSynergia { app async throws in
            let (id, browser) = try await frenchAnswer(app)
            #expect(try await browser.post("/reports/\(id)/comments", ["question": Self.question, "text": "À vérifier avec le ministère."]).status == .seeOther)
            let comment = try #require(try await QuestionCommentModel.query(on: app.db).first())
            #expect(comment.language == "fr")
            let reader = Browser(app, acceptLanguage: "ar")
            try await reader.signIn("colleague@example.org")
            #expect(try await reader.get("/reports/\(id)/sections/cbd-7nr.s1").contains(#"<span lang="fr" dir="ltr">À vérifier avec le ministère.</span>"#))
        }
    }

    @Test("the original changes: readers of a translation are told it was made from an earlier original, until it is redone or confirmed")
    func outdatedTranslations() async throws {
        try await withSynergia { app async throws in
            let (id, browser) = try await frenchAnswer(app)
            #expect(try await browser.post(languagesPath(id), ["baseVersion": "1", "value": Self.french, "language": "fr", "t-en": Self.english,
                                                              "t-es": "El ministerio validó la estrategia."]).status == .seeOther)
            let reader = Browser(app, acceptLanguage: "en")
            try await reader.signIn("colleague@example.org")
            #expect(!(try await reader.get("/reports/\(id)/sections/cbd-7nr.s1")).contains("The original has changed"))

            // The French original is changed on the section's page.
            let section = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
            let changed = Self.french + " Il a été publié en 2025."
            #expect(try await browser.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: SectionSaveTests.form(section, [Self.question: changed])).status == .seeOther)
            #expect(try await stored(app, id).0?.outdated == [.english, .spanish])
            let languages = try await reader.get(languagesPath(id))
            #expect(languages.contains("The original has changed since this translation was made."))

            // The Spanish translation redone, the English one left as it was and not confirmed: only the English stays outdated.
            let form = try await browser.get(languagesPath(id))
            #expect(form.contains(#"name="c-en""#) && form.contains(#"name="c-es""#) && form.contains("L’original a été modifié"))
            #expect(try await browser.post(languagesPath(id), ["baseVersion": "3", "value": changed, "language": "fr", "t-en": Self.english,
                                                              "t-es": "El ministerio validó la estrategia, publicada en 2025."]).status == .seeOther)
            #expect(try await stored(app, id).0?.outdated == [.english])
            let json = try await reader.get("/api/v1/reports/\(id)")
            #expect(json.contains(#""outdated":["en"]"#))

            // The English one confirmed as still matching: none is outdated, and the mark is gone.
            #expect(try await browser.post(languagesPath(id), ["baseVersion": "4", "value": changed, "language": "fr", "t-en": Self.english,
                                                              "t-es": "El ministerio validó la estrategia, publicada en 2025.", "c-en": "on"]).status == .seeOther)
            let (text, version) = try await stored(app, id)
            #expect(text?.outdated == nil && version == 5)
            #expect(!(try await reader.get(languagesPath(id))).contains("The original has changed"))
            // A confirmation sent over an older version is a conflict and changes nothing.
            #expect(try await browser.post(languagesPath(id), ["baseVersion": "4", "value": changed, "language": "fr", "c-en": "on"]).status == .conflict)
            #expect(try await stored(app, id).1 == 5)
        }
    }

    @Test("line breaks as a browser sends them (CRLF) or an API client may (LF) are the same text: a save over an unchanged original outdates nothing, and sent twice it is saved once")
    func lineBreaksAndRetries() async throws {
        try await withSynergia { app async throws in
            let (id, browser) = try await frenchAnswer(app)
            let section = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(try await browser.post("/reports/\(id)/sections/cbd-7nr.s1",
                                           pairs: SectionSaveTests.form(section, [Self.question: "Ligne 1\r\nLigne 2"])).status == .seeOther)
            let form = ["baseVersion": "2", "value": "Ligne 1\r\nLigne 2", "language": "fr", "t-en": "Line 1\r\nLine 2"]
            #expect(try await browser.post(languagesPath(id), form).status == .seeOther)
            #expect(try await stored(app, id).0?.outdated == nil)
            // The same form again (a retried request): answered as saved, not as a conflict with itself; nothing new stored.
            #expect(try await browser.post(languagesPath(id), form).status == .seeOther)
            #expect(try await stored(app, id).1 == 3)
            // The original and the English sent with LF, a Spanish translation added: the English one is not outdated.
            #expect(try await browser.post(languagesPath(id), ["baseVersion": "3", "value": "Ligne 1\nLigne 2", "language": "fr",
                                                              "t-en": "Line 1\nLine 2", "t-es": "Línea 1\nLínea 2"]).status == .seeOther)
            let (text, version) = try await stored(app, id)
            #expect(text?.outdated == nil && text?.translations?[.spanish] == "Línea 1\nLínea 2" && version == 4)
            // The original really changed: the kept translations are outdated.
            #expect(try await browser.post(languagesPath(id), ["baseVersion": "4", "value": "Ligne 1\nLigne 3", "language": "fr",
                                                              "t-en": "Line 1\r\nLine 2", "t-es": "Línea 1\nLínea 2"]).status == .seeOther)
            #expect(try await stored(app, id).0?.outdated == [.english, .spanish])
        }
    }
}
