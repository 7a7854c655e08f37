import Fluent
import SynergiaCore

extension IndicatorList {
    static func query(registry: IndicatorRegistry, on db: any Database) async throws -> Model {
        Model(indicators: registry.indicators.map(IndicatorDTO.init),
              national: try await NationalIndicatorService.list(party: nil, on: db).map(NationalIndicatorDTO.init))
    }
}
