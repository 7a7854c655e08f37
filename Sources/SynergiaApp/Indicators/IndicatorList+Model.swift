import Foundation
import SynergiaCore
import Vapor

/// The indicator registry (GBF headline indicators and Aichi-era global indicators, each with
/// its targets and SDG indicators) and the Parties' national indicators.
enum IndicatorList {}

extension IndicatorList {
    struct Model: Content, Sendable {
        var indicators: [IndicatorDTO]
        /// The Party whose national indicators are listed (`?party=`), if one was asked for.
        var nationalParty: PartyCount?
        /// That Party's national indicators (empty when none was asked for).
        var national: [NationalIndicatorDTO]
        /// Without a Party: each Party that has defined national indicators, and how many (all of
        /// them on one page would be megabytes with every Party's).
        var nationalCounts: [PartyCount]

        struct PartyCount: Content, Sendable, Equatable {
            var party: String
            var names: [String: String]
            var count: Int
        }
    }
}
