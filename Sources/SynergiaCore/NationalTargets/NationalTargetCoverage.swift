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

extension ReportTemplate {
    /// The questions the national targets answer for: in a section written per national target,
    /// those on a global target that one of `nationalTargets` reports on. They are not asked (nor
    /// required, nor submitted); each such national target's progress is, once, on the target.
    public func answeredByNationalTargets(_ nationalTargets: [NationalTargetCoverage]) -> Set<String> {
        let reported = Set(nationalTargets.flatMap(\.targets))
        guard !reported.isEmpty else { return [] }
        return Set(sections.filter { $0.byNationalTarget == true }.flatMap(\.questions)
            .filter { $0.target.map(reported.contains) ?? false }.map(\.id))
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
