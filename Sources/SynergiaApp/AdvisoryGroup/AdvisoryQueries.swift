import Fluent
import Foundation
import SynergiaCore
import Vapor

/// What the advisory-group pages read: the calls, and one call with its nominations, the
/// regional balance of the selection, and its observers.
enum AdvisoryQueries {
    /// Every call, latest deadline first.
    static func calls(on db: any Database) async throws -> [AdvisoryCallDTO] {
        try await AdvisoryCallModel.query(on: db).sort(\.$deadline, .descending).all().map(AdvisoryCallDTO.init)
    }

    /// A call as `actor` may see it (404 when there is none). A nominee's CV is for the Bureau
    /// (and the Party that nominated them); the public sees the names of selected members only.
    static func detail(_ id: UUID, actor: Actor, on db: any Database) async throws -> AdvisoryCallDetailDTO {
        guard let call = try await AdvisoryCallModel.find(id, on: db) else { throw Abort(.notFound) }
        let nominations = try await NominationModel.query(on: db).filter(\.$call.$id == call.requireID()).sort(\.$createdAt).all()
        let candidates = try await AdvisoryService.candidates(of: call, on: db)
        let balance = AdvisoryGroupRules.balance(of: candidates.filter(\.selected).map(\.candidate))
        let regionOf = Dictionary(uniqueKeysWithValues: candidates.map { ($0.candidate.id, $0.candidate.region?.rawValue) })
        let observers = try await AdvisoryObserverModel.query(on: db).filter(\.$call.$id == call.requireID()).all()
        let bureau = AuthorizationPolicy.permits(actor, .selectAdvisoryGroup)
        func nominatedByReader(_ nomination: NominationModel) -> Bool {
            AuthorizationPolicy.permits(actor, .nominateCandidate(party: nomination.partyCode))
        }
        return AdvisoryCallDetailDTO(
            call: AdvisoryCallDTO(call),
            balance: RegionalGroup.allCases.map { region in
                .init(regionalGroup: region.rawValue, selected: balance.region(region).selected, missing: balance.region(region).missing)
            },
            complete: balance.isComplete,
            nominations: nominations.map { nomination in
                .init(id: nomination.id!, party: nomination.partyCode, regionalGroup: regionOf[nomination.id!.uuidString] ?? nil,
                      candidateName: bureau || nominatedByReader(nomination) || nomination.status == .selected ? nomination.candidateName : nil,
                      expertise: bureau || nominatedByReader(nomination) || nomination.status == .selected ? nomination.expertise : "",
                      languages: nomination.languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                      cv: bureau || nominatedByReader(nomination) ? nomination.cv : nil, status: nomination.status)
            },
            observers: observers.map { .init(organization: $0.organization, person: $0.person) })
    }
}
