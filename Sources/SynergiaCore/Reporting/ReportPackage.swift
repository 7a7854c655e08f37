import Foundation

/// A report exported for offline work: answers with the version each was at when exported.
///
/// JSON form (`jsonData()` / `parseJSON`):
/// `{"template": "cbd-7nr", "templateVersion": 1, "party": "FR", "convention": "CBD",
///   "exportedAt": "2026-11-25T13:40:00.000Z", "answers": {"cbd-7nr.s1.q1": {"value": {...}, "version": 3}}}`
/// CSV form: see `ReportPackage.csv(template:)`.
public struct ReportPackage: Codable, Sendable, Equatable {
    public var template: String
    public var templateVersion: Int
    /// Party alpha-2 code.
    public var party: String
    public var convention: String
    public var exportedAt: Date
    /// Keyed by question id. An answer not yet saved online has version 0.
    public var answers: [String: PackageAnswer]

    public init(template: String, templateVersion: Int, party: String, convention: String, exportedAt: Date,
                answers: [String: PackageAnswer]) {
        self.template = template
        self.templateVersion = templateVersion
        self.party = party
        self.convention = convention
        self.exportedAt = exportedAt
        self.answers = answers
    }

    /// The package for the current answers of a report.
    public static func export(template: ReportTemplate, party: String, exportedAt: Date,
                              current: [String: AnswerRevision]) -> ReportPackage {
        ReportPackage(template: template.id, templateVersion: template.version, party: party,
                      convention: template.convention, exportedAt: exportedAt,
                      answers: current.mapValues { PackageAnswer(value: $0.value, version: $0.version) })
    }

    /// The JSON form, keys sorted and indented so it diffs well by hand.
    public func jsonData() throws -> Data { try PackageJSON.encode(self) }
}

/// How offline packages are written as JSON: keys sorted, indented, slashes as they are (easy to
/// read and to diff by hand), times as canonical UTC timestamps with milliseconds.
public enum PackageJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(CanonicalJSON.timestamp(date))
        }
        return try encoder.encode(value)
    }
}

/// One answer in a package: the value and the online version it was based on.
public struct PackageAnswer: Codable, Sendable, Equatable {
    public var value: AnswerValue
    public var version: Int
    public init(value: AnswerValue, version: Int) {
        self.value = value
        self.version = version
    }
}

/// What the package is expected to be for: checked when it is read back.
public struct PackageExpectation: Sendable {
    public var template: ReportTemplate
    /// The Party of the report it is uploaded to.
    public var party: String
    public init(template: ReportTemplate, party: String) {
        self.template = template
        self.party = party
    }
}

/// The result of reading a package: the package, or every problem found.
public enum PackageReading: Sendable, Equatable {
    case package(ReportPackage)
    case problems([PackageProblem])

    /// The package, when there were no problems.
    public var package: ReportPackage? {
        if case .package(let package) = self { return package }
        return nil
    }

    /// The problems (empty when the package was read).
    public var problems: [PackageProblem] {
        if case .problems(let problems) = self { return problems }
        return []
    }
}
