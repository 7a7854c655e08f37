import Foundation
import Testing
@testable import SynergiaCore

/// Small pieces of the parser on hand-made lines.
@Suite("Decision parser pieces")
struct DecisionUnitTests {
    func join(_ lines: [String]) -> String {
        var j = DecisionLineJoiner()
        for l in lines { j.append(l.unicodeScalars) }
        return j.string
    }

    @Test func lineJoining() {
        #expect(join(["coope-", "ration"]) == "cooperation")
        #expect(join(["сотруд-", "ничество"]) == "сотрудничество")
        #expect(join(["biodiversity-", "related"]) == "biodiversity-related")
        #expect(join(["Sharm El-", "Sheikh"]) == "Sharm El-Sheikh")
        #expect(join(["2011-", "2020"]) == "2011-2020")
        #expect(join(["相关公", "约之间"]) == "相关公约之间")
        #expect(join(["《2011-2020", "年生物"]) == "《2011-2020年生物")
        #expect(join(["the Executive", "Secretary"]) == "the Executive Secretary")
    }

    func labels(_ line: String) -> (String, String)? {
        let s = Array(line.unicodeScalars)
        guard let l = DecisionLineLabels.subparagraph(s, 0..<s.count) else { return nil }
        return (l.label, DecisionScalars.string(s[l.textStart...]))
    }

    @Test func lineLabels() {
        #expect(labels("(a) text")?.0 == "a")
        #expect(labels("b) texte")?.0 == "b")
        #expect(labels("(ii) The")?.0 == "ii")
        #expect(labels("(أ) مواصلة")?.0 == "a")
        #expect(labels("'2' قابلية")?.0 == "ii")
        #expect(labels("(EMG/1320)") == nil)
        let s = Array("12. 又请 执行秘书".unicodeScalars)
        #expect(DecisionLineLabels.operativeNumber(s, 0..<s.count)?.number == 12)
        let ar = Array("5 - يكرر".unicodeScalars)
        #expect(DecisionLineLabels.operativeNumber(ar, 0..<ar.count)?.number == 5)
        let dec = Array("2.5 million".unicodeScalars)
        #expect(DecisionLineLabels.operativeNumber(dec, 0..<dec.count) == nil)
        let sec = Array("باء - التعاون".unicodeScalars)
        #expect(DecisionLineLabels.section(sec, 0..<sec.count)?.label == "B")
        let title = Array("XII/6. 与其他公约".unicodeScalars)
        #expect(DecisionHeader.titleLine(title, 0..<title.count)?.symbol == "XII/6")
    }

    @Test func languageDetection() {
        #expect(DecisionLanguage.detect(Array("Requests the Executive Secretary to report on the progress".unicodeScalars)) == "en")
        #expect(DecisionLanguage.detect(Array("Prie la Secrétaire exécutive de faire rapport sur les progrès des travaux".unicodeScalars)) == "fr")
        #expect(DecisionLanguage.detect(Array("Pide a la Secretaria Ejecutiva que informe sobre los progresos de las Partes".unicodeScalars)) == "es")
        #expect(DecisionLanguage.detect(Array("просит Исполнительного секретаря".unicodeScalars)) == "ru")
        #expect(DecisionLanguage.detect(Array("يطلب إلى الأمينة التنفيذية".unicodeScalars)) == "ar")
        #expect(DecisionLanguage.detect(Array("请执行秘书".unicodeScalars)) == "zh")
    }

    func analyze(_ text: String, _ language: String) -> DecisionAnalysis {
        DecisionAnalysis.analyze(Array(text.unicodeScalars), language: language)
    }

    @Test func referencesAndDeadlines() {
        #expect(analyze("见大会第 65/161 号决议。", "zh").references == ["A/RES/65/161"])
        #expect(analyze("关于关系的第 1/12 号决议，", "zh").references == ["UNEP/EA.1/Res.12"])
        #expect(analyze("recalling decisions X/20 and 13/3,", "en").references == ["decision X/20", "decision 13/3"])
        #expect(analyze("see http://example.org/a/b/c and UNEP/CBD/COP/12/24.", "en").references == ["UNEP/CBD/COP/12/24"])
        #expect(analyze("在 2015 年 5 月之前提交", "zh").deadlines == ["2015-05"])
        #expect(analyze("将于 2015 年 5 月举行", "zh").deadlines.isEmpty)
        #expect(analyze("to report by 31 December 2016 to the Subsidiary Body on Scientific, Technical and Technological Advice at its nineteenth meeting", "en").deadlines == ["SBSTTA-19", "2016-12-31"])
        #expect(analyze("до 31 декабря 2016 года", "ru").deadlines == ["2016-12-31"])
        #expect(analyze("antes del 31 de diciembre de 2016", "es").deadlines == ["2016-12-31"])
    }

    @Test func actionVocabulary() {
        #expect(analyze("Also requests the Executive Secretary to report", "en").actions
                == [DecisionAction(verb: "requests", addressees: ["executive-secretary"])])
        #expect(analyze("Notes the report and calls upon Parties and other Governments to act", "en").actions
                == [DecisionAction(verb: "notes"), DecisionAction(verb: "calls-upon", addressees: ["parties", "other-governments"])])
        #expect(analyze("including the responses to the requests in decision XI/6", "en").actions.isEmpty)
        #expect(analyze("包括执行秘书对请求所做回应", "zh").actions.isEmpty)
    }

    @Test func pageFurniture() {
        for line in ["Page 2", "- 3 -", "12", "/...", "CBD/COP/DEC/14/30", "UNEP/CBD/COP/DEC/XII/6", "第 2 页", "Стр. 2", "الصفحة 2"] {
            let s = Array(line.unicodeScalars)
            #expect(DecisionPageCleaner.classify(s, raw: 0..<s.count, trimmed: 0..<s.count) == .furniture, "\(line)")
        }
        for line in ["Agenda item 29", "2. Invites Parties", "议程项目29", "http://unemg.org/"] {
            let s = Array(line.unicodeScalars)
            #expect(DecisionPageCleaner.classify(s, raw: 0..<s.count, trimmed: 0..<s.count) != .furniture, "\(line)")
        }
    }

    @Test func emptyAndTrivialInputs() throws {
        for input in ["", "\n\n\n", " ", "\u{0}", "1.", "(a)", "A.", "1 ", "___\n1 x"] {
            let d = DecisionParser.parse(input)
            _ = try d.jsonData()
            _ = d.summary()
        }
        let garbage = DecisionParser.parse("lorem ipsum dolor\nsit amet")
        #expect(!garbage.warnings.isEmpty)
        #expect(garbage.paragraphs.isEmpty)
    }
}
