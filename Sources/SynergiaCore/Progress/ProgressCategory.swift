/// Where a Party stands on a target, on the scale used in national reports' progress
/// assessments. Raw values are the stable text used in files and URLs.
public enum ProgressCategory: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case onTrackToExceed = "on-track-to-exceed"
    case onTrack = "on-track"
    case insufficientRate = "insufficient-rate"
    case noSignificantChange = "no-significant-change"
    case movingAway = "moving-away"
    case unknown

    /// English label for tables, legends and chart descriptions.
    public var label: String {
        switch self {
        case .onTrackToExceed: "On track to exceed target"
        case .onTrack: "On track to achieve target"
        case .insufficientRate: "Progress towards target but at an insufficient rate"
        case .noSignificantChange: "No significant change"
        case .movingAway: "Moving away from target"
        case .unknown: "Unknown"
        }
    }

    /// Best first, `unknown` last: the order of `allCases`, used for legends and sorting.
    public static func < (lhs: ProgressCategory, rhs: ProgressCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How much weight a progress assessment can bear.
public enum Confidence: String, Codable, Sendable, CaseIterable, Hashable {
    case low
    case medium
    case high
    /// A published report's assessment: the reports do not state a confidence.
    case notStated = "not-stated"

    /// The levels a person chooses from.
    public static let stated: [Confidence] = [.low, .medium, .high]
}

// Dictionaries keyed by these encode as JSON objects keyed by the raw values.
extension ProgressCategory: CodingKeyRepresentable {}

extension ProgressCategory {
    /// The category a report's progress-assessment answer states (the same scale).
    public init(rating: ProgressRating) {
        switch rating {
        case .onTrackToExceed: self = .onTrackToExceed
        case .onTrack: self = .onTrack
        case .insufficientRate: self = .insufficientRate
        case .noSignificantChange: self = .noSignificantChange
        case .movingAway: self = .movingAway
        case .unknown: self = .unknown
        }
    }
}
