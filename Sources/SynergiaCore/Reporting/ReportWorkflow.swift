import Foundation

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

/// The report workflow. Each step needs one action of the ``AuthorizationPolicy``, which alone
/// decides who may take it:
///
/// | step | action (who, by the policy) |
/// | --- | --- |
/// | draft → inReview | `editReport` (contributor of the Party, or focal point of the Party and convention): a request to publish |
/// | inReview → draft | `decidePublication` (publishing authority or focal point of the Party and convention): the request rejected, with a reason |
/// | inReview → approved | `decidePublication`: the request approved (refused once it expired, ``PublicationRequest``) |
/// | approved → submitted | `submitReport` |
/// | submitted → published | `publishReport` (secretariat of the convention) |
///
/// Nothing else. A submitted or published report is changed only through an amendment
/// (`amend`), a new draft version opened with `submitReport`.
public enum ReportWorkflow {
    /// The action a step needs, or nil when the workflow has no such step.
    public static func action(from: ReportStatus, to: ReportStatus, party: String, convention: String) -> Action? {
        switch (from, to) {
        case (.draft, .inReview): .editReport(party: party, convention: convention)
        case (.inReview, .draft), (.inReview, .approved): .decidePublication(party: party, convention: convention)
        case (.approved, .submitted): .submitReport(party: party, convention: convention)
        case (.submitted, .published): .publishReport(convention: convention)
        default: nil
        }
    }

    /// The new status, or why `actor` may not move the report of `party` (alpha-2) under
    /// `convention` (code) from `from` to `to`.
    public static func transition(from: ReportStatus, to: ReportStatus, by actor: Actor,
                                  party: String, convention: String) -> Result<ReportStatus, WorkflowRefusal> {
        guard let action = action(from: from, to: to, party: party, convention: convention) else {
            return .failure(.noSuchTransition(from: from, to: to))
        }
        if let refusal = refusal(actor, action, party: party, convention: convention) { return .failure(refusal) }
        return .success(to)
    }

    /// Nil when the policy permits `action`; else the reason to show, the most specific first.
    private static func refusal(_ actor: Actor, _ action: Action, party: String, convention: String) -> WorkflowRefusal? {
        if AuthorizationPolicy.permits(actor, action) { return nil }
        if let own = actor.party, own != party { return .otherParty }
        if let own = actor.convention, own != convention { return .otherConvention }
        return .roleNotAllowed(actor.role)
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
        if let refusal = refusal(actor, .submitReport(party: party, convention: convention), party: party, convention: convention) {
            return .failure(refusal)
        }
        return .success(ReportAmendment(status: .draft, version: version + 1))
    }
}

/// A request to publish a report (the report in review): who made it and when. It expires after
/// ``lifetime``: an expired request cannot be approved; its maker withdraws it and asks again,
/// or the authority rejects it. Its maker may withdraw it while it waits.
public enum PublicationRequest {
    /// Thirty days.
    public static let lifetime: Double = 30 * 24 * 60 * 60
    /// The most characters a rejection's reason may have.
    public static let maxReason = 2_000

    public static func expires(requestedAt: Date) -> Date { requestedAt.addingTimeInterval(lifetime) }

    public static func isExpired(requestedAt: Date?, now: Date) -> Bool {
        requestedAt.map { expires(requestedAt: $0) <= now } ?? false
    }

    /// A rejection's reason, trimmed; nil when it is empty or longer than ``maxReason``.
    public static func reason(_ text: String?) -> String? {
        let reason = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return reason.isEmpty || reason.count > maxReason ? nil : reason
    }
}

/// Whether a reporting cycle accepts new reports.
public enum CycleStatus: String, Codable, Sendable, CaseIterable {
    case open, closed
}
