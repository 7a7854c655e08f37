/// Where a national report stands. `submitted` and `published` reports are locked.
public enum ReportStatus: String, Codable, Sendable, CaseIterable {
    case draft
    case inReview = "in-review"
    case approved, submitted, published

    /// A submitted or published report cannot be edited; changes go into an amendment.
    public var isLocked: Bool { self == .submitted || self == .published }
}

/// Why a status change (or amendment) was refused.
public enum WorkflowRefusal: Error, Sendable, Equatable {
    /// The workflow has no such step (e.g. draft → submitted, or any change of a locked report).
    case noSuchTransition(from: ReportStatus, to: ReportStatus)
    /// The actor's role may not take this step.
    case roleNotAllowed(Role?)
    /// The actor acts for another Party.
    case otherParty
    /// The actor acts for another convention.
    case otherConvention

    public var catalogKey: String {
        switch self {
        case .noSuchTransition: "error.workflow.no-such-transition"
        case .roleNotAllowed: "error.workflow.role-not-allowed"
        case .otherParty: "error.workflow.other-party"
        case .otherConvention: "error.workflow.other-convention"
        }
    }
}

/// A new draft version opened on a submitted or published report.
public struct ReportAmendment: Sendable, Equatable {
    public var status: ReportStatus
    public var version: Int
}

/// The report workflow:
///
/// | step | who |
/// | --- | --- |
/// | draft → inReview | contributor of the Party, or focal point of the Party and convention |
/// | inReview → draft | focal point of the Party and convention |
/// | inReview → approved | focal point of the Party and convention |
/// | approved → submitted | focal point of the Party and convention |
/// | submitted → published | secretariat of the convention |
///
/// Nothing else, including by administrators. A submitted or published report is changed
/// only through an amendment (`amend`), a new draft version made by the focal point.
public enum ReportWorkflow {
    private enum Who { case preparers, focalPoint, secretariat }

    private static func step(_ from: ReportStatus, _ to: ReportStatus) -> Who? {
        switch (from, to) {
        case (.draft, .inReview): .preparers
        case (.inReview, .draft), (.inReview, .approved), (.approved, .submitted): .focalPoint
        case (.submitted, .published): .secretariat
        default: nil
        }
    }

    /// The new status, or why `actor` may not move the report of `party` (alpha-2) under
    /// `convention` (code) from `from` to `to`.
    public static func transition(from: ReportStatus, to: ReportStatus, by actor: Actor,
                                  party: String, convention: String) -> Result<ReportStatus, WorkflowRefusal> {
        guard let who = step(from, to) else { return .failure(.noSuchTransition(from: from, to: to)) }
        if let refusal = check(who, actor: actor, party: party, convention: convention) { return .failure(refusal) }
        return .success(to)
    }

    private static func check(_ who: Who, actor: Actor, party: String, convention: String) -> WorkflowRefusal? {
        switch (who, actor.role) {
        case (.preparers, .contributor?):
            return actor.party == party ? nil : .otherParty
        case (.preparers, .focalPoint?), (.focalPoint, .focalPoint?):
            if actor.party != party { return .otherParty }
            return actor.convention == convention ? nil : .otherConvention
        case (.secretariat, .secretariat?):
            return actor.convention == convention ? nil : .otherConvention
        default:
            return .roleNotAllowed(actor.role)
        }
    }

    /// Whether the report is locked (submitted or published).
    public static func isLocked(_ status: ReportStatus) -> Bool { status.isLocked }

    /// Whether `actor` may open an amendment: the report is submitted or published and the
    /// actor is its focal point (same Party and convention).
    public static func canAmend(_ status: ReportStatus, by actor: Actor, party: String, convention: String) -> Bool {
        if case .success = amend(status, version: 1, by: actor, party: party, convention: convention) { return true }
        return false
    }

    /// Opens an amendment of report `version`: a new draft numbered `version + 1`. The
    /// submitted version stays as it was (with its receipt).
    public static func amend(_ status: ReportStatus, version: Int, by actor: Actor,
                             party: String, convention: String) -> Result<ReportAmendment, WorkflowRefusal> {
        guard status.isLocked else { return .failure(.noSuchTransition(from: status, to: .draft)) }
        if let refusal = check(.focalPoint, actor: actor, party: party, convention: convention) { return .failure(refusal) }
        return .success(ReportAmendment(status: .draft, version: version + 1))
    }
}
