import Foundation

/// How closely a national target matches a goal or target of the Kunming-Montreal Global
/// Biodiversity Framework, as Parties state it in the CBD's reporting.
public enum AlignmentDegree: String, Codable, Sendable, CaseIterable {
    case high, medium, low
}

/// Where a national target stands: a draft is seen only by the Party's own users (and never on a
/// public page, feed, export or API); a published one is the Party's official target.
public enum NationalTargetStatus: String, Codable, Sendable, CaseIterable {
    case draft, published
}

/// One GBF goal or target a national target aligns to: how closely, and which of the global
/// target's elements it covers (in the Party's words).
public struct TargetAlignment: Codable, Sendable, Equatable, Hashable {
    /// A goal (`A`…`D`) or target (`1`…`23`) of the framework `KMGBF`.
    public var target: TargetReference
    public var degree: AlignmentDegree
    /// The elements of the global target the national target covers; empty when not said.
    public var elements: String

    public init(target: TargetReference, degree: AlignmentDegree, elements: String = "") {
        self.target = target
        self.degree = degree
        self.elements = elements
    }
}

/// Everything a Party writes about one of its national targets (its code and status apart): the
/// unit an editor loads, changes and saves at a version.
public struct NationalTargetContent: Codable, Sendable, Equatable {
    public var title: String
    public var description: String
    /// The language the title, description and progress were written in.
    public var language: Language?
    /// The GBF goals and targets it aligns to, in the framework's order.
    public var alignments: [TargetAlignment]
    /// Indicator codes: the registry's (headline, binary, component, complementary) and the Party's national ones.
    public var indicators: [String]
    /// Targets of other conventions' plans (and other frameworks) the Party confirms the target serves.
    public var otherTargets: [TargetReference]
    /// The Party's latest assessment of its progress toward the target; nil when not assessed.
    public var progress: ProgressRating?
    /// What has been done and achieved (Markdown), written once and shown in every report that asks.
    public var progressSummary: String

    public init(title: String, description: String = "", language: Language? = nil, alignments: [TargetAlignment] = [],
                indicators: [String] = [], otherTargets: [TargetReference] = [], progress: ProgressRating? = nil,
                progressSummary: String = "") {
        self.title = title
        self.description = description
        self.language = language
        self.alignments = alignments
        self.indicators = indicators
        self.otherTargets = otherTargets
        self.progress = progress
        self.progressSummary = progressSummary
    }

    /// The framework targets the national target reports on: its GBF alignments, then the other targets.
    public var servedTargets: [TargetReference] { alignments.map(\.target) + otherTargets }

    /// Whether it reports on `target` (a GBF alignment or a confirmed target of another framework).
    public func serves(_ target: TargetReference) -> Bool { servedTargets.contains(target) }
}

/// A published national target as a submitted report seals it: the report shows the target as it
/// was when submitted, whatever the Party changes later.
public struct SealedNationalTarget: Codable, Sendable, Equatable {
    public var code: String
    /// The target's version when the report was submitted.
    public var version: Int
    public var content: NationalTargetContent
    /// The documents attached to it then (absent when none).
    public var documents: [AttachmentDigest]?

    public init(code: String, version: Int, content: NationalTargetContent, documents: [AttachmentDigest]? = nil) {
        self.code = code
        self.version = version
        self.content = content
        self.documents = documents
    }
}
