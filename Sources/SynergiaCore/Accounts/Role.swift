/// What a signed-in person is to Synergia. The public (not signed in) has no role.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Runs the platform: accounts and reference data.
    case administrator
    /// Staff of one convention's secretariat.
    case secretariat
    /// A member of a Bureau (selects the advisory group).
    case bureau
    /// National focal point of one Party for one convention.
    case focalPoint = "focal-point"
    /// Contributes to one Party's reports and data.
    case contributor
    /// Approves or rejects, for one Party and convention, the requests to publish its report that
    /// its drafting users make (the "national publishing authority" of the CBD's reporting tool).
    case publishingAuthority = "publishing-authority"

    /// The catalog key of the role's name.
    public var catalogKey: String { "role.\(rawValue)" }

    /// Whether an account of this role must name a Party, a convention.
    public var needsParty: Bool { self == .focalPoint || self == .contributor || self == .publishingAuthority }
    public var needsConvention: Bool { self == .focalPoint || self == .secretariat || self == .publishingAuthority }
}
