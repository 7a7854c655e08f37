import Plot
import SynergiaCore

extension IndicatorList {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            Layout.render(page, title: page.t("indicators.title"), json: .api(.indicators), main: [
                .h1(page.text("indicators.title")),
                .p(page.text("indicators.sdmx"), .escapedText(" "),
                   .a(.href(SiteURL.sdmxData(format: "csv").path), .escapedText("SDMX-CSV 2.0")), .escapedText(" · "),
                   .a(.href(SiteURL.sdmxData(format: "xml").path), .escapedText("SDMX-ML 2.1")), .escapedText(" · "),
                   .a(.href(SiteURL.sdmxStructure.path), page.text("indicators.sdmx-structure"))),
                IndicatorKindFilter.links(page, model.kinds.filter { $0.kind != .national }, shown: model.kind) { kind in
                    kind.map(SiteURL.indicatorsOfKind) ?? .indicators
                },
                .table(
                    .thead(.tr(.th(page.text("indicators.code")), .th(page.text("indicators.name")), .th(page.text("indicators.unit")),
                               .th(page.text("indicators.targets")), .th(.escapedText("SDG")))),
                    .tbody(.forEach(model.indicators) { indicator in
                        .tr(.id("indicator-\(indicator.code)".attributeEscaped),
                            .th(.attribute(named: "scope", value: "row"), .a(.href(SiteURL.indicator(indicator.code).path), .escapedText(indicator.code))),
                            .td(page.name(indicator.name)),
                            .td(Known.value(page, indicator.unit)),
                            .td(.forEach(indicator.targets) { .group(Links.target(page, $0), .escapedText(" ")) }),
                            // Known only from the framework's list: its SDG indicators are not known (rather than none).
                            .td(indicator.sdg.isEmpty && indicator.sdgSeries == nil ? Known.value(page, nil as String?)
                                : .escapedText(indicator.sdg.joined(separator: ", "))))
                    })
                ),
                NationalIndicatorView.section(page, model, registry: model.linkable),
            ])
        }
    }
}
