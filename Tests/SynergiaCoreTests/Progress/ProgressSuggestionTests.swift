import Testing
@testable import SynergiaCore

@Suite struct ProgressSuggestionTests {
    func suggest(_ values: [(Int, Double)], target: Double, higherIsBetter: Bool = true, baseline: Int? = nil) -> ProgressSuggestion.Suggestion {
        ProgressSuggestion.suggest(series: values.map { (year: $0.0, value: $0.1) }, baselineYear: baseline,
                                   targetValue: target, targetYear: 2030, higherIsBetter: higherIsBetter)
    }

    // Protected-area coverage 10% in 2010 rising 1 point a year: projects to 30% in 2030.
    let rising: [(Int, Double)] = (2010...2020).map { ($0, 10 + Double($0 - 2010)) }

    @Test func fewerThanTwoYearsIsUnknown() {
        #expect(suggest([], target: 30).category == .unknown)
        #expect(suggest([(2020, 10)], target: 30).category == .unknown)
        #expect(suggest([(2020, 10), (2020, 12)], target: 30).category == .unknown)
        #expect(suggest([(2010, 1), (2020, 10)], target: 30, baseline: 2015).category == .unknown)
        #expect(suggest([(2020, 10)], target: 30).confidence == .low)
    }

    @Test func onTrackToExceed() {
        // Needed change 20 - 10 = 10; projection 30 passes 20 by 10 > 1.
        let s = suggest(rising, target: 20)
        #expect(s.category == .onTrackToExceed)
        #expect(abs(s.slopePerYear! - 1) < 1e-9)
        #expect(abs(s.projectedValue! - 30) < 1e-9)
        #expect(s.confidence == .high)
    }

    @Test func onTrack() {
        #expect(suggest(rising, target: 30).category == .onTrack) // exactly reaches
        // Needed change 29 - 10 = 19; projection 30 passes by 1 ≤ 1.9.
        #expect(suggest(rising, target: 29).category == .onTrack)
        // Just over 10% of the needed change: exceeds.
        #expect(suggest(rising, target: 28).category == .onTrackToExceed) // passes by 2 > 1.8
    }

    @Test func insufficientRate() {
        let s = suggest(rising, target: 40)
        #expect(s.category == .insufficientRate)
        #expect(s.explanation.contains("+1 per year"))
        #expect(s.explanation.contains("Projected value in 2030: 30; target: 40"))
        #expect(s.explanation.contains("10%") && s.explanation.contains("1%"))
    }

    @Test func noSignificantChange() {
        // Mean about 50; slope 0.1/year is below 1% of 50 = 0.5/year, and 52 is short of 60.
        let flat: [(Int, Double)] = (2010...2020).map { ($0, 49.5 + 0.1 * Double($0 - 2010)) }
        #expect(suggest(flat, target: 60).category == .noSignificantChange)
        #expect(suggest(flat.map { ($0.0, 100 - $0.1) }, target: 40, higherIsBetter: false).category == .noSignificantChange)
    }

    @Test func movingAway() {
        let falling: [(Int, Double)] = (2010...2020).map { ($0, 0.9 - 0.01 * Double($0 - 2010)) } // Red List Index falling
        #expect(suggest(falling, target: 0.95).category == .movingAway)
        // Lower is better and the value rises: moving away.
        #expect(suggest(rising, target: 5, higherIsBetter: false).category == .movingAway)
    }

    @Test func lowerIsBetter() {
        let falling: [(Int, Double)] = (2015...2020).map { ($0, 100 - 5 * Double($0 - 2015)) } // 25 in 2030
        #expect(suggest(falling, target: 50, higherIsBetter: false).category == .onTrackToExceed)
        #expect(suggest(falling, target: 25, higherIsBetter: false).category == .onTrack)
        #expect(suggest(falling, target: 0, higherIsBetter: false).category == .insufficientRate)
    }

    @Test func baselineYearDropsEarlierPoints() {
        // Fell until 2015, rises 2 a year after: from 2015 it projects 10 + 2·15 = 40.
        let series: [(Int, Double)] = [(2010, 30), (2012, 20), (2015, 10), (2016, 12), (2017, 14), (2018, 16)]
        #expect(suggest(series, target: 40).category == .movingAway)
        let s = suggest(series, target: 40, baseline: 2015)
        #expect(s.category == .onTrack)
        #expect(abs(s.projectedValue! - 40) < 1e-9)
        #expect(s.confidence == .medium) // 4 years
    }

    @Test func unsortedInputAndNonFiniteValues() {
        let s = suggest([(2020, 20), (2010, 10), (2015, .nan), (2015, 15)], target: 35)
        #expect(abs(s.slopePerYear! - 1) < 1e-9)
        #expect(s.category == .insufficientRate)
    }

    @Test("the stored names of categories and confidences do not change (rows already hold them)")
    func rawValues() {
        #expect(ProgressCategory.allCases.map(\.rawValue) == ["on-track-to-exceed", "on-track", "insufficient-rate", "no-significant-change", "moving-away", "unknown"])
        #expect(Confidence.allCases.map(\.rawValue) == ["low", "medium", "high", "not-stated"])
        #expect(Confidence.stated == [.low, .medium, .high], "a person states one of three; not-stated is for assessments taken from reports")
    }
}
