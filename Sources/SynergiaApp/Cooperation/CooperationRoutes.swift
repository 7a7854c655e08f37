import Fluent
import Plot
import SynergiaCore
import Vapor

/// The cooperation registry: organizations, the Liaison Group over time, and the memoranda,
/// joint initiatives and studies, each linked to the decision paragraphs that call for them.
enum CooperationRoutes {
    static func register(_ app: Application) throws {
        app.get("cooperation") { req in
            let registry = req.application.synergia.cooperation
            let imported = Set(try await DecisionModel.query(on: req.db).all().map(\.symbol))
            let conventions = try await ReferenceQueries.conventions(on: req.db)
            return Response.html(CooperationView.render(req.page, registry, importedDecisions: imported, conventions: conventions))
        }
        app.get("api", "v1", "cooperation") { req in CooperationDTO(req.application.synergia.cooperation) }
    }
}

/// The registry as the API returns it (unknown facts are `null`).
public struct CooperationDTO: Content {
    public var organizations: [Organization]
    public var liaisonGroup: LiaisonGroup
    public var initiatives: [Initiative]

    public struct Organization: Content { public var code: String; public var name: String; public var kind: String; public var website: String? }
    public struct LiaisonGroup: Content {
        public var name: String; public var established: String?
        public var members: [Member]
        public struct Member: Content { public var convention: String; public var joined: String?; public var note: String? }
    }
    public struct Initiative: Content {
        public var id: String; public var kind: String; public var title: String; public var parties: [String]
        public var start: String?; public var end: String?; public var status: String?; public var scope: String
        public var decisionParagraphs: [String]
    }

    init(_ registry: CooperationRegistry) {
        organizations = registry.organizations.map { .init(code: $0.code, name: $0.name, kind: $0.kind, website: $0.website.value) }
        liaisonGroup = .init(name: registry.liaisonGroup.name, established: registry.liaisonGroup.established.value,
                             members: registry.liaisonGroup.members.map { .init(convention: $0.convention, joined: $0.joined.value, note: $0.note) })
        initiatives = registry.initiatives.map {
            .init(id: $0.id, kind: $0.kind, title: $0.title, parties: $0.parties, start: $0.start.value, end: $0.end.value,
                  status: $0.status.value, scope: $0.scope, decisionParagraphs: $0.decisionParagraphs)
        }
    }
}

enum CooperationView {
    static func render(_ page: PageContext, _ registry: CooperationRegistry, importedDecisions: Set<String>, conventions: [ConventionDTO]) -> String {
        let names = Dictionary(uniqueKeysWithValues: conventions.map { ($0.code, $0.shortName) })
        return Layout.render(page, title: page.t("cooperation.title"), main: [
            .h1(page.text("cooperation.title")),
            .h2(.id("liaison-group"), .text(registry.liaisonGroup.name)),
            .p(page.text("cooperation.established"), .text(" "), ConventionView.known(page, registry.liaisonGroup.established.value)),
            .table(
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), page.text("parties.convention")),
                           .th(.attribute(named: "scope", value: "col"), page.text("cooperation.joined")))),
                .tbody(.forEach(registry.liaisonGroup.members) { member in
                    .tr(.th(.attribute(named: "scope", value: "row"), .a(.href("/conventions/\(member.convention)"), .text(names[member.convention] ?? member.convention))),
                        .td(ConventionView.known(page, member.joined.value), .unwrap(member.note) { .small(.text(" (\($0))")) }))
                })
            ),
            .h2(.id("initiatives"), page.text("cooperation.initiatives")),
            .ul(.class("cards"), .forEach(registry.initiatives) { initiative in
                .li(.id(initiative.id.attributeEscaped),
                    .h3(.text(initiative.title)),
                    .p(.small(page.text("cooperation.kind.\(initiative.kind)"), .text(" · " + initiative.parties.joined(separator: ", ")))),
                    .p(.text(initiative.scope)),
                    .dl(.dt(page.text("actions.status")), .dd(ConventionView.known(page, initiative.status.value)),
                        .dt(page.text("meetings.dates")), .dd(ConventionView.known(page, initiative.start.value), .text(" – "), ConventionView.known(page, initiative.end.value))),
                    .p(page.text("cooperation.called-for-by"), .text(" "), .forEach(initiative.decisionLinks) { link in
                        .group(.if(importedDecisions.contains(link.symbol),
                                   .a(.href("/decisions/\(DecisionImport.slug(link.symbol))#para-\(link.paragraph)"), .text("\(link.symbol) ¶\(link.paragraph)")),
                                   else: .text("\(link.symbol) ¶\(link.paragraph)")), .text(" "))
                    }))
            }),
            .h2(.id("organizations"), page.text("cooperation.organizations")),
            .ul(.forEach(registry.organizations) { organization in
                .li(.strong(.text(organization.code)), .text(" — "),
                    .unwrap(organization.website.value, { .a(.href($0.attributeEscaped), .text(organization.name)) }, else: .text(organization.name)))
            }),
        ])
    }
}
