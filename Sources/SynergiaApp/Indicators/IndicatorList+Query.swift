import Fluent
import SQLKit
import SynergiaCore

extension IndicatorList {
    /// The registry's indicators of `kind` (nil: the headline and Aichi-era ones), and either one
    /// Party's national indicators or how many each Party has.
    static func query(registry: IndicatorRegistry, party: String?, kind: IndicatorKind?, on db: any Database) async throws -> Model {
        let indicators = registry.indicators.filter { IndicatorKindFilter.includes($0, kind) }.map(IndicatorDTO.init)
        let kinds = IndicatorKindFilter.counts(registry.indicators)
        let linkable = registry.indicators.map { Model.Linkable(code: $0.code, name: $0.name.values) }
        if let party {
            let national = try await NationalIndicatorDTO.all(NationalIndicatorService.list(party: party, on: db), on: db)
            let names = try await PartyModel.query(on: db).filter(\.$alpha2 == party).first()?.names ?? [:]
            return Model(indicators: indicators, kind: kind, kinds: kinds, linkable: linkable,
                         nationalParty: .init(party: party, names: names, count: national.count), national: national, nationalCounts: [])
        }
        struct Row: Decodable { var party_code: String; var count: Int }
        let rows = try await db.sql.select().column("party_code").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .from(NationalIndicatorModel.schema).groupBy("party_code").orderBy("party_code").all(decoding: Row.self)
        let names = Dictionary(try await PartyModel.query(on: db).filter(\.$alpha2 ~~ rows.map(\.party_code)).all().map { ($0.alpha2, $0.names) },
                               uniquingKeysWith: { a, _ in a })
        return Model(indicators: indicators, kind: kind, kinds: kinds, linkable: linkable, nationalParty: nil, national: [],
                     nationalCounts: rows.map { .init(party: $0.party_code, names: names[$0.party_code] ?? [:], count: $0.count) })
    }
}
