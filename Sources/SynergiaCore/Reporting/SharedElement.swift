/// An information element that several conventions ask for ("report once, use everywhere",
/// CBD decision XII/6). Listed in `Resources/Templates/elements.json`; every template question
/// naming it must have its `type`.
public struct SharedElement: Codable, Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var type: QuestionType

    public init(id: String, title: LocalizedText, type: QuestionType) {
        self.id = id
        self.title = title
        self.type = type
    }
}

/// Carries answers from one report to another through shared elements and shared targets.
public enum SharedAnswers {
    /// For each question of `destination` that has no answer in `existing`, the answer given in
    /// `source` to a question with the same `element` id, or (for progress assessments) on the
    /// same framework target. Keys are destination question ids. Nothing is saved: the app
    /// offers these as prefilled values.
    public static func reusable(from source: ReportTemplate, answers: [String: AnswerValue],
                                into destination: ReportTemplate, existing: [String: AnswerValue] = [:]) -> [String: AnswerValue] {
        var byElement: [String: AnswerValue] = [:]
        var byTarget: [TargetReference: AnswerValue] = [:]
        for question in source.questions {
            guard let value = answers[question.id] else { continue }
            if let element = question.element, byElement[element] == nil { byElement[element] = value }
            if question.type == .progressAssessment, let target = question.target, byTarget[target] == nil {
                byTarget[target] = value
            }
        }
        var result: [String: AnswerValue] = [:]
        for question in destination.questions where existing[question.id] == nil {
            var candidate: AnswerValue?
            if let element = question.element { candidate = byElement[element] }
            if candidate == nil, question.type == .progressAssessment, let target = question.target {
                candidate = byTarget[target]
            }
            if let value = candidate, AnswerValidation.validate(value, for: question) == nil {
                result[question.id] = value
            }
        }
        return result
    }
}
