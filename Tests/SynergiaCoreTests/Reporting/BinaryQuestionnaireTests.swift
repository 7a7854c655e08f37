import Foundation
import Testing
@testable import SynergiaCore

@Suite("The GBF binary indicator questionnaire")
struct BinaryQuestionnaireTests {
    let report: ReportTemplate

    init() throws {
        report = try #require(try ReportTemplates.load().first { $0.id == "cbd-7nr" })
    }

    var binary: [TemplateSection] { report.sections.filter { $0.part == BinaryQuestionnaire.part } }

    func q(_ key: String) -> String { "cbd-7nr.bin.\(key)" }

    @Test func theSeventhReportAsksEveryBinaryQuestionOnceUnderItsGoalOrTarget() throws {
        #expect(report.version == 3)
        // 16 groups in the source; Goal C's questions are Target 13's and are asked once, there.
        #expect(binary.map(\.id) == ["goal-b", "target-1", "target-5", "target-6", "target-8", "target-9", "target-12", "target-13",
                                     "target-14", "target-15", "target-16", "target-17", "target-20", "target-22", "target-23"].map(q))
        let questions = binary.flatMap(\.questions)
        #expect(questions.count == 83)
        #expect(Set(questions.map(\.id)).count == 83)
        #expect(questions.allSatisfy { $0.target?.framework == "KMGBF" })
        #expect(binary.first { $0.id == q("target-13") }?.questions.map(\.id) == (1...7).map { q("13_\($0)") })
        #expect(binary.first { $0.id == q("goal-b") }?.questions.allSatisfy { $0.target?.code == "B" } == true)
    }

    @Test func questionsAreNumberedAndWordedAsTheSourceInTheSixLanguages() throws {
        let landlocked = try #require(report.question(q("1")))
        #expect(landlocked.title.english == "1 Is your country landlocked?")
        #expect(landlocked.type == .singleChoice && landlocked.required)
        #expect(landlocked.choices?.map(\.id) == ["yes", "no"])
        // A header's text leads its first question; its number prefixes theirs.
        let terrestrial = try #require(report.question(q("1_1_a")))
        #expect(terrestrial.title.english == "1.1 (a) Address land-use (terrestrial) change?")
        #expect(terrestrial.lead?.english.hasPrefix("1.1 Are all areas of your country under biodiversity-inclusive spatial planning") == true)
        #expect(report.question(q("1_1_b"))?.lead == nil)
        #expect(report.question(q("22_1_a_1"))?.title.english == "22.1(a) Please specify")
        #expect(report.question(q("22_1_a_1"))?.type == .shortText)
        #expect(report.question(q("1_2"))?.type == .multipleChoice)
        #expect(terrestrial.choices?.first { $0.id == "partially" }?.label.values["fr"] != nil)
        #expect(terrestrial.title.values.keys.sorted() == ["ar", "en", "es", "fr", "ru", "zh"])
        // The three texts the source has in English only carry our translation, never a blank.
        #expect(report.question(q("22_1_a_1"))?.title.values["ru"]?.contains("Просьба уточнить") == true)
    }

    @Test func theSourcesFifteenConditionsEnableTheirQuestions() throws {
        let conditions = binary.flatMap(\.questions).flatMap { question in (question.enabledWhen ?? []).map { (question.id, $0) } }
        #expect(conditions.count == 15)
        // "If the answer to any of the questions in 1.1 is not “No”": any one of three enables 1.2.
        #expect(report.question(q("1_2"))?.enabledWhen?.map(\.question) == [q("1_1_a"), q("1_1_b"), q("1_1_c")])
        #expect(report.question(q("1_1_c"))?.enabledWhen == [EnablingCondition(question: q("1"), values: ["no"])])
        #expect(ReportTemplates.validate([report], elements: try ReportTemplates.loadElements()).isEmpty)
    }

    @Test func aQuestionIsAskedOnlyWhileItsEnablingAnswerHolds() {
        var answers: [String: AnswerValue] = [:]
        var disabled: Set<String> { report.disabledQuestions(answers: answers) }
        #expect(disabled.isSuperset(of: [q("1_1_c"), q("1_2"), q("14_3_a"), q("14_3_a_1")]))
        #expect(!disabled.contains(q("1")) && !disabled.contains(q("1_1_a")))
        answers[q("1")] = .singleChoice("no")  // not landlocked: the sea-use question is asked
        #expect(!disabled.contains(q("1_1_c")))
        answers[q("1")] = .singleChoice("yes")
        #expect(disabled.contains(q("1_1_c")))
        answers[q("1_1_b")] = .singleChoice("partially")
        #expect(!disabled.contains(q("1_2")))
        answers[q("1_1_b")] = .singleChoice("no")
        #expect(disabled.contains(q("1_2")))
        // A chain: 14.3 enables the sectors, whose "other" enables "Please specify".
        answers[q("14_3")] = .singleChoice("fully")
        answers[q("14_3_a")] = .multipleChoice(["agriculture", "other"])
        #expect(!disabled.contains(q("14_3_a")) && !disabled.contains(q("14_3_a_1")))
        answers[q("14_3")] = .singleChoice("no")
        #expect(disabled.contains(q("14_3_a")) && disabled.contains(q("14_3_a_1")), "a question enabled only by one not asked is not asked")
    }

    @Test func aQuestionNotAskedIsNeitherRequiredNorSubmitted() {
        let binaryQuestions = binary.flatMap(\.questions)
        var answers: [String: AnswerValue] = [:]
        for question in binaryQuestions where question.type == .singleChoice && question.enabledWhen == nil {
            answers[question.id] = .singleChoice(question.choices!.contains { $0.id == "no" } ? "no" : question.choices![0].id)
        }
        for question in binaryQuestions where question.type == .multipleChoice && question.required && question.enabledWhen == nil {
            answers[question.id] = .multipleChoice([question.choices!.contains { $0.id == "no" } ? "no" : question.choices!.last!.id])
        }
        answers[q("1")] = .singleChoice("yes")
        answers[q("1_1_c")] = .singleChoice("fully")  // answered before the Party said it is landlocked
        let binaryOnly = ReportTemplate(id: report.id, version: report.version, convention: "CBD", title: report.title, cycle: report.cycle,
                                        sections: binary)
        #expect(SubmissionCheck.problems(template: binaryOnly, answers: answers, nationalTargets: []).isEmpty)
        #expect(binaryOnly.askedAnswers(answers, nationalTargets: [])[q("1_1_c")] == nil)
        #expect(binaryOnly.askedAnswers(answers, nationalTargets: [])[q("1_1_a")] != nil)
        answers[q("1")] = .singleChoice("no")  // now it is asked, and required
        #expect(SubmissionCheck.problems(template: binaryOnly, answers: answers.filter { $0.key != q("1_1_c") }, nationalTargets: [])
            == [.missing(question: q("1_1_c"))])
    }

    @Test func aConditionMustNameAnEarlierQuestionAndValuesItOffers() {
        let choices = [TemplateChoice(id: "yes", label: LocalizedText(english: "Yes")), TemplateChoice(id: "no", label: LocalizedText(english: "No"))]
        func template(_ condition: EnablingCondition) -> ReportTemplate {
            ReportTemplate(id: "t", version: 1, convention: "CBD", title: LocalizedText(english: "T"), cycle: LocalizedText(english: "C"),
                           sections: [TemplateSection(id: "t.s", title: LocalizedText(english: "S"), questions: [
                               TemplateQuestion(id: "t.a", type: .singleChoice, title: LocalizedText(english: "A"), choices: choices),
                               TemplateQuestion(id: "t.b", type: .shortText, title: LocalizedText(english: "B"), enabledWhen: [condition]),
                               TemplateQuestion(id: "t.c", type: .shortText, title: LocalizedText(english: "C")),
                           ])])
        }
        #expect(ReportTemplates.validate([template(.init(question: "t.a", values: ["no"]))], elements: []).isEmpty)
        #expect(ReportTemplates.validate([template(.init(question: "t.c", values: ["no"]))], elements: []).count == 1, "a later question")
        #expect(ReportTemplates.validate([template(.init(question: "t.b", values: ["no"]))], elements: []).count == 1, "itself")
        #expect(ReportTemplates.validate([template(.init(question: "t.a", values: ["maybe"]))], elements: []).count == 1, "a value not offered")
        #expect(ReportTemplates.validate([template(.init(question: "t.a", values: []))], elements: []).count == 1, "no value")
    }

    @Test func theFirstVersionIsKeptForCyclesOpenedWithIt() throws {
        let current = try ReportTemplates.load()
        let archived = try ReportTemplates.loadArchived(current: current)
        let first = try #require(archived.filter { $0.id == "cbd-7nr" }.min { $0.version < $1.version })
        #expect(first.version == 1)
        #expect(first.parts == nil && first.questions.count == 70)
        #expect(first.questions.map(\.id) == report.sections.filter { $0.part == nil }.flatMap(\.questions).map(\.id))
    }
}
