/// Everything a person can try to do in Synergia, with the thing it is done to.
/// The ``AuthorizationPolicy`` decides each one.
public enum Action: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Read what is published: reference data, published reports, decisions, dashboards.
    case readPublic
    /// See one's own account page; change one's own password; sign out.
    case manageOwnAccount
    /// Create accounts and assign roles.
    case manageUsers
    /// Change reference data (conventions, frameworks, Parties, memberships).
    case editReferenceData
    /// Publish templates and open or close a convention's reporting cycles.
    case manageReportingCycles(convention: String)
    /// Start a Party's report to a convention and assign its sections.
    case startReport(party: String, convention: String)
    /// Answer questions in a Party's report (draft, comments).
    case editReport(party: String, convention: String)
    /// Read a Party's report before it is published.
    case readDraftReport(party: String, convention: String)
    /// Approve and submit a Party's report (focal point of that Party and convention).
    case submitReport(party: String, convention: String)
    /// Approve or reject (with a reason) a request to publish a Party's report: its publishing
    /// authority, or its focal point (a Party's authority when it has named no other).
    case decidePublication(party: String, convention: String)
    /// Publish a submitted report.
    case publishReport(convention: String)
    /// Edit links between targets of a convention's framework and others.
    case editCrosswalks(convention: String)
    /// Enter a Party's indicator data in its reports' drafts.
    case editIndicatorData(party: String)
    /// Publish a Party's indicator data at once (an import), outside a report.
    case publishIndicatorData(party: String)
    /// Write and change a Party's national targets while they are drafts, and read its drafts.
    case editNationalTargets(party: String)
    /// Publish a Party's national targets, and change them once published.
    case publishNationalTargets(party: String)
    /// State or change a Party's public assessment of a target of a convention's framework
    /// outside a report (a published report states its own).
    case recordAssessment(party: String, convention: String)
    /// Import decisions and follow up their action items.
    case trackDecisions(convention: String)
    /// Run a convention's meetings and workshops.
    case manageMeetings(convention: String)
    /// Post news and events of a convention to the common stream.
    case publishNews(convention: String)
    /// Nominate a candidate for the advisory group on behalf of a Party.
    case nominateCandidate(party: String)
    /// Select the advisory group's members under the regional balance rule.
    case selectAdvisoryGroup

    /// Which action this is, without its scope: one case per case of ``Action``, so a table that
    /// must decide every action can be checked for completeness.
    public enum Kind: String, CaseIterable, Sendable {
        case readPublic, manageOwnAccount, manageUsers, editReferenceData, manageReportingCycles, startReport, editReport
        case readDraftReport, submitReport, decidePublication, publishReport, editCrosswalks, editIndicatorData, publishIndicatorData, recordAssessment, trackDecisions
        case editNationalTargets, publishNationalTargets
        case manageMeetings, publishNews, nominateCandidate, selectAdvisoryGroup
    }

    public var kind: Kind {
        switch self {
        case .readPublic: .readPublic
        case .manageOwnAccount: .manageOwnAccount
        case .manageUsers: .manageUsers
        case .editReferenceData: .editReferenceData
        case .manageReportingCycles: .manageReportingCycles
        case .startReport: .startReport
        case .editReport: .editReport
        case .readDraftReport: .readDraftReport
        case .submitReport: .submitReport
        case .decidePublication: .decidePublication
        case .publishReport: .publishReport
        case .editCrosswalks: .editCrosswalks
        case .editIndicatorData: .editIndicatorData
        case .publishIndicatorData: .publishIndicatorData
        case .editNationalTargets: .editNationalTargets
        case .publishNationalTargets: .publishNationalTargets
        case .recordAssessment: .recordAssessment
        case .trackDecisions: .trackDecisions
        case .manageMeetings: .manageMeetings
        case .publishNews: .publishNews
        case .nominateCandidate: .nominateCandidate
        case .selectAdvisoryGroup: .selectAdvisoryGroup
        }
    }

    public var description: String {
        switch self {
        case .readPublic: "read-public"
        case .manageOwnAccount: "manage-own-account"
        case .manageUsers: "manage-users"
        case .editReferenceData: "edit-reference-data"
        case .manageReportingCycles(let c): "manage-reporting-cycles(\(c))"
        case .startReport(let p, let c): "start-report(\(p),\(c))"
        case .editReport(let p, let c): "edit-report(\(p),\(c))"
        case .readDraftReport(let p, let c): "read-draft-report(\(p),\(c))"
        case .submitReport(let p, let c): "submit-report(\(p),\(c))"
        case .decidePublication(let p, let c): "decide-publication(\(p),\(c))"
        case .publishReport(let c): "publish-report(\(c))"
        case .editCrosswalks(let c): "edit-crosswalks(\(c))"
        case .editIndicatorData(let p): "edit-indicator-data(\(p))"
        case .publishIndicatorData(let p): "publish-indicator-data(\(p))"
        case .editNationalTargets(let p): "edit-national-targets(\(p))"
        case .publishNationalTargets(let p): "publish-national-targets(\(p))"
        case .recordAssessment(let p, let c): "record-assessment(\(p),\(c))"
        case .trackDecisions(let c): "track-decisions(\(c))"
        case .manageMeetings(let c): "manage-meetings(\(c))"
        case .publishNews(let c): "publish-news(\(c))"
        case .nominateCandidate(let p): "nominate-candidate(\(p))"
        case .selectAdvisoryGroup: "select-advisory-group"
        }
    }
}
