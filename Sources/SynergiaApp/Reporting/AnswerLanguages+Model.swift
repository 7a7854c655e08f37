import Foundation
import SynergiaCore

/// "Languages of this answer" (issue 13): a written answer as written and in every translation,
/// and for those who may edit the report, one form to correct the original's language and to
/// add, change or remove translations. Saving it is a save of the answer like any other
/// (``ReportingService``: versioned, audited, refused on a conflict or a locked report), so the
/// report's receipt covers every language. The data is the report's own JSON twin
/// (`GET /api/v1/reports/{id}`), where each text answer carries its `language` and `translations`.
enum AnswerLanguages {
    struct Model: Sendable {
        var report: UUID
        var party: String
        var partyNames: [String: String]
        var section: TemplateSection
        var question: TemplateQuestion
        /// The answer's version (0: not answered yet, or a submitted version's answer, which has none of its own).
        var version: Int
        var answered: Bool
        var text: WrittenText
        var author: String?
        var changedAt: Date?
        var canEdit: Bool
    }

    /// What the form sent when it could not be saved: shown again in its fields, over the version now stored.
    struct Typed: Sendable {
        var text: WrittenText
        var base: Int
    }

    /// Why the form was shown again: someone saved in between (their answer), or a refusal's catalog key.
    enum Feedback: Sendable {
        case none
        case conflict(theirs: AnswerRevision, typed: Typed)
        case refused(String, typed: Typed)

        var typed: Typed? {
            switch self {
            case .none: nil
            case .conflict(_, let typed), .refused(_, let typed): typed
            }
        }

        /// What was typed when the save was refused: still over the version it was written over.
        var refusedTyped: Typed? {
            if case .refused(_, let typed) = self { return typed }
            return nil
        }
    }

    /// The question types whose answers are written text, and so have languages.
    static func isWritten(_ question: TemplateQuestion) -> Bool { question.type == .shortText || question.type == .longText }
}
