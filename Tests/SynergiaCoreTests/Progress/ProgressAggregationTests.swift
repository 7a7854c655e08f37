import Testing
@testable import SynergiaCore

@Suite struct ProgressAggregationTests {
    let assessments: [(party: String, regionalGroup: String?, conventions: [String], target: String, category: ProgressCategory)] = [
        ("FR", "WEOG", ["CBD", "CMS"], "3", .onTrack),
        ("DE", "WEOG", ["CBD"], "3", .onTrack),
        ("BR", "GRULAC", ["CBD", "CMS", "CMS"], "3", .insufficientRate),
        ("CN", "Asia-Pacific", ["CBD"], "3", .onTrackToExceed),
        ("EU", nil, ["CBD", "CMS"], "3", .unknown),
        ("KE", "Africa", ["CBD"], "3", .movingAway),
        ("FR", "WEOG", ["CBD"], "4", .movingAway),
    ]

    @Test func countsOverallByRegionAndByConvention() {
        let tally = ProgressAggregation.counts(assessments: assessments, for: "3")
        #expect(tally.overall == [.onTrack: 2, .insufficientRate: 1, .onTrackToExceed: 1, .unknown: 1, .movingAway: 1])
        #expect(tally.total == 6)
        #expect(tally.byRegion == [
            "WEOG": [.onTrack: 2],
            "GRULAC": [.insufficientRate: 1],
            "Asia-Pacific": [.onTrackToExceed: 1],
            "Africa": [.movingAway: 1],
        ])
        #expect(tally.byConvention["CBD"] == [.onTrack: 2, .insufficientRate: 1, .onTrackToExceed: 1, .unknown: 1, .movingAway: 1])
        #expect(tally.byConvention["CMS"] == [.onTrack: 1, .insufficientRate: 1, .unknown: 1]) // BR's repeated CMS counts once
    }

    @Test func otherTargetsAndEmptyInput() {
        #expect(ProgressAggregation.counts(assessments: assessments, for: "4").overall == [.movingAway: 1])
        #expect(ProgressAggregation.counts(assessments: assessments, for: "22") == ProgressAggregation.Tally())
        #expect(ProgressAggregation.counts(assessments: [], for: "3").total == 0)
    }
}
