import Foundation

/// What a Party says of an indicator it has no values for, as the CBD's reporting asks: there is
/// no data (yet), or the indicator is not relevant to the country; either with its reason.
public enum IndicatorStatementKind: String, Codable, Sendable, CaseIterable {
    case noData = "no-data"
    case notRelevant = "not-relevant"
}

/// A statement as written: its kind and its reason (required, at most ``maxReason`` characters).
public struct IndicatorStatementInput: Sendable, Equatable {
    public static let maxReason = 2_000

    public var kind: IndicatorStatementKind
    public var reason: String

    /// A statement as given (``parse(kind:reason:)`` checks one that comes from a form).
    public init(kind: IndicatorStatementKind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// Why a statement cannot be made as written.
    public enum Problem: Error, Sendable, Equatable {
        case unknownKind, reasonMissing, reasonTooLong

        public var catalogKey: String {
            switch self {
            case .unknownKind: "error.indicator-statement.kind"
            case .reasonMissing: "error.indicator-statement.reason"
            case .reasonTooLong: "error.indicator-statement.reason-long"
            }
        }
    }

    /// The statement, or what is wrong with it: a kind that is not one of the two, a reason empty
    /// (or only spaces) or longer than the limit.
    public static func parse(kind: String?, reason: String?) -> Result<IndicatorStatementInput, Problem> {
        guard let kind = kind.flatMap(IndicatorStatementKind.init(rawValue:)) else { return .failure(.unknownKind) }
        let reason = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { return .failure(.reasonMissing) }
        guard reason.count <= maxReason else { return .failure(.reasonTooLong) }
        return .success(IndicatorStatementInput(kind: kind, reason: reason))
    }
}
