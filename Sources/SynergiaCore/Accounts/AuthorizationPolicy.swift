/// The one place that answers "may this person do this?" for every action in Synergia.
///
/// Routes ask it and nothing else; its table of decisions is tested pair by pair.
public enum AuthorizationPolicy {
    public static func permits(_ actor: Actor, _ action: Action) -> Bool {
        guard let role = actor.role else {
            return action == .readPublic
        }
        switch action {
        case .readPublic, .manageOwnAccount:
            return true
        case .manageUsers, .editReferenceData:
            return role == .administrator
        case .manageReportingCycles(let convention), .publishReport(let convention),
             .editCrosswalks(let convention), .trackDecisions(let convention), .manageMeetings(let convention),
             .publishNews(let convention):
            return role == .secretariat && actor.convention == convention
        case .startReport(let party, let convention), .submitReport(let party, let convention),
             .recordAssessment(let party, let convention):
            return role == .focalPoint && actor.party == party && actor.convention == convention
        case .editReport(let party, let convention):
            return isFocalPoint(actor, party, convention) || isContributor(actor, party)
        case .readDraftReport(let party, let convention):
            return isFocalPoint(actor, party, convention) || isContributor(actor, party) || isPublishingAuthority(actor, party, convention)
                || (role == .secretariat && actor.convention == convention)
        case .decidePublication(let party, let convention):
            return isFocalPoint(actor, party, convention) || isPublishingAuthority(actor, party, convention)
        case .editIndicatorData(let party):
            return (role == .focalPoint || role == .contributor) && actor.party == party
        case .editNationalTargets(let party):
            return (role == .focalPoint || role == .contributor || role == .publishingAuthority) && actor.party == party
        case .publishNationalTargets(let party):
            return (role == .focalPoint || role == .publishingAuthority) && actor.party == party
        case .nominateCandidate(let party), .publishIndicatorData(let party):
            return role == .focalPoint && actor.party == party
        case .selectAdvisoryGroup:
            return role == .bureau
        }
    }

    private static func isFocalPoint(_ actor: Actor, _ party: String, _ convention: String) -> Bool {
        actor.role == .focalPoint && actor.party == party && actor.convention == convention
    }

    private static func isPublishingAuthority(_ actor: Actor, _ party: String, _ convention: String) -> Bool {
        actor.role == .publishingAuthority && actor.party == party && actor.convention == convention
    }

    private static func isContributor(_ actor: Actor, _ party: String) -> Bool {
        actor.role == .contributor && actor.party == party
    }
}
