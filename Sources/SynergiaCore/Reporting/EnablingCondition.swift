/// "Asked only when question X has one of these values": a condition that enables a question
/// (`TemplateQuestion.enabledWhen`), as the GBF binary indicator questionnaire has them
/// ("If the answer to any of the questions in 1.1 is not “No”, …").
public struct EnablingCondition: Codable, Sendable, Equatable, Hashable {
    /// The earlier question whose answer decides.
    public var question: String
    /// Choice ids (or `yes` / `no` for a yes-or-no question); the condition holds when the answer
    /// is, or for a multiple choice includes, one of them.
    public var values: [String]

    public init(question: String, values: [String]) {
        self.question = question
        self.values = values
    }

    /// Whether `answer` satisfies the condition (a missing or blank answer never does).
    public func holds(for answer: AnswerValue?) -> Bool {
        if case .yesNo(let yes)? = answer { return values.contains(yes ? "yes" : "no") }
        return answer?.chosenChoices.contains { values.contains($0) } ?? false
    }
}

extension ReportTemplate {
    /// The questions not asked given `answers`: those whose conditions all fail, and those whose
    /// deciding question is itself not asked (a condition only ever names an earlier question,
    /// which `ReportTemplates.validate` checks, so one pass in document order decides them all).
    /// `covered`: questions already not asked (those national targets answer for), which disable those they decide.
    public func disabledQuestions(answers: [String: AnswerValue], covered: Set<String> = []) -> Set<String> {
        var disabled = covered
        for question in questions {
            guard let conditions = question.enabledWhen else { continue }
            let enabled = conditions.contains { condition in
                !disabled.contains(condition.question) && condition.holds(for: answers[condition.question])
            }
            if !enabled { disabled.insert(question.id) }
        }
        return disabled
    }

    /// `answers` without those to questions not asked: what a submission states.
    public func askedAnswers(_ answers: [String: AnswerValue], nationalTargets: [NationalTargetCoverage]) -> [String: AnswerValue] {
        let disabled = notAsked(answers: answers, nationalTargets: nationalTargets)
        return disabled.isEmpty ? answers : answers.filter { !disabled.contains($0.key) }
    }
}
