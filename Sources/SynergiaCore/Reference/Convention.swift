/// One of the biodiversity-related conventions (a member of the Liaison Group of
/// Biodiversity-related Conventions), as shipped in `Resources/Reference/conventions.json`.
public struct Convention: Codable, Sendable, Equatable, Identifiable {
    /// Stable code: `CBD`, `CITES`, `CMS`, `RAMSAR`, `WHC`, `ITPGRFA`, `IPPC`, `IWC`.
    public var code: String
    public var names: LocalizedText
    public var shortName: String
    public var secretariatHost: Known<String>
    public var secretariatAdministeredBy: Known<String>?
    public var governingBody: LocalizedText
    public var entryIntoForce: Known<Int>
    public var website: Known<String>

    public var id: String { code }
}

/// The file `conventions.json`.
public struct ConventionsFile: Codable, Sendable {
    public var version: Int
    public var conventions: [Convention]
}
