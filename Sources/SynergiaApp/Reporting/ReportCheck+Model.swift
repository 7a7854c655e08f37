import Foundation
import SynergiaCore
import Vapor

/// "Check the report" (issue 17): everything to look at before sending a report for review —
/// every required question without an answer, every answer that does not fit its question (the
/// same rules as the submission's), and every comment — each with the section it is in, so the
/// page links to its place. `GET /api/v1/reports/{id}/check` encodes the same model.
enum ReportCheck {
    struct Model: Content, Sendable {
        var report: UUID
        var party: String
        var partyNames: [String: String]
        var status: ReportStatus
        var items: [Item]
    }

    struct Item: Content, Equatable, Sendable {
        enum Kind: String, Content, Sendable { case missing, invalid, comment }

        var kind: Kind
        var section: String
        var question: String
        /// The catalog key of the message (missing and invalid answers).
        var message: String?
        /// The national target whose progress is not assessed (in a section written per national target).
        var nationalTarget: String? = nil
        /// Whether the reader may change that target, and so assess its progress.
        var mayChangeTarget: Bool? = nil
        /// A comment's author and text.
        var author: String?
        var text: String?
    }
}
