import SynergiaCore
import Vapor

/// A convention as the API returns it and its pages show it.
public struct ConventionDTO: Content, Equatable {
    public var code: String
    public var shortName: String
    public var names: [String: String]
    public var governingBody: [String: String]
    /// `null` where the data says the fact is unknown.
    public var secretariatHost: String?
    public var administeredBy: String?
    public var entryIntoForce: Int?
    public var website: String?

    init(_ row: ConventionModel) {
        code = row.code
        shortName = row.shortName
        names = row.names
        governingBody = row.governingBody
        secretariatHost = row.secretariatHost
        administeredBy = row.administeredBy
        entryIntoForce = row.entryIntoForce
        website = row.website
    }
}

/// One convention with what hangs from it.
public struct ConventionDetailDTO: Content {
    public var convention: ConventionDTO
    public var frameworks: [FrameworkSummaryDTO]
    /// How many Parties the data records as Parties to it, and how many it does not know about.
    public var partyCount: Int
    public var unknownMembershipCount: Int
}

/// A framework without its goals and targets.
public struct FrameworkSummaryDTO: Content, Equatable {
    public var code: String
    public var convention: String
    public var names: [String: String]
    public var periodFrom: Int?
    public var periodTo: Int?
    public var adoptedBy: String?
    public var goalCount: Int
    public var targetCount: Int
}

/// A framework with its goals and the targets under each.
public struct FrameworkDTO: Content {
    public var framework: FrameworkSummaryDTO
    public var goals: [GoalDTO]

    public struct GoalDTO: Content {
        public var code: String
        public var title: [String: String]
        public var targets: [TargetDTO]
    }

    public struct TargetDTO: Content {
        public var code: String
        public var title: [String: String]
        public var text: [String: String]?
    }
}

/// A Party with its codes, names, regional group and memberships.
public struct PartyDTO: Content, Equatable {
    public var alpha2: String
    public var alpha3: String?
    public var kind: Party.Kind
    public var names: [String: String]
    /// `null` for the European Union, which belongs to no UN regional group.
    public var regionalGroup: String?
    /// Convention code → `party`, `non-party` or `unknown`.
    public var memberships: [String: MembershipStatus]

    init(alpha2: String, alpha3: String?, kind: Party.Kind, names: [String: String], regionalGroup: String?,
         memberships: [String: MembershipStatus]) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.kind = kind
        self.names = names
        self.regionalGroup = regionalGroup
        self.memberships = memberships
    }

    public func membership(in convention: String) -> MembershipStatus {
        memberships[convention] ?? .unknown
    }
}

/// The Parties page and its API twin: the filter and what matches it.
public struct PartyListDTO: Content {
    public var regionalGroup: String?
    public var convention: String?
    public var count: Int
    public var parties: [PartyDTO]
}
