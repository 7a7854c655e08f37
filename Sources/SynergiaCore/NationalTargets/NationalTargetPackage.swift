import Foundation

/// A Party's national targets exported for offline work: each with the version it was at when
/// exported (0: a target the package adds), to be edited by hand or by a script and uploaded back.
///
/// `{"format": "synergia-national-targets", "party": "KE", "exportedAt": "2026-11-28T10:00:00.000Z",
///   "targets": [{"code": "T3", "version": 2, "status": "published", "title": "…", "alignments": [{"target": "3", "degree": "high", "elements": "…"}], …}]}`
public struct NationalTargetPackage: Codable, Sendable, Equatable {
    public static let formatName = "synergia-national-targets"
    /// Most targets one package may hold.
    public static let maxTargets = 500

    public var format: String
    /// Party alpha-2 code.
    public var party: String
    public var exportedAt: Date
    public var targets: [Target]

    public struct Target: Codable, Sendable, Equatable {
        public var code: String
        /// The online version it was exported at; 0 for a target the package adds.
        public var version: Int
        /// As exported (a package never publishes: a new target is a draft).
        public var status: NationalTargetStatus?
        public var title: String
        public var description: String?
        /// The language its texts are written in (`en`, `fr`…); absent: not said.
        public var language: String?
        public var alignments: [Alignment]?
        public var indicators: [String]?
        /// `FRAMEWORK/CODE`.
        public var otherTargets: [String]?
        /// A ``ProgressRating`` raw value; absent: not assessed.
        public var progress: String?
        public var progressSummary: String?

        public init(code: String, version: Int, status: NationalTargetStatus?, _ content: NationalTargetContent) {
            self.code = code
            self.version = version
            self.status = status
            title = content.title
            description = content.description
            language = content.language?.code
            alignments = content.alignments.map { Alignment(target: $0.target.code, degree: $0.degree.rawValue, elements: $0.elements) }
            indicators = content.indicators
            otherTargets = content.otherTargets.map { "\($0.framework)/\($0.code)" }
            progress = content.progress?.rawValue
            progressSummary = content.progressSummary
        }

        /// As the editor's form, to be checked as a form is.
        public var form: NationalTargetForm {
            let aligned = alignments ?? []
            return NationalTargetForm(title: title, description: description,
                                      degrees: Dictionary(aligned.map { ($0.target, $0.degree) }, uniquingKeysWith: { first, _ in first }),
                                      elements: Dictionary(aligned.map { ($0.target, $0.elements ?? "") }, uniquingKeysWith: { first, _ in first }),
                                      indicators: indicators ?? [], otherTargets: otherTargets ?? [], progress: progress ?? "",
                                      progressSummary: progressSummary)
        }

        /// Two alignments to one goal or target: the form would keep only one.
        public var alignsTwice: Bool {
            let codes = (alignments ?? []).map(\.target)
            return Set(codes).count != codes.count
        }
    }

    public struct Alignment: Codable, Sendable, Equatable {
        /// A GBF goal (`A`…`D`) or target (`1`…`23`).
        public var target: String
        public var degree: String
        public var elements: String?

        public init(target: String, degree: String, elements: String? = nil) {
            self.target = target
            self.degree = degree
            self.elements = elements
        }
    }

    public init(party: String, exportedAt: Date, targets: [Target]) {
        format = Self.formatName
        self.party = party
        self.exportedAt = exportedAt
        self.targets = targets
    }

    /// As the report packages are written (``PackageJSON``).
    public func jsonData() throws -> Data { try PackageJSON.encode(self) }

    /// What is wrong with a package as a whole (each target's content is checked as a form is, by the caller).
    public enum Problem: Error, Sendable, Equatable {
        case malformed
        case wrongFormat
        case wrongParty(found: String)
        case tooMany
        case code(String)
        case duplicate(String)
        case version(String)
        case alignedTwice(String)

        public var catalogKey: String {
            switch self {
            case .malformed: "error.package.malformed"
            case .wrongFormat: "error.national-target-package.format"
            case .wrongParty: "error.package.wrong-party"
            case .tooMany: "error.national-target-package.too-many"
            case .code: "error.national-target.code"
            case .duplicate: "error.national-target-package.duplicate"
            case .version: "error.national-target-package.version"
            case .alignedTwice: "error.national-target.alignment"
            }
        }

        /// The target the problem is about, if one.
        public var target: String? {
            switch self {
            case .code(let code), .duplicate(let code), .version(let code), .alignedTwice(let code): code
            default: nil
            }
        }
    }

    public enum Reading: Sendable, Equatable {
        case package(NationalTargetPackage)
        case problems([Problem])
    }

    /// Reads a package uploaded for `party`'s targets: every problem of its shape (each target's
    /// content is the caller's to check). Codes are read as the editor reads them (upper case).
    public static func parse(_ data: Data, party: String) -> Reading {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = PackageTimestamp.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a timestamp"))
            }
            return date
        }
        guard var package = try? decoder.decode(NationalTargetPackage.self, from: data) else { return .problems([.malformed]) }
        guard package.format == formatName else { return .problems([.wrongFormat]) }
        guard package.party == party else { return .problems([.wrongParty(found: package.party)]) }
        guard package.targets.count <= maxTargets else { return .problems([.tooMany]) }
        var problems: [Problem] = []
        var seen = Set<String>()
        for index in package.targets.indices {
            let raw = package.targets[index].code
            guard case .success(let code) = NationalTargetInput.code(raw) else { problems.append(.code(raw)); continue }
            package.targets[index].code = code
            if !seen.insert(code).inserted { problems.append(.duplicate(code)) }
            if package.targets[index].version < 0 { problems.append(.version(code)) }
            if package.targets[index].alignsTwice { problems.append(.alignedTwice(code)) }
        }
        return problems.isEmpty ? .package(package) : .problems(problems)
    }
}
