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

    /// The catalog key of the role's name.
    public var catalogKey: String { "role.\(rawValue)" }

    /// Whether an account of this role must name a Party, a convention.
    public var needsParty: Bool { self == .focalPoint || self == .contributor }
    public var needsConvention: Bool { self == .focalPoint || self == .secretariat }
}
