import Fluent
import SynergiaCore

extension Cooperation {
    static func query(_ registry: CooperationRegistry, on db: any Database) async throws -> Model {
        let imported = Set(try await DecisionModel.query(on: db).field(\.$symbol).all().map(\.symbol))
        let conventions = try await ReferenceQueries.conventions(on: db)
        return Model(
            organizations: registry.organizations.map { .init(code: $0.code, name: $0.name, kind: $0.kind, website: $0.website.value) },
            liaisonGroup: .init(name: registry.liaisonGroup.name, established: registry.liaisonGroup.established.value,
                                members: registry.liaisonGroup.members.map { .init(convention: $0.convention, joined: $0.joined.value, note: $0.note) }),
            initiatives: registry.initiatives.map { initiative in
                .init(id: initiative.id, kind: initiative.kind, title: initiative.title, parties: initiative.parties,
                      start: initiative.start.value, end: initiative.end.value, status: initiative.status.value, scope: initiative.scope,
                      decisionParagraphs: initiative.decisionParagraphs,
                      decisionLinks: initiative.decisionLinks.map {
                          .init(symbol: $0.symbol, paragraph: $0.paragraph, slug: imported.contains($0.symbol) ? DecisionImport.slug($0.symbol) : nil)
                      })
            },
            conventionNames: Dictionary(uniqueKeysWithValues: conventions.map { ($0.code, $0.shortName) }))
    }
}
