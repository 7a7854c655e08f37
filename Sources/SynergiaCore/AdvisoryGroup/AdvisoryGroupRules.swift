import Foundation

/// A person nominated to, or selected for, the informal advisory group on
/// synergies (CBD decision XII/6, paragraph 6).
public struct AdvisoryCandidate: Sendable, Hashable, Codable {
    /// A stable identifier of the nomination (or the person).
    public var id: String
    /// The ISO 3166-1 alpha-2 code of the Party that nominated the person (e.g. "BR", "EU").
    public var party: String
    /// The UN regional group of that Party; `nil` for a Party in no group, such as the European Union.
    public var region: RegionalGroup?

    public init(id: String, party: String, region: RegionalGroup?) {
        self.id = id
        self.party = party
        self.region = region
    }
}

/// How far a selection of advisory-group members is from the regional balance
/// decision XII/6 asks for: two members from each of the five regions.
public struct AdvisoryBalance: Sendable, Equatable {
    /// The state of one regional group.
    public struct Region: Sendable, Equatable {
        public var region: RegionalGroup
        /// How many members of this region are selected.
        public var selected: Int
        /// How many more are needed to reach `AdvisoryGroupRules.membersPerRegion` (never negative).
        public var missing: Int
        /// Whether exactly the required number is selected.
        public var isBalanced: Bool { selected == AdvisoryGroupRules.membersPerRegion }
    }

    /// One entry per regional group, in `RegionalGroup.allCases` order.
    public var regions: [Region]
    /// Selected candidates that belong to no regional group (they cannot count towards balance).
    public var withoutRegion: Int

    /// Whether every one of the five regions has exactly two members.
    public var isComplete: Bool { regions.count == RegionalGroup.allCases.count && regions.allSatisfy(\.isBalanced) }

    /// The entry for one region.
    public func region(_ region: RegionalGroup) -> Region {
        regions.first { $0.region == region } ?? Region(region: region, selected: 0, missing: AdvisoryGroupRules.membersPerRegion)
    }
}

/// Why a nomination or a selection for the advisory group is refused.
public enum AdvisoryRefusal: Error, Sendable, Equatable {
    /// The region already has its two members.
    case regionFull(RegionalGroup)
    /// The candidate's Party belongs to no UN regional group (e.g. the European Union).
    case noRegion
    /// The candidate is already selected.
    case alreadySelected
    /// The nomination arrived after the deadline.
    case afterDeadline
    /// The call for nominations has been closed.
    case callClosed
    /// The nominator is not a national focal point of the candidate's Party.
    case notFocalPointOfParty

    /// The message catalog key the app shows, translated.
    public var catalogKey: String {
        switch self {
        case .regionFull: "error.advisory.region-full"
        case .noRegion: "error.advisory.no-region"
        case .alreadySelected: "error.advisory.already-selected"
        case .afterDeadline: "error.advisory.after-deadline"
        case .callClosed: "error.advisory.call-closed"
        case .notFocalPointOfParty: "error.advisory.not-focal-point"
        }
    }
}

/// The rules of the informal advisory group of CBD decision XII/6, paragraph 6:
/// "regionally balanced, two members from each region, selected by the Bureau
/// on nominations by Parties". Pure functions; the app stores the data.
public enum AdvisoryGroupRules {
    /// Members the Bureau selects from each UN regional group.
    public static let membersPerRegion = 2

    /// The regional balance of a selection. Duplicate ids are counted once.
    public static func balance(of selected: [AdvisoryCandidate]) -> AdvisoryBalance {
        var seen = Set<String>()
        var counts: [RegionalGroup: Int] = [:]
        var withoutRegion = 0
        for candidate in selected where seen.insert(candidate.id).inserted {
            if let region = candidate.region {
                counts[region, default: 0] += 1
            } else {
                withoutRegion += 1
            }
        }
        let regions = RegionalGroup.allCases.map { region in
            let count = counts[region] ?? 0
            return AdvisoryBalance.Region(region: region, selected: count, missing: max(0, membersPerRegion - count))
        }
        return AdvisoryBalance(regions: regions, withoutRegion: withoutRegion)
    }

    /// Whether the Bureau may add `candidate` to those `alreadySelected`;
    /// `nil` when it may, otherwise the reason it may not.
    public static func checkSelection(of candidate: AdvisoryCandidate, alreadySelected: [AdvisoryCandidate]) -> AdvisoryRefusal? {
        if alreadySelected.contains(where: { $0.id == candidate.id }) { return .alreadySelected }
        guard let region = candidate.region else { return .noRegion }
        let count = Set(alreadySelected.filter { $0.region == region }.map(\.id)).count
        if count >= membersPerRegion { return .regionFull(region) }
        return nil
    }

    /// Whether a nomination may be accepted; `nil` when it may.
    ///
    /// - Parameters:
    ///   - nominatorParty: the alpha-2 code of the Party the nominator is focal point of, if any.
    ///   - nominatorIsFocalPoint: whether the nominator holds a national focal point role.
    ///   - candidateParty: the alpha-2 code of the Party the candidate is nominated for.
    ///   - deadline: the last instant nominations are accepted (inclusive).
    ///   - now: the current time.
    ///   - callClosed: whether the Secretariat closed the call.
    public static func checkNomination(
        nominatorParty: String?,
        nominatorIsFocalPoint: Bool,
        candidateParty: String,
        deadline: Date,
        now: Date,
        callClosed: Bool
    ) -> AdvisoryRefusal? {
        if callClosed { return .callClosed }
        if now > deadline { return .afterDeadline }
        guard nominatorIsFocalPoint,
              let nominatorParty = normalizedParty(nominatorParty),
              let candidate = normalizedParty(candidateParty),
              nominatorParty == candidate
        else { return .notFocalPointOfParty }
        return nil
    }

    private static func normalizedParty(_ code: String?) -> String? {
        guard let trimmed = code?.trimmingCharacters(in: .whitespaces).uppercased(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
