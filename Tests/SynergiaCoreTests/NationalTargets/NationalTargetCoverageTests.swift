import SynergiaCore
import Testing

/// A section written per national target (the CBD 7th report's progress, issue 15): a published
/// national target reporting on a global target answers for that target's questions, and its own
/// progress must then be assessed.
struct NationalTargetCoverageTests {
    static let gbf1 = TargetReference(framework: "KMGBF", code: "1")
    static let gbf2 = TargetReference(framework: "KMGBF", code: "2")
    static let gbf3 = TargetReference(framework: "KMGBF", code: "3")

    static func template(byNationalTarget: Bool? = true) -> ReportTemplate {
        func progress(_ id: String, _ target: TargetReference) -> TemplateQuestion {
            TemplateQuestion(id: id, type: .progressAssessment, title: LocalizedText(english: id), required: true, target: target)
        }
        let choices = [TemplateChoice(id: "yes", label: LocalizedText(english: "Yes")), TemplateChoice(id: "no", label: LocalizedText(english: "No"))]
        return ReportTemplate(id: "t", version: 1, convention: "CBD", title: LocalizedText(english: "T"), cycle: LocalizedText(english: "C"), sections: [
            TemplateSection(id: "t.s1", title: LocalizedText(english: "Report"), questions: [
                TemplateQuestion(id: "t.name", type: .shortText, title: LocalizedText(english: "Name"), required: true),
            ]),
            TemplateSection(id: "t.s2", title: LocalizedText(english: "Progress"), questions: [
                progress("t.p1", gbf1),
                TemplateQuestion(id: "t.n1", type: .singleChoice, title: LocalizedText(english: "Any action?"), choices: choices, target: gbf1),
                progress("t.p2", gbf2),
                progress("t.p3", gbf3),
            ], byNationalTarget: byNationalTarget),
            TemplateSection(id: "t.s3", title: LocalizedText(english: "Later"), questions: [
                // Decided by a question the national targets answer for.
                TemplateQuestion(id: "t.why", type: .shortText, title: LocalizedText(english: "Why?"), required: true,
                                 enabledWhen: [EnablingCondition(question: "t.n1", values: ["no"])]),
            ]),
        ])
    }

    static let answers: [String: AnswerValue] = [
        "t.name": .shortText(WrittenText("Kenya")), "t.p1": .progressAssessment(.onTrack), "t.n1": .singleChoice("no"),
        "t.p2": .progressAssessment(.insufficientRate),
    ]

    @Test func aPublishedNationalTargetAnswersForTheQuestionsOnItsGlobalTargets() {
        let t1 = NationalTargetCoverage(code: "T1", targets: [Self.gbf1], assessed: true)
        let template = Self.template()
        #expect(template.answeredByNationalTargets([t1]) == ["t.p1", "t.n1"])
        // Without it, target 3 is missing; with a national target on 3 as well, nothing is.
        #expect(SubmissionCheck.problems(template: template, answers: Self.answers, nationalTargets: [t1]) == [.missing(question: "t.p3")])
        let t3 = NationalTargetCoverage(code: "T3", targets: [Self.gbf3, TargetReference(framework: "RAMSAR-SP4", code: "5")], assessed: true)
        #expect(SubmissionCheck.problems(template: template, answers: Self.answers, nationalTargets: [t1, t3]).isEmpty)
        // What is submitted leaves out the answers they replace, and the question those decided.
        let asked = template.askedAnswers(Self.answers, nationalTargets: [t1, t3])
        #expect(Set(asked.keys) == ["t.name", "t.p2"])
        #expect(template.notAsked(answers: Self.answers, nationalTargets: [t1, t3]) == ["t.p1", "t.n1", "t.p3", "t.why"])
    }

    @Test func aNationalTargetWithoutAssessedProgressStopsTheSubmissionAtItsFirstGlobalTarget() {
        let t13 = NationalTargetCoverage(code: "T13", targets: [Self.gbf3, Self.gbf1], assessed: false)
        let problems = SubmissionCheck.problems(template: Self.template(), answers: Self.answers, nationalTargets: [t13])
        #expect(problems == [.nationalTargetProgress(code: "T13", question: "t.p1")])
        #expect(problems.first?.nationalTarget == "T13" && problems.first?.catalogKey == "error.submission.national-target-progress")
        // A target reporting only on other conventions' targets is not stated here, assessed or not.
        let ramsar = NationalTargetCoverage(code: "W1", targets: [TargetReference(framework: "RAMSAR-SP4", code: "5")], assessed: false)
        #expect(Self.template().reportedNationalTargets([ramsar]).isEmpty)
        #expect(SubmissionCheck.problems(template: Self.template(), answers: Self.answers, nationalTargets: [ramsar])
            == [.missing(question: "t.p3"), .missing(question: "t.why")])
    }

    @Test func anOrdinarySectionAsksEveryQuestionWhateverTheNationalTargets() {
        let template = Self.template(byNationalTarget: nil)
        let t1 = NationalTargetCoverage(code: "T1", targets: [Self.gbf1, Self.gbf3], assessed: false)
        #expect(template.answeredByNationalTargets([t1]).isEmpty)
        #expect(SubmissionCheck.problems(template: template, answers: Self.answers, nationalTargets: [t1])
            == [.missing(question: "t.p3"), .missing(question: "t.why")])
    }

    @Test func theSeventhReportsProgressIsWrittenPerNationalTargetFromItsThirdVersion() throws {
        let shipped = try ReportTemplates.load()
        let report = try #require(shipped.first { $0.id == "cbd-7nr" })
        #expect(report.version == 3)
        let progress = try #require(report.sections.first { $0.byNationalTarget == true })
        #expect(progress.id == "cbd-7nr.s2" && progress.questions.allSatisfy { $0.target?.framework == "KMGBF" })
        // Cycles opened on version 2 ask every global target, as they did.
        let archived = try ReportTemplates.loadArchived(current: shipped)
        let second = try #require(archived.first { $0.id == "cbd-7nr" && $0.version == 2 })
        #expect(second.sections.allSatisfy { $0.byNationalTarget == nil })
        #expect(second.questions.map(\.id) == report.questions.map(\.id))
        // A section written per national target must ask about a target.
        var broken = Self.template()
        broken.sections[0].byNationalTarget = true
        #expect(ReportTemplates.validate([broken], elements: []).map(\.subject) == ["t.s1"])
    }

    @Test func severalNationalTargetsOnOneGlobalTargetSayTheLeastAdvancedOfTheirRatings() {
        #expect(ProgressRating.combined([.onTrack, .movingAway, .insufficientRate]) == .movingAway)
        #expect(ProgressRating.combined([.onTrackToExceed, .unknown]) == .onTrackToExceed, "an unknown rating says nothing")
        #expect(ProgressRating.combined([.unknown, .unknown]) == .unknown)
        #expect(ProgressRating.combined([]) == nil)
    }
}
