import SynergiaCore
import Vapor

/// One Party's dashboard: its assessments of every target of the frameworks of its conventions,
/// by cycle, and its published data for the indicators linked to each target.
enum PartyProgress {}

extension PartyProgress {
    /// The page and its JSON twin.
    struct Model: Content, Sendable {
        var party: String
        var names: [String: String]
        var conventions: [String]
        var cycles: [String]
        var frameworks: [Framework]

        struct Framework: Content, Sendable { var code: String; var convention: String; var names: [String: String]; var targets: [Target] }
        struct Target: Content, Sendable {
            var code: String
            var title: [String: String]
            /// Cycle → category.
            var assessments: [String: ProgressCategory]
            var indicators: [Indicator]
        }
        struct Indicator: Content, Sendable {
            var code: String
            var name: [String: String]
            /// How many values (totals) the Party has.
            var values: Int
            var latestPeriod: String?; var latestValue: Double?; var unit: String?
        }
    }
}
