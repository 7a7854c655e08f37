import Plot
import SynergiaCore
import Vapor

extension IndicatorPage {
    enum View {
        /// The indicator's name, unit, custodian and targets.
        static func header(_ page: PageContext, _ indicator: IndicatorDTO) -> Node<HTML.BodyContext> {
            .group(
                .h1(.escapedText("\(indicator.code) "), page.marked(indicator.shownName(to: page.language))),
                .dl(.dt(page.text("indicators.unit")), .dd(Known.value(page, indicator.unit)),
                    .dt(page.text("indicators.custodian")), .dd(Known.value(page, indicator.custodian)),
                    .dt(page.text("indicators.targets")), .dd(.forEach(indicator.targets) { .group(Links.target(page, $0), .escapedText(" ")) }),
                    .unwrap(indicator.kind == .national ? indicator.definition : nil) { definition in
                        .group(.dt(page.text("indicators.definition")),
                               .dd(page.marked(LocalizedText(definition).resolved(in: page.language, else: indicator.language.flatMap(Language.init(rawValue:))))))
                    }),
                // A national indicator's name and definition in other languages, which its Party's focal points keep.
                .if(indicator.kind == .national,
                    .p(.a(.id("translations-link"), .href(SiteURL.translations(.nationalIndicator, indicator.code).path), page.text("translations.title")))))
        }

        /// The exports (of one Party's values when `party` is given) and, for a Party's focal points, the import form.
        static func downloadsAndImport(_ page: PageContext, _ indicator: IndicatorDTO, party: String?) -> Node<HTML.BodyContext> {
            .group(
                .p(.a(.href(SiteURL.indicatorExport(indicator.code, format: "csv", party: party).path), .escapedText("CSV")), .escapedText(" · "),
                   .a(.href(SiteURL.indicatorExport(indicator.code, format: "xlsx", party: party).path), .escapedText("XLSX")), .escapedText(" · "),
                   .a(.href(SiteURL.indicatorExport(indicator.code, format: "sdmx.csv", party: party).path), .escapedText("SDMX-CSV 1.0")), .escapedText(" · "),
                   .a(.href(SiteURL.sdmxData(format: "csv", indicator: indicator.code, party: party).path), .escapedText("SDMX-CSV 2.0")), .escapedText(" · "),
                   .a(.href(SiteURL.sdmxData(format: "xml", indicator: indicator.code, party: party).path), .escapedText("SDMX-ML 2.1")), .escapedText(" · "),
                   .a(.href(SiteURL.apiIndicatorData(indicator.code, party: party).path), .escapedText("JSON")), .escapedText(" · "),
                   .a(.href(SiteURL.sdmxStructure.path), .escapedText("SDMX "), page.text("indicators.sdmx-structure"))),
                .if(page.user.flatMap { user in user.party.map { AuthorizationPolicy.permits(user.actor, .publishIndicatorData(party: $0)) } } ?? false, .group(
                    .h2(page.text("indicators.import")),
                    .form(.method(.post), .action(SiteURL.indicatorImport.path), .enctype(.multipartData), Layout.csrfField(page),
                          .label(.for("import-file"), page.text("indicators.import-file")),
                          .input(.type(.file), .id("import-file"), .name("file"), .attribute(named: "accept", value: ".csv,.xlsx")),
                          .button(.type(.submit), page.text("indicators.import"))),
                    .p(.a(.id("indicator-template"), .href(SiteURL.indicatorTemplate(indicator.code, party: page.user?.party).path),
                          page.text("indicators.template"))))))
        }

        /// The indicator across all Parties: the median per year as a chart with its table, and
        /// each Party's latest value linking to its own series.
        static func render(_ page: PageContext, _ model: Model) -> String {
            if let summary = model.summary { return overview(page, model.indicator, summary: summary) }
            return series(page, model.indicator, points: model.points, party: model.party, statement: model.statement)
        }

        static func overview(_ page: PageContext, _ indicator: IndicatorDTO, summary: Summary) -> String {
            let title = indicator.shownName(to: page.language).text
            let unit = summary.latest.first?.unit ?? indicator.unit ?? ""
            let chart = SVGChart.lineChart(title: "\(indicator.code) \(title): \(page.t("indicators.median"))",
                                           series: [(label: page.t("indicators.median"), points: summary.median.map { (x: Double($0.year), y: $0.value) })],
                                           xLabel: page.t("indicators.year"), yLabel: unit, in: page.catalog)
            return Layout.render(page, title: title, main: [
                header(page, indicator),
                .if(summary.latest.isEmpty, .p(page.text("indicators.no-data")), else: .group(
                    .element(named: "figure", nodes: [.raw(chart)]),
                    .table(.class("data"), .caption(page.text("indicators.median")),
                           .thead(.tr(.th(page.text("indicators.year")), .th(page.text("indicators.value")), .th(page.text("indicators.parties-count")))),
                           .tbody(.forEach(summary.median) { row in
                               .tr(.td(.escapedText("\(row.year)")), .td(page.quantity(row.value)), .td(page.number(row.parties)))
                           })),
                    .h2(page.text("indicators.latest")),
                    .table(.class("data"),
                           .thead(.tr(.th(page.text("parties.party")), .th(page.text("indicators.period")), .th(page.text("indicators.value")))),
                           .tbody(.forEach(summary.latest) { row in
                               .tr(.td(.a(.href(SiteURL.indicator(indicator.code, party: row.party).path), .escapedText(row.party))), .td(.escapedText(row.period)),
                                   .td(page.quantity(row.value, unit: row.unit)))
                           })))),
                downloadsAndImport(page, indicator, party: nil),
            ])
        }

        static func series(_ page: PageContext, _ indicator: IndicatorDTO, points: [IndicatorDataPoint], party: String?,
                           statement: IndicatorStatementDTO? = nil) -> String {
            let byParty = Dictionary(grouping: points, by: \.party)
            let title = indicator.shownName(to: page.language).text
            let chart = SVGChart.lineChart(
                title: "\(indicator.code) \(title)",
                series: byParty.keys.sorted().map { party in
                    (label: party, points: byParty[party]!.map { (x: Double($0.period.start), y: $0.value) })
                },
                xLabel: page.t("indicators.year"), yLabel: points.first?.unit ?? indicator.unit ?? "", in: page.catalog)
            return Layout.render(page, title: title, main: [
                header(page, indicator),
                .if(points.isEmpty, .group(.p(page.text("indicators.no-data")), .unwrap(statement) { IndicatorStatementView.shown(page, $0) }), else: .group(
                    .element(named: "figure", nodes: [.raw(chart)]),
                    .table(.class("data"),
                           .caption(page.text("indicators.data")),
                           .thead(.tr(.th(page.text("parties.party")), .th(page.text("indicators.period")), .th(page.text("indicators.value")),
                                      .th(page.text("indicators.source")))),
                           .tbody(.forEach(points) { point in
                               .tr(.td(.escapedText(point.party)), .td(.escapedText(point.period.description)),
                                   .td(page.quantity(point.value, unit: point.unit)), .td(.escapedText(point.source)))
                           })))),
                .if(points.isEmpty, .unwrap(party) { IndicatorStatementView.form(page, indicator.code, party: $0, statement: statement) }),
                downloadsAndImport(page, indicator, party: party),
            ])
        }
    }
}
