import SynergiaCore
import Vapor

/// A decision in lists.
public struct DecisionSummaryDTO: Content, Equatable {
    public var symbol: String
    public var slug: String
    public var convention: String
    public var language: String
    public var title: String?
    public var meeting: String?
    public var actionItemCount: Int
    public var warningCount: Int
}

/// A decision with its structure, action items, language versions and citations.
public struct DecisionDetailDTO: Content {
    public var summary: DecisionSummaryDTO
    public var decision: ParsedDecision
    public var actionItems: [ActionItemDTO]
    /// The languages in which this decision is imported.
    public var versions: [String]
    /// Decisions and documents this decision cites.
    public var cites: [String]
    /// The slugs of the cited decisions that are imported here (a citation of any other is not a link).
    public var citesImported: [String]
    /// Imported decisions that cite this one (slugs).
    public var citedBy: [DecisionSummaryDTO]
}

/// One thing a decision asks of someone, and how its follow-up stands.
public struct ActionItemDTO: Content, Equatable {
    public var id: UUID
    public var decision: String
    public var decisionSlug: String
    public var paragraph: String
    public var subparagraph: String?
    public var verb: String
    public var addressee: String
    public var deadlines: [String]
    public var dueDate: String?
    public var subjectToResources: Bool
    public var status: ActionItemStatus
    /// Pending or in progress, and its deadline has passed.
    public var overdue: Bool
    public var notes: String
    /// The follow-up's version (a save names the one it changes).
    public var version: Int
    public var text: String
    /// Targets the paragraph names, as `FRAMEWORK/CODE` (e.g. `SP2011/9`).
    public var targets: [String]
}

/// The action-item list and the filter that made it.
public struct ActionItemListDTO: Content {
    public var addressee: String?
    public var dueBy: String?
    public var status: ActionItemStatus?
    public var overdue: Bool
    public var count: Int
    public var items: [ActionItemDTO]
}
