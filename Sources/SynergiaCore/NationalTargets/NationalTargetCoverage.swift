/// A published national target as a report's check sees it: the framework targets it reports on
/// and whether the Party has assessed its progress. In a section written per national target
/// (``TemplateSection/byNationalTarget``) it answers for the questions on those targets.
public struct NationalTargetCoverage: Sendable, Equatable {
    public var code: String
    /// Its GBF alignments and the other frameworks' targets the Party confirmed.
    public var targets: [TargetReference]
    /// Whether its progress is assessed (a rating): what the report states for it.
    public var assessed: Bool

    public init(code: String, targets: [TargetReference], assessed: Bool) {
        self.code = code
        self.targets = targets
        self.assessed = assessed
    }

    public init(code: String, _ content: NationalTargetContent) {
        self.init(code: code, targets: content.servedTargets, assessed: content.progress != nil)
    }
}

extension TemplateSection {
    /// The questions of `section` that `nationalTargets` answer for: in a section written per
    /// national target, those on a target one of them reports on (none in another section).
    public static func answered(_ section: TemplateSection, byNationalTargets nationalTargets: [NationalTargetCoverage]) -> Set<String> {
        guard section.byNationalTarget == true else { return [] }
        let reported = Set(nationalTargets.flatMap(\.targets))
        return Set(section.questions.filter { $0.target.map(reported.contains) ?? false }.map(\.id))
    }
}

extension ReportTemplate {
    /// The questions the national targets answer for: in a section written per national target,
    /// those on a global target that one of `nationalTargets` reports on. They are not asked (nor
    /// required, nor submitted); each such national target's progress is, once, on the target.
    public func answeredByNationalTargets(_ nationalTargets: [NationalTargetCoverage]) -> Set<String> {
        sections.reduce(into: Set<String>()) { $0.formUnion(TemplateSection.answered($1, byNationalTargets: nationalTargets)) }
    }

    /// The targets asked about in the sections written per national target.
    public var targetsByNationalTarget: Set<TargetReference> {
        Set(sections.filter { $0.byNationalTarget == true }.flatMap(\.questions).compactMap(\.target))
    }

    /// Those of `nationalTargets` the report states progress for: the ones reporting on a target
    /// of a section written per national target, in their order.
    public func reportedNationalTargets(_ nationalTargets: [NationalTargetCoverage]) -> [NationalTargetCoverage] {
        let asked = targetsByNationalTarget
        return nationalTargets.filter { $0.targets.contains(where: asked.contains) }
    }

    /// The questions not asked: those no earlier answer enables, and those the national targets answer for.
    public func notAsked(answers: [String: AnswerValue], nationalTargets: [NationalTargetCoverage]) -> Set<String> {
        disabledQuestions(answers: answers, covered: answeredByNationalTargets(nationalTargets))
    }
}

extension ProgressRating {
    /// What several national targets reporting on one global target say of it together: the least
    /// advanced of their assessed ratings (a Party on track with one national target and moving away
    /// with another is not on track for the global target); `unknown` only when none is known; nil
    /// when none is assessed.
    public static func combined(_ ratings: [ProgressRating]) -> ProgressRating? {
        let known = ratings.filter { $0 != .unknown }
        guard !known.isEmpty else { return ratings.isEmpty ? nil : .unknown }
        return known.max { allCases.firstIndex(of: $0)! < allCases.firstIndex(of: $1)! }
    }
}
