/// What stops a report from being submitted: a required question without an answer, or an
/// answer that does not fit its question (saved before a rule was tightened, or brought in by a
/// package or an import). Checked in the transaction that submits.
public enum SubmissionProblem: Sendable, Equatable {
    case missing(question: String)
    case invalid(question: String, problem: AnswerProblem)

    public var question: String {
        switch self {
        case .missing(let question), .invalid(let question, _): question
        }
    }

    /// The catalog key of the message.
    public var catalogKey: String {
        switch self {
        case .missing: "error.submission.missing"
        case .invalid(_, let problem): problem.catalogKey
        }
    }
}

/// Decides whether a report's answers make a complete, valid submission of its template.
public enum SubmissionCheck {
    /// Every problem, in the template's question order (empty: the report may be submitted). A
    /// question not asked (its `enabledWhen` fails) is neither required nor checked: its answer
    /// is left out of what is submitted (`ReportTemplate.askedAnswers`).
    public static func problems(template: ReportTemplate, answers: [String: AnswerValue]) -> [SubmissionProblem] {
        let disabled = template.disabledQuestions(answers: answers)
        return template.questions.compactMap { question in
            guard !disabled.contains(question.id) else { return nil }
            guard let value = answers[question.id], !value.isBlank else {
                return question.required ? .missing(question: question.id) : nil
            }
            return AnswerValidation.validate(value, for: question).map { .invalid(question: question.id, problem: $0) }
        }
    }
}

extension AnswerValue {
    /// The ids of the choices a single or multiple choice answer chose (none for other answers).
    public var chosenChoices: [String] {
        switch self {
        case .singleChoice(let id): [id]
        case .multipleChoice(let ids): ids
        default: []
        }
    }

    /// Whether the answer says nothing: empty or blank text, no choice, no rows, no points.
    public var isBlank: Bool {
        switch self {
        case .shortText(let written), .longText(let written): written.text.allSatisfy(\.isWhitespace)
        case .singleChoice(let text), .date(let text):
            text.allSatisfy(\.isWhitespace)
        case .multipleChoice(let ids): ids.isEmpty
        case .table(let rows): rows.isEmpty
        case .indicatorSeries(let points): points.isEmpty
        case .link(.url(let url)), .link(.file(let url)): url.allSatisfy(\.isWhitespace)
        case .yesNo, .number, .progressAssessment: false
        }
    }
}
