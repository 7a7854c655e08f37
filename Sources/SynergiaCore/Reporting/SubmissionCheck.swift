/// What stops a report from being submitted: a required question without an answer, or an
/// answer that does not fit its question (saved before a rule was tightened, or brought in by a
/// package or an import). Checked in the transaction that submits.
public enum SubmissionProblem: Sendable, Equatable {
    case missing(question: String)
    case invalid(question: String, problem: AnswerProblem)
    /// A published national target the report states progress for has none assessed; `question`
    /// is the first question on a global target it answers for.
    case nationalTargetProgress(code: String, question: String)

    public var question: String {
        switch self {
        case .missing(let question), .invalid(let question, _), .nationalTargetProgress(_, let question): question
        }
    }

    /// The national target the problem is about, if any.
    public var nationalTarget: String? {
        if case .nationalTargetProgress(let code, _) = self { code } else { nil }
    }

    /// The catalog key of the message.
    public var catalogKey: String {
        switch self {
        case .missing: "error.submission.missing"
        case .invalid(_, let problem): problem.catalogKey
        case .nationalTargetProgress: "error.submission.national-target-progress"
        }
    }
}

/// Decides whether a report's answers make a complete, valid submission of its template.
public enum SubmissionCheck {
    /// Every problem, in the template's question order (empty: the report may be submitted). A
    /// question not asked (its `enabledWhen` fails) is neither required nor checked: its answer
    /// is left out of what is submitted (`ReportTemplate.askedAnswers`).
    ///
    /// `nationalTargets`: the Party's published national targets. In a section written per national
    /// target, those reporting on a global target answer for its questions, and each must have its
    /// progress assessed (a problem placed at the first question it answers for).
    public static func problems(template: ReportTemplate, answers: [String: AnswerValue],
                                nationalTargets: [NationalTargetCoverage]) -> [SubmissionProblem] {
        let disabled = template.notAsked(answers: answers, nationalTargets: nationalTargets)
        var unassessed: [String: [String]] = [:]
        for target in template.reportedNationalTargets(nationalTargets) where !target.assessed {
            let first = template.questions.first { question in
                question.target.map(target.targets.contains) == true && template.section(of: question.id)?.byNationalTarget == true
            }
            if let first { unassessed[first.id, default: []].append(target.code) }
        }
        return template.questions.flatMap { question -> [SubmissionProblem] in
            let progress = (unassessed[question.id] ?? []).map { SubmissionProblem.nationalTargetProgress(code: $0, question: question.id) }
            guard !disabled.contains(question.id) else { return progress }
            guard let value = answers[question.id], !value.isBlank else {
                return question.required ? [.missing(question: question.id)] + progress : progress
            }
            return AnswerValidation.validate(value, for: question).map { [.invalid(question: question.id, problem: $0)] + progress } ?? progress
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
