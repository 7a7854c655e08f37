import SynergiaCore
import Vapor

/// The global overview of progress: every target of every framework, counted in one cycle.
public enum ProgressOverview {}

extension ProgressOverview {
    /// Every target's counts in one cycle (the page and its JSON twin).
    struct Model: Content, Sendable {
        /// The cycle counted (the latest with assessments unless `?cycle=` names one); nil when there is none.
        var cycle: String?
        /// Cycles with assessments, newest first.
        var cycles: [String]
        var frameworks: [Framework]

        struct Framework: Content, Sendable { var code: String; var names: [String: String]; var targets: [Target] }
        struct Target: Content, Sendable {
            var code: String
            var title: [String: String]
            /// Category → number of Parties.
            var overall: ProgressAggregation.Counts
            var byRegion: [String: ProgressAggregation.Counts]
            var byConvention: [String: ProgressAggregation.Counts]
        }
    }
}
