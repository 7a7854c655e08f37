import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Calls, nominations and the Bureau's selection under the regional balance rule.
/// Every refusal changes nothing and names its reason (a catalog key).
public enum AdvisoryService {
    /// A national focal point nominates a candidate of their own Party.
    @discardableResult
    public static func nominate(call: AdvisoryCallModel, by user: UserModel, candidateName: String, expertise: String,
                                languages: String, cv: String, now: Date = Date(), on db: any Database) async throws -> NominationModel {
        let party = user.partyCode ?? ""
        if let refusal = AdvisoryGroupRules.checkNomination(
            nominatorParty: user.partyCode, nominatorIsFocalPoint: user.role == .focalPoint, candidateParty: party,
            deadline: call.deadline, now: now, callClosed: call.closed) {
            throw Refusal(refusal.catalogKey)
        }
        guard !candidateName.trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal("error.advisory.name-required") }
        let nomination = NominationModel()
        nomination.$call.id = try call.requireID()
        nomination.partyCode = party
        nomination.candidateName = candidateName.trimmingCharacters(in: .whitespaces)
        nomination.expertise = expertise
        nomination.languages = languages
        nomination.cv = cv
        nomination.$nominatedBy.id = try user.requireID()
        nomination.status = "nominated"
        try await db.transaction { db in
            try await nomination.create(on: db)
            for bureau in try await UserModel.query(on: db).filter(\.$role == .bureau).all() {
                try await NotificationDelivery.enqueue(
                    kind: "nomination-received", to: bureau.email,
                    subject: "Nomination received: \(nomination.candidateName) (\(party))",
                    body: "\(party) nominated \(nomination.candidateName) to \(call.title).\nExpertise: \(expertise)\nLanguages: \(languages)\n",
                    on: db)
            }
        }
        return nomination
    }

    /// A Bureau member selects a nominee; refused when the region has its two members already.
    public static func select(_ nomination: NominationModel, by user: UserModel, now: Date = Date(), on db: any Database) async throws {
        guard user.role == .bureau else { throw Refusal("error.forbidden") }
        let call = try await nomination.$call.get(on: db)
        if call.closed { throw Refusal("error.advisory.call-closed") }
        let candidates = try await candidates(of: call, on: db)
        let selected = candidates.filter { $0.selected }.map(\.candidate)
        guard let candidate = candidates.first(where: { $0.candidate.id == nomination.id?.uuidString })?.candidate else {
            throw Abort(.notFound)
        }
        if let refusal = AdvisoryGroupRules.checkSelection(of: candidate, alreadySelected: selected) {
            throw Refusal(refusal.catalogKey)
        }
        nomination.status = "selected"
        nomination.$selectedBy.id = try user.requireID()
        nomination.selectedAt = now
        try await db.transaction { db in
            try await nomination.update(on: db)
            let nominator = try await nomination.$nominatedBy.get(on: db)
            try await NotificationDelivery.enqueue(
                kind: "selection-made", to: nominator.email,
                subject: "Selected for the advisory group: \(nomination.candidateName)",
                body: "The Bureau selected \(nomination.candidateName) (\(nomination.partyCode)) for \(call.title).\n", on: db)
        }
    }

    /// Every nomination of a call as the rules see it, with its regional group.
    static func candidates(of call: AdvisoryCallModel, on db: any Database) async throws -> [(candidate: AdvisoryCandidate, selected: Bool)] {
        let nominations = try await NominationModel.query(on: db).filter(\.$call.$id == call.requireID()).all()
        let codes = Set(nominations.map(\.partyCode))
        let parties = try await PartyModel.query(on: db).filter(\.$alpha2 ~~ Array(codes)).all()
        let regions = Dictionary(uniqueKeysWithValues: parties.map { ($0.alpha2, $0.regionalGroup.flatMap(RegionalGroup.init(rawValue:))) })
        return nominations.map { nomination in
            (AdvisoryCandidate(id: nomination.id!.uuidString, party: nomination.partyCode, region: regions[nomination.partyCode] ?? nil),
             nomination.status == "selected")
        }
    }
}
