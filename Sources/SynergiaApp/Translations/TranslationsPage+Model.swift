import Foundation
import SynergiaCore

/// "Translations" of a record people wrote (a news item, a meeting): its fields as written, in
/// their language, and a field per other official language for those who may change the record.
/// The record's JSON twin carries the same `translations`.
enum TranslationsPage {
    struct Model: Sendable {
        var kind: TranslatedKind
        var subject: String
        /// The record's title as written, for the heading.
        var heading: String
        /// The language the record was written in (nil: not recorded).
        var language: Language?
        /// Field → the text as written.
        var originals: [String: String]
        var translations: FieldTranslations
        /// The record's page.
        var back: String
        var json: SiteURL
        var canEdit: Bool
    }

    /// Why the form is shown again, with what was typed in it.
    enum Feedback: Sendable {
        case none
        case conflict(typed: FieldTranslations)
        /// A refusal keeps the digest of the translations the form was written over (`shown`).
        case refused(String, typed: FieldTranslations, shown: String)

        var typed: FieldTranslations? {
            switch self {
            case .none: nil
            case .conflict(let typed), .refused(_, let typed, _): typed
            }
        }
    }
}
