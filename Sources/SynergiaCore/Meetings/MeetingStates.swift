/// The typed states of meetings and their participants (stored as these raw values).

/// The kinds of meeting Synergia runs.
public enum MeetingKind: String, Codable, Sendable, CaseIterable {
    case cop, sbi, sbstta, bureau, workshop, webinar, other
}

/// Where a participant stands: invited by the secretariat, or registered.
public enum ParticipantStatus: String, Codable, Sendable, CaseIterable {
    case invited, registered
}

/// Who takes part in a meeting, as the decision lists them (¶7).
public enum ParticipantCategory: String, Codable, Sendable, CaseIterable {
    case partyDelegate = "party-delegate"
    case secretariat = "convention-secretariat"
    case observerOrganization = "observer-organization"
    case indigenousPeoplesLocalCommunities = "iplc"
    case expert
}
