import Foundation

/// A saved answer: the value of one question at one version.
public struct AnswerRevision: Codable, Sendable, Equatable {
    public var questionID: String
    public var value: AnswerValue
    /// 1 for the first save, then +1 per save.
    public var version: Int
    public var author: String
    public var at: Date

    public init(questionID: String, value: AnswerValue, version: Int, author: String, at: Date) {
        self.questionID = questionID
        self.value = value
        self.version = version
        self.author = author
        self.at = at
    }
}

/// The result of trying to save an edit.
public enum SaveOutcome: Sendable, Equatable {
    /// Save it with this version number.
    case saved(version: Int)
    /// Someone saved since the editor loaded the answer: show both and let the user choose.
    case conflict(mine: AnswerValue, theirs: AnswerRevision)
}

/// Optimistic concurrency for answers: an edit is based on the version the editor loaded.
public enum ConflictCheck {
    /// `.saved(current.version + 1)` when `baseVersion` is the current version (with nothing saved
    /// yet, `.saved(1)` whatever the base); otherwise `.conflict`, even if the values happen to be equal.
    public static func save(new: AnswerValue, baseVersion: Int, current: AnswerRevision?) -> SaveOutcome {
        guard let current else { return .saved(version: 1) }
        return current.version == baseVersion ? .saved(version: current.version + 1) : .conflict(mine: new, theirs: current)
    }
}
