import Foundation

/// All reference data shipped with Synergia: conventions, frameworks and Parties,
/// each from its versioned file in `Resources/Reference`.
public struct ReferenceData: Sendable {
    public var conventionsVersion: Int
    public var conventions: [Convention]
    public var frameworksVersion: Int
    public var frameworks: [Framework]
    public var partiesVersion: Int
    public var parties: [Party]

    public init(conventions: ConventionsFile, frameworks: FrameworksFile, parties: PartiesFile) {
        conventionsVersion = conventions.version
        self.conventions = conventions.conventions
        frameworksVersion = frameworks.version
        self.frameworks = frameworks.frameworks
        partiesVersion = parties.version
        self.parties = parties.parties
    }

    /// Reads the three files from the package's resources.
    public static func load() throws -> ReferenceData {
        try ReferenceData(
            conventions: decode(ConventionsFile.self, file: "conventions"),
            frameworks: decode(FrameworksFile.self, file: "frameworks"),
            parties: decode(PartiesFile.self, file: "parties")
        )
    }

    /// Decodes one shipped reference file, naming the file and the failure when it cannot.
    public static func decode<T: Decodable>(_ type: T.Type, file: String) throws -> T {
        guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Resources/Reference") else {
            throw ResourceError(file: "Reference/\(file).json", reason: "not in the package's resources")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw ResourceError(file: "Reference/\(file).json", reason: "\(error)")
        }
    }
}
