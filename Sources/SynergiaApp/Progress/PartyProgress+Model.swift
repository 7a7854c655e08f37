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
        /// The kind of indicators listed; nil: the headline, Aichi-era and national ones, and any with data.
        var kind: IndicatorKind?
        /// How many of the indicators linked to these targets each kind has.
        var kinds: [IndicatorKindFilter.KindCount]
        var frameworks: [Framework]
        /// The Party's answers to the GBF binary indicator questionnaire, from its latest published report that asks them.
        var binary: BinaryAnswers?

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
            /// Without values: the Party's statement that it has no data, or that the indicator is not relevant to it.
            var statement: IndicatorStatementDTO? = nil
        }
    }
}
