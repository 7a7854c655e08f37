import Foundation
import SynergiaCore
import Vapor

/// What a section's form is told when its script sends it (`Accept: application/json`, the
/// autosave of issue 17): each answer saved with its new version and the digest its fields now
/// hold, each conflict with who saved the newer answer, each refused value with its message in
/// the reader's language. 200 when all was saved, 409 with a conflict, else 422 with an error.
struct SectionSaveResult: Content, Sendable {
    struct Conflict: Content, Sendable { var question: String; var author: String; var version: Int; var changedAt: Date }
    struct Problem: Content, Sendable { var question: String; var message: String }

    var saved: [SectionSave.Saved]
    var conflicts: [Conflict]
    var errors: [Problem]
    /// When the server answered (the time the page shows as "saved at").
    var at: Date

    init(_ outcome: SectionSave.Outcome, catalog: Catalog, at: Date = Date()) {
        saved = outcome.saved
        conflicts = outcome.conflicts.sorted { $0.key < $1.key }.map {
            Conflict(question: $0.key, author: $0.value.theirs.author, version: $0.value.theirs.version, changedAt: $0.value.theirs.at)
        }
        errors = outcome.errors.sorted { $0.key < $1.key }.map { Problem(question: $0.key, message: catalog[$0.value]) }
        self.at = at
    }

    var status: HTTPStatus { !conflicts.isEmpty ? .conflict : errors.isEmpty ? .ok : .unprocessableEntity }

    /// Whether `request` asks for this answer rather than the section's page.
    static func isAsked(by request: Request) -> Bool {
        request.headers.accept.mediaTypes.contains { $0.type == "application" && $0.subType == "json" }
    }
}
