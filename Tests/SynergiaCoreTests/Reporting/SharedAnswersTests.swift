import Testing
@testable import SynergiaCore

@Suite("Shared answers")
struct SharedAnswersTests {
    @Test func answersInTheCBDReportPrefillTheRamsarReport() throws {
        let templates = try ReportTemplates.load()
        let cbd = try #require(templates.first { $0.id == "cbd-7nr" })
        let ramsar = try #require(templates.first { $0.id == "ramsar-nr-cop15" })
        func question(_ template: ReportTemplate, _ element: String) throws -> String {
            try #require(template.questions.first { $0.element == element }).id
        }
        let coverage = AnswerValue.table([["area-km2": .number(120_000), "percent-land": .number(21.5)]])
        let answers: [String: AnswerValue] = [
            try question(cbd, "national-focal-point"): .shortText("A. Person, Ministry of Environment"),
            try question(cbd, "wetland-area"): .number(3_400),
            try question(cbd, "protected-area-coverage"): coverage,
        ]
        let existing = [try question(ramsar, "wetland-area"): AnswerValue.number(3_500)]
        let reused = SharedAnswers.reusable(from: cbd, answers: answers, into: ramsar, existing: existing)
        #expect(reused == [
            try question(ramsar, "national-focal-point"): .shortText("A. Person, Ministry of Environment"),
            try question(ramsar, "protected-area-coverage"): coverage,
        ])
    }

    @Test func progressOnTheSameTargetIsReusedButNotAcrossTargets() {
        func template(_ id: String, _ code: String) -> ReportTemplate {
            ReportTemplate(id: id, version: 1, convention: "CBD", title: LocalizedText(english: id), cycle: LocalizedText(english: ""), sections: [
                TemplateSection(id: "\(id).s", title: LocalizedText(english: "s"), questions: [
                    TemplateQuestion(id: "\(id).q", type: .progressAssessment, title: LocalizedText(english: "p"),
                                     target: TargetReference(framework: "KMGBF", code: code)),
                ]),
            ])
        }
        let answers = ["a.q": AnswerValue.progressAssessment(.onTrack)]
        #expect(SharedAnswers.reusable(from: template("a", "3"), answers: answers, into: template("b", "3")) == ["b.q": .progressAssessment(.onTrack)])
        #expect(SharedAnswers.reusable(from: template("a", "3"), answers: answers, into: template("b", "4")).isEmpty)
    }
}
