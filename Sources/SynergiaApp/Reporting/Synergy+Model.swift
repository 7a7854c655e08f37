import SynergiaCore
import Vapor

/// The synergy page: which questions across conventions share which information element, and,
/// globally or for one Party, how many answers were filled by reuse instead of typed again.
enum Synergy {}

/// Shared information elements across conventions' templates, and their reuse.
extension Synergy {
    struct Model: Content, Sendable {
        var party: String?
        var elements: [Element]
        /// National targets, each entered once and shown in every report on a target it serves.
        var nationalTargets: NationalTargets

        struct NationalTargets: Content, Sendable, Equatable {
            /// The national targets the reader may see (published, and the drafts of the reader's own Party).
            var targets: Int
            /// Convention → how many of them serve a target of one of its frameworks.
            var byConvention: [String: Int]
            /// Reports (that the reader may see) showing at least one of them.
            var reportsShowing: Int
        }

        struct Element: Content, Sendable {
            var id: String
            var title: [String: String]
            var questions: [Question]
            var conventions: [String]
            var partiesWithValue: Int
            /// Answers in reports that show the shared value.
            var answersFilled: Int
            /// Of those, the ones entered in another report: typed once, reused here.
            var answersReused: Int
        }

        struct Question: Content, Sendable {
            var template: String
            var convention: String
            var question: String
            var title: [String: String]
        }
    }
}
