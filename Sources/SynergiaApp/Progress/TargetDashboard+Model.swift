import SynergiaCore
import Vapor

/// The public dashboard of one target: the spread across Parties overall, by regional group and
/// by convention, every assessment, one tile per Party; and, for a Party's people, what its own
/// indicator data suggests.
enum TargetDashboard {}

extension TargetDashboard {
    /// The page and its JSON twin.
    struct Model: Content, Sendable {
        var framework: String
        var target: String
        var title: [String: String]
        var cycle: String?
        /// Category → number of Parties.
        var overall: ProgressAggregation.Counts
        var byRegion: [String: ProgressAggregation.Counts]
        var byConvention: [String: ProgressAggregation.Counts]
        var assessments: [Assessment]
        var tiles: [Tile]
        /// Suggestions for the Party named by `?party=` or the signed-in person's (empty otherwise).
        var suggestions: [Suggestion]
        /// The published national targets of every Party that serve this target, by Party and code.
        var nationalTargets: [NationalTarget] = []

        struct NationalTarget: Content, Sendable, Equatable {
            var party: String; var code: String; var title: String; var language: String?
            /// How closely it aligns (a GBF goal or target; nil for another framework's target, which the Party confirmed it serves).
            var degree: AlignmentDegree?
            var progress: ProgressRating?
        }

        struct Assessment: Content, Sendable {
            var party: String; var regionalGroup: String?; var cycle: String; var category: ProgressCategory
            var confidence: Confidence; var evidence: String; var conventions: [String]
        }
        struct Tile: Content, Sendable { var party: String; var regionalGroup: String?; var name: String; var category: ProgressCategory? }
        /// What one indicator's data suggests; the person decides.
        struct Suggestion: Content, Sendable {
            var party: String; var indicator: String; var category: ProgressCategory; var confidence: Confidence
            /// How it was worked out (English).
            var explanation: String
            var goalValue: Double; var goalYear: Int; var goalQuote: String
            /// How many values of the Party it used.
            var points: Int
        }
    }
}
