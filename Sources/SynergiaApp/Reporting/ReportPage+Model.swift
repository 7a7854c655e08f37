import Foundation
import SynergiaCore
import Vapor

/// One report as its reader may see it: every answer and where it comes from, what the reader
/// may do with it, its other versions, and — for those preparing and reviewing it — its
/// comments and assignments. The page renders it; `GET /api/v1/reports/{id}` encodes it.
enum ReportPage {}

extension ReportPage {
    struct Model: Content, Sendable {
        var id: UUID
        var cycle: CycleDTO
        var party: String
        /// The Party's name in each language the reference data has.
        var partyNames: [String: String]
        var status: ReportStatus
        var version: Int
        var submittedAt: Date?
        var receiptSHA256: String?
        var answers: [Answer]
        /// Answered required questions / required questions.
        var completeness: Completeness
        /// The template's sections in order, each with its own completeness.
        var sections: [Section]
        /// What the reader may do with this report now.
        var actions: Actions
        /// The Party's other versions of the report in this cycle that the reader may read.
        var versions: [Version]
        /// Section → the contributor it is assigned to (empty for readers who may not see it).
        var assignments: [String: String]
        /// Comments on questions, oldest first (empty for readers who may not see them).
        var comments: [Comment]
        /// Question → the targets linked to its target and the Party's answers on them in its other reports.
        var linked: [String: [Linked]]
        /// The questions not asked, as the answers stand (no earlier answer enables them:
        /// `TemplateQuestion.enabledWhen`): their answers are neither required nor submitted.
        var notAsked: [String] = []
        /// The request to publish that waits (for those who prepare and review the report).
        var publicationRequest: PublicationRequestInfo? = nil
        /// Why the last request to publish was rejected, while the report is a draft again (idem).
        var rejection: String? = nil
        /// The Party's national targets that serve a target this report asks about (its drafts only for its own users).
        var nationalTargets: [NationalTargetsInReport.Entry] = []
        /// The files its answers cite (name, type, size, SHA-256), by reference.
        var attachments: [String: AttachmentInfo] = [:]

        struct Answer: Content, Sendable {
            var question: String
            var value: AnswerValue
            var version: Int
            /// Who saved this version, and when.
            var author: String
            var changedAt: Date
            /// Saved by someone else since the reader last opened the question's section.
            var changedSinceVisit: Bool = false
            /// Saved by someone else in the last few minutes (``ReportVisits/editingWindow``): they are likely still at it.
            var beingEdited: Bool = false
            /// The element the question shares with other conventions' reports.
            var element: String?
            /// The report in which the shared value was entered, when it is another one…
            var reusedFrom: UUID?
            /// …and that report's title, in English (the JSON's)…
            var reusedFromTitle: String?
            var detached: Bool
            /// The registry indicator whose Party data series this answer is (shared with imports and dashboards).
            var indicator: String?
            /// …and in the six languages, for the page (not in the JSON).
            var reusedFromTitles: LocalizedText? = nil

            enum CodingKeys: String, CodingKey {
                case question, value, version, author, changedAt, changedSinceVisit, beingEdited, element, reusedFrom, reusedFromTitle, detached, indicator
            }
        }

        struct Completeness: Content, Equatable, Sendable { var answered: Int; var required: Int }

        struct Section: Content, Equatable, Sendable {
            var id: String
            var completeness: Completeness
            /// Answers saved by others since the reader last opened the section (0 for readers not signed in).
            var changedSinceVisit: Int = 0
            /// When the signed-in reader last opened the section's page.
            var seenAt: Date?

            /// Whether opening the section now changes what is marked (so the visit is worth writing).
            var visitMatters: Bool { seenAt == nil || changedSinceVisit > 0 }
        }

        struct Actions: Content, Equatable, Sendable {
            var canEdit: Bool
            var canAmend: Bool
            var canAssign: Bool
            var canComment: Bool
            /// Whether the reader sees who is working on what: who changed each answer and when, what
            /// changed since their last visit, what is being edited (those preparing and reviewing it).
            var seesWork: Bool
            /// The workflow steps the reader may take from the current status.
            var transitions: [ReportStatus]
            /// Whether the reader made the request to publish that waits, and may take it back.
            var canWithdrawRequest: Bool = false
        }

        /// A request to publish while it waits (the report in review).
        struct PublicationRequestInfo: Content, Equatable, Sendable {
            var requestedBy: String?
            var requestedAt: Date?
            var expiresAt: Date?
            /// Past its thirty days: it can no longer be approved.
            var expired: Bool
        }

        struct Version: Content, Equatable, Sendable { var id: UUID; var version: Int; var status: ReportStatus }

        struct Comment: Content, Equatable, Sendable {
            var question: String; var author: String; var text: String; var createdAt: Date?
            /// The language it was written in; nil: not recorded.
            var language: Language? = nil
        }

        struct Linked: Content, Sendable {
            /// `FRAMEWORK/CODE` of the linked target.
            var target: String
            /// `contributesTo`…, or `receives.…` when the linked target contributes to this one.
            var relation: String
            var answers: [LinkedAnswer]
        }

        struct LinkedAnswer: Content, Sendable {
            var report: UUID
            var template: [String: String]
            var question: String
            var questionTitle: [String: String]
            var value: AnswerValue
        }

        /// The current answer to `question`, if any.
        func answer(_ question: String) -> Answer? { answers.first { $0.question == question } }
    }

    /// What the last form sent on the page needs to show beside the report (never part of the JSON).
    struct Feedback: Sendable {
        /// Saves that met a newer answer: question → what was sent and what is stored.
        var conflicts: [String: Conflict] = [:]
        /// Refused saves: question → the message's catalog key…
        var errors: [String: String] = [:]
        /// …and what was typed for it, shown again in its control (a section's save loses nothing).
        var typed: [String: SectionSave.Typed] = [:]
        /// How many answers a section's save saved.
        var saved: Int?
        /// The section sent for a preview (nothing saved): what was typed is shown formatted.
        var preview = false

        struct Conflict: Sendable { var mine: AnswerValue; var theirs: AnswerRevision }

        static let none = Feedback()
    }
}
