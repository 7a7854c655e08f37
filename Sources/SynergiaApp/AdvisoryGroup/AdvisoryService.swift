import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Calls, nominations and the Bureau's selection under the regional balance rule. Every write is
/// one transaction that locks the call first, so nominations and selections for a call take
/// turns and the rule (two members per regional group) holds however many Bureau members select
/// at once. Every refusal changes nothing and names its reason (a catalog key).
public enum AdvisoryService {
    /// A national focal point nominates a candidate of their own Party.
    @discardableResult
    public static func nominate(call callID: UUID, by user: UserModel, candidateName: String, expertise: String,
                                languages: String, cv: String, now: Date = Date(), on db: any Database) async throws -> NominationModel {
        let name = String(candidateName.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        guard !name.isEmpty else { throw Refusal("error.advisory.name-required") }
        return try await db.write { tx in
            let call = try await lockedCall(callID, in: tx)
            let party = user.partyCode ?? ""
            try Authorize.require(user.actor, .nominateCandidate(party: party))
            if let refusal = AdvisoryGroupRules.checkNomination(
                nominatorParty: user.partyCode, nominatorIsFocalPoint: user.role == .focalPoint, candidateParty: party,
                deadline: call.deadline, now: now, callClosed: call.closed) {
                throw Refusal(refusal.catalogKey)
            }
            let nomination = NominationModel()
            nomination.$call.id = callID
            nomination.partyCode = party
            nomination.candidateName = name
            nomination.expertise = String(expertise.prefix(2_000))
            nomination.languages = String(languages.prefix(200))
            nomination.cv = String(cv.prefix(50_000))
            nomination.$nominatedBy.id = try user.requireID()
            nomination.status = .nominated
            try await nomination.create(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "nomination.made", subject: .nomination(try nomination.requireID()),
                                      after: "\(party) \(call.title)")
            for bureau in try await UserModel.query(on: tx.db).filter(\.$role == .bureau).all() {
                let language = MailText.language(of: bureau)
                let mail = MailText("nomination-received", ["candidate": nomination.candidateName, "call": call.title,
                                                            "party": try await MailText.party(party, in: language, on: tx.db),
                                                            "expertise": nomination.expertise, "languages": nomination.languages], in: language)
                try await NotificationDelivery.enqueue(kind: .nominationReceived, to: bureau.email, subject: mail.subject, body: mail.body,
                                                       causedBy: user.email, on: tx.db)
            }
            return nomination
        }
    }

    /// A Bureau member selects a nominee; refused when the region has its two members already.
    public static func select(_ nominationID: UUID, call callID: UUID, by user: UserModel, now: Date = Date(), on db: any Database) async throws {
        try Authorize.require(user.actor, .selectAdvisoryGroup)
        try await db.write { tx in
            let call = try await lockedCall(callID, in: tx)
            if call.closed { throw Refusal("error.advisory.call-closed") }
            let candidates = try await candidates(of: call, on: tx.db)
            guard let nomination = try await NominationModel.query(on: tx.db).filter(\.$id == nominationID).filter(\.$call.$id == callID).first(),
                  let candidate = candidates.first(where: { $0.candidate.id == nominationID.uuidString })?.candidate else {
                throw Abort(.notFound)
            }
            guard nomination.status == .nominated else { throw Refusal("error.advisory.already-selected") }
            if let refusal = AdvisoryGroupRules.checkSelection(of: candidate, alreadySelected: candidates.filter(\.selected).map(\.candidate)) {
                throw Refusal(refusal.catalogKey)
            }
            nomination.status = .selected
            nomination.$selectedBy.id = try user.requireID()
            nomination.selectedAt = now
            try await nomination.update(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "nomination.selected", subject: .nomination(nominationID))
            let nominator = try await nomination.$nominatedBy.get(on: tx.db)
            let language = MailText.language(of: nominator)
            let mail = MailText("selection-made", ["candidate": nomination.candidateName, "call": call.title,
                                                   "party": try await MailText.party(nomination.partyCode, in: language, on: tx.db)], in: language)
            try await NotificationDelivery.enqueue(kind: .selectionMade, to: nominator.email, subject: mail.subject, body: mail.body,
                                                   causedBy: user.email, on: tx.db)
        }
    }

    /// The Bureau opens a call for nominations.
    public static func createCall(title: String, mandate: String, deadline: Date, by user: UserModel, on db: any Database) async throws -> AdvisoryCallModel {
        try Authorize.require(user.actor, .selectAdvisoryGroup)
        let call = AdvisoryCallModel()
        call.title = String(title.prefix(300))
        call.mandate = String(mandate.prefix(300))
        call.deadline = deadline
        call.closed = false
        try await db.write { tx in
            try await call.createInWrite(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "advisory-call.opened", subject: .other("advisory-call/\(try call.requireID())"))
        }
        return call
    }

    /// The Bureau invites an observer from the Liaison Group.
    public static func addObserver(call callID: UUID, organization: String, person: String?, by user: UserModel, on db: any Database) async throws {
        try Authorize.require(user.actor, .selectAdvisoryGroup)
        try await db.write { tx in
            let call = try await lockedCall(callID, in: tx)
            if call.closed { throw Refusal("error.advisory.call-closed") }
            let observer = AdvisoryObserverModel()
            observer.$call.id = callID
            observer.organization = String(organization.prefix(300))
            observer.person = person.map { String($0.prefix(200)) }
            try await observer.create(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "advisory-observer.added", subject: .other("advisory-call/\(callID)"),
                                      after: observer.organization)
        }
    }

    /// The Bureau closes the call: its selection is final.
    public static func close(call callID: UUID, by user: UserModel, on db: any Database) async throws {
        try Authorize.require(user.actor, .selectAdvisoryGroup)
        try await db.write { tx in
            let call = try await lockedCall(callID, in: tx)
            guard !call.closed else { return }
            call.closed = true
            try await call.update(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "advisory-call.closed", subject: .other("advisory-call/\(callID)"))
        }
    }

    static func lockedCall(_ id: UUID, in tx: WriteContext) async throws -> AdvisoryCallModel {
        try await tx.lock(AdvisoryCallModel.schema, where: "id", equals: id)
        guard let call = try await AdvisoryCallModel.find(id, on: tx.db) else { throw Abort(.notFound) }
        return call
    }

    /// Every nomination of a call as the rules see it, with its regional group.
    static func candidates(of call: AdvisoryCallModel, on db: any Database) async throws -> [(candidate: AdvisoryCandidate, selected: Bool)] {
        let nominations = try await NominationModel.query(on: db).filter(\.$call.$id == call.requireID()).all()
        let codes = Set(nominations.map(\.partyCode))
        let parties = try await PartyModel.query(on: db).filter(\.$alpha2 ~~ Array(codes)).all()
        let regions = Dictionary(uniqueKeysWithValues: parties.map { ($0.alpha2, $0.regionalGroup.flatMap(RegionalGroup.init(rawValue:))) })
        return nominations.map { nomination in
            (AdvisoryCandidate(id: nomination.id!.uuidString, party: nomination.partyCode, region: regions[nomination.partyCode] ?? nil),
             nomination.status == .selected)
        }
    }
}
