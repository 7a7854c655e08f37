import SynergiaCore
import Vapor

/// Target crosswalks: the links between targets of different frameworks with their sources,
/// and the secretariats' form to add and remove links.
enum Crosswalks {}

extension Crosswalks {
    struct Model: Content, Sendable {
        /// Every link, or those touching `target`.
        var links: [TargetLinkDTO]
        /// `FRAMEWORK/CODE` the list is filtered by.
        var target: String?
        /// Framework codes, in order (the form's choices).
        var frameworks: [String]
        /// Whether the reader's secretariat may add and remove links.
        var canEdit: Bool
    }
}
