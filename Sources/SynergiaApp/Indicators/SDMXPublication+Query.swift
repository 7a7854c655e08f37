import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// What the SDMX structure message is built from: the registry, the Parties, the national
/// indicators, and the units and disaggregation values that published data uses.
enum SDMXPublication {
    static func structure(registry: IndicatorRegistry, on db: any Database, prepared: Date = Date()) async throws -> SDMXStructure {
        let parties = try await PartyModel.query(on: db).all()
        let national = try await NationalIndicatorModel.query(on: db).all()
        let used = try await PublishedIndicatorData.usedValues(on: db)
        return SDMXStructure(registry: registry,
                             parties: Dictionary(parties.map { ($0.alpha2, $0.names) }, uniquingKeysWith: { a, _ in a }),
                             nationalIndicators: Dictionary(national.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
                             units: used.units, dimensionValues: used.dimensionValues, prepared: prepared)
    }
}
