import Foundation

/// What an audit entry is about. The records the log checks (``AuditedState``) have their own
/// cases; `other` names anything else (an API token, a national indicator definition…).
///
/// Written as `kind/key/key` in the log's `subject` column; ``init(parsing:)`` reads it back.
public enum AuditSubject: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A report's own answer to a question (not a shared element's value).
    case answer(report: UUID, question: String)
    /// A Party's value of a shared information element.
    case element(party: String, element: String)
    /// A Party's data series for one indicator (published values, the draft from a report, its version).
    case series(party: String, indicator: String)
    /// A report version: status, receipt, submitted content.
    case report(UUID)
    /// A Party's assessment of a target in a cycle.
    case assessment(party: String, framework: String, target: String, cycle: String)
    /// Who a report's section is assigned to.
    case assignment(report: UUID, section: String)
    /// A comment on a question of a report.
    case comment(UUID)
    /// A link between targets of two frameworks.
    case crosswalk(UUID)
    /// A nomination to the advisory group.
    case nomination(UUID)
    /// A reporting cycle.
    case cycle(UUID)
    /// An account: its address, role and scope, password and session epoch.
    case user(UUID)
    /// Anything the log records without checking its state.
    case other(String)

    public var description: String {
        switch self {
        case .answer(let report, let question): "answer/\(report.uuidString)/\(question)"
        case .element(let party, let element): "element/\(party)/\(element)"
        case .series(let party, let indicator): "series/\(party)/\(indicator)"
        case .report(let id): "report/\(id.uuidString)"
        case .assessment(let party, let framework, let target, let cycle): "assessment/\(party)/\(framework)/\(target)/\(cycle)"
        case .assignment(let report, let section): "assignment/\(report.uuidString)/\(section)"
        case .comment(let id): "comment/\(id.uuidString)"
        case .crosswalk(let id): "crosswalk/\(id.uuidString)"
        case .nomination(let id): "nomination/\(id.uuidString)"
        case .cycle(let id): "cycle/\(id.uuidString)"
        case .user(let id): "user/\(id.uuidString)"
        case .other(let text): text
        }
    }

    /// The subject a `subject` column holds; `.other` for anything that is not a checked record.
    public init(parsing text: String) {
        let parts = text.split(separator: "/", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        let uuid = parts.count > 1 ? UUID(uuidString: parts[1]) : nil
        switch (parts.first, parts.count) {
        case ("answer", 3) where uuid != nil: self = .answer(report: uuid!, question: parts[2])
        case ("element", 3): self = .element(party: parts[1], element: parts[2])
        case ("series", 3): self = .series(party: parts[1], indicator: parts[2])
        case ("report", 2) where uuid != nil: self = .report(uuid!)
        case ("assessment", 5): self = .assessment(party: parts[1], framework: parts[2], target: parts[3], cycle: parts[4])
        case ("assignment", 3) where uuid != nil: self = .assignment(report: uuid!, section: parts[2])
        case ("comment", 2) where uuid != nil: self = .comment(uuid!)
        case ("crosswalk", 2) where uuid != nil: self = .crosswalk(uuid!)
        case ("nomination", 2) where uuid != nil: self = .nomination(uuid!)
        case ("cycle", 2) where uuid != nil: self = .cycle(uuid!)
        case ("user", 2) where uuid != nil: self = .user(uuid!)
        default: self = .other(text)
        }
    }

    /// Whether the log keeps this subject's state (and `audit verify` checks it).
    public var isChecked: Bool {
        if case .other = self { return false }
        return true
    }
}
