/// Who is asking: the public, or a signed-in account with its role and scope.
public struct Actor: Sendable, Equatable, CustomStringConvertible {
    public var role: Role?
    /// The Party (alpha-2) a focal point or contributor acts for.
    public var party: String?
    /// The convention code a secretariat member or focal point acts for.
    public var convention: String?

    public init(role: Role?, party: String? = nil, convention: String? = nil) {
        self.role = role
        self.party = party
        self.convention = convention
    }

    public static let publicVisitor = Actor(role: nil)
    public static let administrator = Actor(role: .administrator)
    public static let bureau = Actor(role: .bureau)
    public static func secretariat(_ convention: String) -> Actor { Actor(role: .secretariat, convention: convention) }
    public static func focalPoint(_ party: String, _ convention: String) -> Actor { Actor(role: .focalPoint, party: party, convention: convention) }
    public static func contributor(_ party: String) -> Actor { Actor(role: .contributor, party: party) }
    public static func publishingAuthority(_ party: String, _ convention: String) -> Actor {
        Actor(role: .publishingAuthority, party: party, convention: convention)
    }

    public var isSignedIn: Bool { role != nil }

    public var description: String {
        guard let role else { return "public" }
        return [role.rawValue, party, convention].compactMap { $0 }.joined(separator: ":")
    }
}

/// Checks that an account's scope fits its role, so no account exists that the policy
/// cannot reason about (a focal point without a Party, say).
public enum AccountScope {
    public enum Problem: Error, Equatable, Sendable {
        case partyRequired, conventionRequired, partyNotAllowed, conventionNotAllowed
        /// The catalog key of the message shown next to the field.
        public var catalogKey: String {
            switch self {
            case .partyRequired: "error.party-required"
            case .conventionRequired: "error.convention-required"
            case .partyNotAllowed: "error.party-not-allowed"
            case .conventionNotAllowed: "error.convention-not-allowed"
            }
        }
    }

    public static func validate(role: Role, party: String?, convention: String?) -> [Problem] {
        var problems: [Problem] = []
        if role.needsParty, party == nil { problems.append(.partyRequired) }
        if !role.needsParty, party != nil { problems.append(.partyNotAllowed) }
        if role.needsConvention, convention == nil { problems.append(.conventionRequired) }
        if !role.needsConvention, convention != nil { problems.append(.conventionNotAllowed) }
        return problems
    }
}
