import Foundation
import SynergiaCore
import Vapor

/// The indicator registry (GBF headline indicators and Aichi-era global indicators, each with
/// its targets and SDG indicators) and the Parties' national indicators.
enum IndicatorList {}

extension IndicatorList {
    struct Model: Content, Sendable {
        var indicators: [IndicatorDTO]
        var national: [NationalIndicatorDTO]
    }
}
