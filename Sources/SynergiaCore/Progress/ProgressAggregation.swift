/// Counts assessments of one target by category: overall, per regional group and per
/// convention, for dashboards and the stacked-bar chart.
public enum ProgressAggregation {
    /// Counts per category. Categories with no assessment are absent (read with `?? 0`).
    public typealias Counts = [ProgressCategory: Int]

    /// The three tallies for one target.
    public struct Tally: Sendable, Equatable {
        public var overall: Counts
        /// Per regional group; assessments with no group count only overall.
        public var byRegion: [String: Counts]
        /// Per convention code; an assessment counts once for each distinct convention listed.
        public var byConvention: [String: Counts]

        public init(overall: Counts = [:], byRegion: [String: Counts] = [:], byConvention: [String: Counts] = [:]) {
            self.overall = overall
            self.byRegion = byRegion
            self.byConvention = byConvention
        }

        /// Number of assessments counted overall.
        public var total: Int { overall.values.reduce(0, +) }
    }

    /// Counts the assessments whose `target` equals `target` exactly. Each assessment counts
    /// once overall (a Party assessed twice for a target counts twice: pass one per Party).
    public static func counts(
        assessments: [(party: String, regionalGroup: String?, conventions: [String], target: String, category: ProgressCategory)],
        for target: String
    ) -> Tally {
        var tally = Tally()
        for a in assessments where a.target == target {
            tally.overall[a.category, default: 0] += 1
            if let region = a.regionalGroup {
                tally.byRegion[region, default: [:]][a.category, default: 0] += 1
            }
            for convention in Set(a.conventions) {
                tally.byConvention[convention, default: [:]][a.category, default: 0] += 1
            }
        }
        return tally
    }
}
