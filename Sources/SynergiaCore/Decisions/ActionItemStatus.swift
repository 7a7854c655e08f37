/// How an action item of a decision stands, as a secretariat records it. `elapsed` is also
/// shown for pending items past their deadline.
public enum ActionItemStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case inProgress = "in-progress"
    case done
    case elapsed
    case superseded

    /// Still to be done (pending or in progress).
    public var isOpen: Bool { self == .pending || self == .inProgress }
}
