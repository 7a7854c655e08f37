import Foundation
import SynergiaCore
import Vapor

/// The indicator registry (GBF headline indicators and Aichi-era global indicators, each with
/// its targets and SDG indicators) and the Parties' national indicators.
enum IndicatorList {}

extension IndicatorList {
    struct Model: Content, Sendable {
        /// The registry's indicators of the kind shown (``IndicatorKindFilter``).
        var indicators: [IndicatorDTO]
        /// The kind shown; nil: the headline and Aichi-era indicators.
        var kind: IndicatorKind?
        /// How many indicators the registry has of each kind.
        var kinds: [IndicatorKindFilter.KindCount]
        /// Every registry indicator's code and name, for the national indicator form's links.
        var linkable: [Linkable]
        /// The Party whose national indicators are listed (`?party=`), if one was asked for.
        var nationalParty: PartyCount?
        /// That Party's national indicators (empty when none was asked for).
        var national: [NationalIndicatorDTO]
        /// Without a Party: each Party that has defined national indicators, and how many (all of
        /// them on one page would be megabytes with every Party's).
        var nationalCounts: [PartyCount]

        struct Linkable: Content, Sendable, Equatable {
            var code: String
            var name: [String: String]
        }

        struct PartyCount: Content, Sendable, Equatable {
            var party: String
            var names: [String: String]
            var count: Int
        }
    }
}
