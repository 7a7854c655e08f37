import Foundation
import SynergiaCore

/// One indicator: across all Parties (the median per year and each Party's latest value), or
/// one Party's series; with the exports and, for a Party's focal points, the import form.
enum IndicatorPage {}

extension IndicatorPage {
    struct Model: Sendable {
        var indicator: IndicatorDTO
        /// The Party whose series is shown, or nil for all Parties.
        var party: String?
        /// The Party's published totals (when `party` is given).
        var points: [IndicatorDataPoint]
        /// Every Party's totals reduced to what the page shows (when no Party is given).
        var summary: Summary?
        /// The Party's statement that it has no data for the indicator, or that it is not relevant to it.
        var statement: IndicatorStatementDTO? = nil
    }

    /// The median across Parties per year, and each Party's latest value. (The exports have every value.)
    struct Summary: Sendable {
        var median: [(year: Int, value: Double, parties: Int)]
        var latest: [(party: String, period: String, value: Double, unit: String)]
    }
}
