import Foundation
import Plot
import SynergiaCore
import Vapor

/// The indicator registry: GBF headline indicators and Aichi-era global indicators, each with
/// its linked targets and SDG indicators; unknown facts are said to be unknown.
enum IndicatorRoutes {
    static func register(_ app: Application) throws {
        app.get("indicators") { req in
            Response.html(IndicatorListView.render(req.page, req.application.synergia.indicators.indicators.map(IndicatorDTO.init),
                                                   national: try await NationalIndicators.all(req).map(NationalIndicatorDTO.init)))
        }
        try NationalIndicators.register(app)
        app.get("api", "v1", "indicators") { req in req.application.synergia.indicators.indicators.map(IndicatorDTO.init) }
        try IndicatorDataRoutes.register(app)
    }
}

/// An indicator as the API returns it (`null` where the registry does not know the fact).
public struct IndicatorDTO: Content, Equatable {
    public var code: String
    public var kind: String
    public var name: [String: String]
    public var definition: [String: String]?
    public var unit: String?
    public var methodologySource: String?
    public var custodian: String?
    /// `FRAMEWORK/CODE`, e.g. `KMGBF/3`.
    public var targets: [String]
    public var sdg: [String]

    init(_ indicator: IndicatorDefinition) {
        code = indicator.code
        kind = indicator.kind.rawValue
        name = indicator.name.values
        definition = indicator.definition.value?.values
        unit = indicator.unit.value
        methodologySource = indicator.methodologySource.value
        custodian = indicator.custodian.value
        targets = indicator.targets.map { "\($0.framework)/\($0.code)" }
        sdg = indicator.sdg
    }
}

enum IndicatorListView {
    static func render(_ page: PageContext, _ indicators: [IndicatorDTO], national: [NationalIndicatorDTO] = []) -> String {
        Layout.render(page, title: page.t("indicators.title"), main: [
            .h1(page.text("indicators.title")),
            .table(
                .thead(.tr(.th(page.text("indicators.code")), .th(page.text("indicators.name")), .th(page.text("indicators.unit")),
                           .th(page.text("indicators.targets")), .th(.text("SDG")))),
                .tbody(.forEach(indicators) { indicator in
                    .tr(.id("indicator-\(indicator.code)".attributeEscaped),
                        .th(.attribute(named: "scope", value: "row"), .a(.href("/indicators/\(indicator.code.attributeEscaped)"), .text(indicator.code))),
                        .td(page.name(indicator.name)),
                        .td(ConventionView.known(page, indicator.unit)),
                        .td(.forEach(indicator.targets) { .group(ActionItemsView.targetLink(page, $0), .text(" ")) }),
                        .td(.text(indicator.sdg.joined(separator: ", "))))
                })
            ),
            NationalIndicatorView.section(page, national, registry: indicators),
        ])
    }
}
