/// A Party to the Convention on Biological Diversity: a State or the European Union.
public struct Party: Codable, Sendable, Equatable, Identifiable {
    /// ISO 3166-1 alpha-2 (`EU` for the European Union, an exceptionally reserved code).
    public var alpha2: String
    /// ISO 3166-1 alpha-3; unknown for the European Union, which has none.
    public var alpha3: Known<String>
    public var kind: Kind
    public var names: LocalizedText
    public var regionalGroup: RegionalGroup?
    /// Membership per convention code. A convention absent here is unknown.
    public var memberships: [String: MembershipStatus]

    public var id: String { alpha2 }

    public enum Kind: String, Codable, Sendable {
        case state
        /// A regional economic integration organization (the European Union).
        case reio
    }

    enum CodingKeys: String, CodingKey { case alpha2, alpha3, kind, names, regionalGroup, memberships }

    public init(alpha2: String, alpha3: Known<String>, kind: Kind, names: LocalizedText, regionalGroup: RegionalGroup?, memberships: [String: MembershipStatus]) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.kind = kind
        self.names = names
        self.regionalGroup = regionalGroup
        self.memberships = memberships
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        alpha2 = try container.decode(String.self, forKey: .alpha2)
        alpha3 = try container.decode(Known<String>.self, forKey: .alpha3)
        kind = try container.decode(Kind.self, forKey: .kind)
        names = try container.decode(LocalizedText.self, forKey: .names)
        let group = try container.decodeIfPresent(String.self, forKey: .regionalGroup)
        regionalGroup = group.flatMap(RegionalGroup.init(rawValue:))
        memberships = try container.decodeIfPresent([String: MembershipStatus].self, forKey: .memberships) ?? [:]
    }

    public func membership(in convention: String) -> MembershipStatus {
        memberships[convention] ?? .unknown
    }
}

/// Whether a Party is a Party to a convention, as far as the data knows.
public enum MembershipStatus: String, Codable, Sendable, CaseIterable {
    case party
    case nonParty = "non-party"
    case unknown
}

/// The five United Nations regional groups.
public enum RegionalGroup: String, Codable, Sendable, CaseIterable {
    case african = "african"
    case asiaPacific = "asia-pacific"
    case easternEuropean = "eastern-european"
    case latinAmericanCaribbean = "latin-american-caribbean"
    case westernEuropeanOthers = "western-european-others"

    /// The catalog key of the group's name.
    public var catalogKey: String { "region.\(rawValue)" }
}

/// The file `parties.json`.
public struct PartiesFile: Codable, Sendable {
    public var version: Int
    public var parties: [Party]
}
