/// A strategic framework with goals and targets: the Strategic Plan for Biodiversity
/// 2011–2020 (Aichi Targets), the Kunming-Montreal Global Biodiversity Framework, and the
/// conventions' own strategic plans.
public struct Framework: Codable, Sendable, Equatable, Identifiable {
    /// Stable code, e.g. `SP2011`, `KMGBF`, `CMS-SPMS`.
    public var code: String
    /// The convention whose governing body adopted it.
    public var convention: String
    public var names: LocalizedText
    public var period: Period?
    public var adoptedBy: Known<String>?
    public var goals: [Goal]
    public var targets: [Target]

    public var id: String { code }

    /// The years a framework covers.
    public struct Period: Codable, Sendable, Equatable {
        public var from: Int
        public var to: Int
    }

    /// A goal of a framework (strategic goals A–E, goals A–D, goals 1–5...).
    public struct Goal: Codable, Sendable, Equatable {
        public var code: String
        public var title: LocalizedText
    }

    /// A target (or objective) of a framework, under one of its goals.
    public struct Target: Codable, Sendable, Equatable {
        public var code: String
        public var goal: String?
        public var title: LocalizedText
        public var text: LocalizedText?
    }

    /// The targets under a goal, in file order.
    public func targets(of goal: Goal) -> [Target] { targets.filter { $0.goal == goal.code } }
}

/// The file `frameworks.json`.
public struct FrameworksFile: Codable, Sendable {
    public var version: Int
    public var frameworks: [Framework]
}
