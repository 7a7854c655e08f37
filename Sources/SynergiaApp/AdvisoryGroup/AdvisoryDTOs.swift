import Foundation
import SynergiaCore
import Vapor

/// A call for nominations.
public struct AdvisoryCallDTO: Content, Equatable {
    public var id: UUID
    public var title: String
    public var mandate: String
    public var deadline: Date
    public var closed: Bool

    init(_ row: AdvisoryCallModel) {
        id = row.id!; title = row.title; mandate = row.mandate; deadline = row.deadline; closed = row.closed
    }
}

/// A call with its nominations, the regional balance of the selection, and its observers.
public struct AdvisoryCallDetailDTO: Content {
    public var call: AdvisoryCallDTO
    /// Per regional group: members selected and still missing (two are needed from each).
    public var balance: [RegionBalance]
    /// Exactly two members from each of the five regional groups.
    public var complete: Bool
    public var nominations: [Nomination]
    /// Invited from the Liaison Group; not members.
    public var observers: [Observer]

    public struct RegionBalance: Content, Equatable { public var regionalGroup: String; public var selected: Int; public var missing: Int }
    public struct Nomination: Content, Equatable {
        public var id: UUID; public var party: String; public var regionalGroup: String?
        /// For the Bureau and the nominating Party; for everyone once selected.
        public var candidateName: String?
        public var expertise: String; public var languages: [String]
        /// For the Bureau and the nominating Party only.
        public var cv: String?
        public var status: NominationStatus
    }
    public struct Observer: Content, Equatable { public var organization: String; public var person: String? }
}
