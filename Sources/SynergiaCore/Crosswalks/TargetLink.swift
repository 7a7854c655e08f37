/// How one target relates to a target of another framework.
public enum TargetRelation: String, Codable, Sendable, CaseIterable {
    /// Equivalent in wording and scope.
    case sameAs
    /// Achieving the first target contributes to the second.
    case contributesTo
    /// The first target is a component of the second.
    case partOf
}

/// A published link between targets of two frameworks (a crosswalk), with where it is stated.
public struct TargetLink: Codable, Sendable, Equatable {
    public struct Source: Codable, Sendable, Equatable {
        public var title: String
        public var url: String?
        public init(title: String, url: String?) {
            self.title = title
            self.url = url
        }
    }

    public var from: TargetReference
    public var to: TargetReference
    public var relation: TargetRelation
    public var source: Source
    /// The words of the source that state the link.
    public var quote: String?

    public init(from: TargetReference, to: TargetReference, relation: TargetRelation, source: Source, quote: String? = nil) {
        self.from = from
        self.to = to
        self.relation = relation
        self.source = source
        self.quote = quote
    }
}

/// The shipped crosswalks, `Resources/Reference/crosswalks.json`.
public struct CrosswalkFile: Codable, Sendable {
    public var version: Int
    /// What the file holds and what it lacks.
    public var source: String
    public var links: [TargetLink]

    public static func load() throws -> CrosswalkFile {
        try ReferenceData.decode(CrosswalkFile.self, file: "crosswalks")
    }

    /// Problems: a link to itself, within one framework, to a target not in `targets`
    /// (`FRAMEWORK/CODE`), without a source title, or listed twice.
    public func problems(targets: Set<String>) -> [String] {
        var problems: [String] = []
        var seen = Set<String>()
        for link in links {
            let from = "\(link.from.framework)/\(link.from.code)", to = "\(link.to.framework)/\(link.to.code)"
            if link.from.framework == link.to.framework { problems.append("\(from) → \(to): both in one framework") }
            for end in [from, to] where !targets.contains(end) { problems.append("\(from) → \(to): no target \(end)") }
            if link.source.title.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(from) → \(to): no source") }
            if !seen.insert("\(from)>\(to)").inserted { problems.append("\(from) → \(to): listed twice") }
        }
        return problems
    }
}
