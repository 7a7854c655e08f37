import Foundation

/// Suggests a ``ProgressCategory`` from a time series, so that a reviewer starts from a
/// reproducible calculation rather than a blank field. The suggestion explains itself in
/// English; a person confirms or overrides it.
///
/// Method:
/// 1. Use the points from `baselineYear` on (all points when it is nil). The baseline value
///    is the value observed in the first year used (the mean, if that year appears twice).
/// 2. Fewer than 2 distinct years → ``ProgressCategory/unknown``.
/// 3. Fit the ordinary least-squares line `value = a + b·year`; `b` is the trend per year.
///    Project it to `targetYear`.
/// 4. The *needed change* is `target − baseline value`. Working in the good direction
///    (up when `higherIsBetter`, else down):
///    - projection passes the target by more than 10% of |needed change| → ``ProgressCategory/onTrackToExceed``
///      (when the needed change is 0, by any amount);
///    - projection reaches the target → ``ProgressCategory/onTrack``;
///    - otherwise, |b| below 1% of the mean absolute observed value per year (the *flat
///      threshold*; when all values are 0, 1% of |target|, or 0.01 if that is 0 too) →
///      ``ProgressCategory/noSignificantChange``;
///    - otherwise the trend goes the good way → ``ProgressCategory/insufficientRate``,
///      the bad way → ``ProgressCategory/movingAway``.
/// 5. Confidence: low with fewer than 3 distinct years or an unknown category; high with 5
///    or more years and R² ≥ 0.7 (or a perfect fit); medium otherwise.
public enum ProgressSuggestion {
    /// A projection exceeding the target by more than this share of the needed change is
    /// "on track to exceed".
    public static let exceedShare = 0.10
    /// A slope below this share of the mean absolute value, per year, is "no significant change".
    public static let flatShare = 0.01

    /// The outcome of ``suggest(series:baselineYear:targetValue:targetYear:higherIsBetter:)``.
    public struct Suggestion: Sendable, Equatable {
        public var category: ProgressCategory
        public var confidence: Confidence
        /// Least-squares slope per year; nil when there were too few points.
        public var slopePerYear: Double?
        /// The trend line's value at the target year; nil when there were too few points.
        public var projectedValue: Double?
        /// English: the trend per year, the projection against the target, the thresholds.
        public var explanation: String
    }

    public static func suggest(
        series: [(year: Int, value: Double)],
        baselineYear: Int?,
        targetValue: Double,
        targetYear: Int,
        higherIsBetter: Bool
    ) -> Suggestion {
        let used = series
            .filter { $0.value.isFinite && (baselineYear == nil || $0.year >= baselineYear!) }
            .sorted { $0.year < $1.year }
        let years = Set(used.map(\.year))
        let direction = higherIsBetter ? "higher is better" : "lower is better"
        guard years.count >= 2, let firstYear = used.first?.year, targetValue.isFinite else {
            let from = baselineYear.map { " from \($0)" } ?? ""
            return Suggestion(category: .unknown, confidence: .low, slopePerYear: nil, projectedValue: nil,
                              explanation: "Unknown: a trend needs values for at least 2 different years\(from); \(years.count == 1 ? "only 1 year has" : "no year has") a value.")
        }

        // Ordinary least squares, centred on the mean year for numerical stability.
        let n = Double(used.count)
        let meanX = used.reduce(0.0) { $0 + Double($1.year) } / n
        let meanY = used.reduce(0.0) { $0 + $1.value } / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for p in used {
            let dx = Double(p.year) - meanX, dy = p.value - meanY
            sxx += dx * dx
            sxy += dx * dy
            syy += dy * dy
        }
        let slope = sxy / sxx
        let projected = meanY + slope * (Double(targetYear) - meanX)
        let rSquared = syy == 0 ? 1 : (sxy * sxy) / (sxx * syy)

        let firstValues = used.filter { $0.year == firstYear }.map(\.value)
        let baselineValue = firstValues.reduce(0, +) / Double(firstValues.count)
        let sign: Double = higherIsBetter ? 1 : -1
        let needed = targetValue - baselineValue
        let margin = sign * (projected - targetValue) // > 0: beyond the target in the good direction
        let exceedThreshold = exceedShare * abs(needed)
        let meanAbs = used.reduce(0.0) { $0 + abs($1.value) } / n
        let scale = meanAbs > 0 ? meanAbs : (targetValue != 0 ? abs(targetValue) : 1)
        let flatThreshold = flatShare * scale

        let category: ProgressCategory
        if margin >= 0 {
            category = margin > exceedThreshold ? .onTrackToExceed : .onTrack
        } else if abs(slope) < flatThreshold {
            category = .noSignificantChange
        } else if sign * slope > 0 {
            category = .insufficientRate
        } else {
            category = .movingAway
        }
        let confidence: Confidence = years.count < 3 ? .low : (years.count >= 5 && rSquared >= 0.7 ? .high : .medium)

        let lastYear = used.last!.year
        var text = "\(category.label). "
        text += "Least-squares trend over \(firstYear)–\(lastYear) (\(used.count) values): \(signed(slope)) per year (R² \(format(rSquared))). "
        text += "Projected value in \(targetYear): \(format(projected)); target: \(format(targetValue)) (\(direction)). "
        text += "Baseline value in \(firstYear): \(format(baselineValue)); needed change \(signed(needed)); "
        text += "the projection is \(format(abs(projected - targetValue))) \(margin >= 0 ? (margin == 0 ? "at" : "beyond") : "short of") the target. "
        text += "Thresholds: on track to exceed when the projection passes the target by more than \(Int(exceedShare * 100))% of the needed change (\(format(exceedThreshold))); "
        text += "no significant change when |trend| is below \(Int(flatShare * 100))% of the mean observed value per year (\(format(flatThreshold)))."
        return Suggestion(category: category, confidence: confidence, slopePerYear: slope, projectedValue: projected, explanation: text)
    }

    /// Up to 3 decimals, trailing zeros dropped, POSIX digits: `0.5`, `12`, `-3.125`.
    static func format(_ value: Double) -> String {
        var text = String(format: "%.3f", locale: Locale(identifier: "en_US_POSIX"), value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func signed(_ value: Double) -> String {
        let text = format(value)
        return text.hasPrefix("-") || text == "0" ? text : "+" + text
    }
}
