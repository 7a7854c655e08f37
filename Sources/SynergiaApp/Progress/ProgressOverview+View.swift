import Plot
import SynergiaCore
import Vapor

extension ProgressOverview {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            return Layout.render(page, title: page.t("progress.overview"), main: [
                .h1(page.text("progress.overview")),
                .p(page.text("progress.overview-intro")),
                .if(model.cycles.count > 1, .form(.method(.get), .action(SiteURL.progress().path),
                    .label(.for("cycle"), page.text("progress.cycle")), .escapedText(" "),
                    .select(.id("cycle"), .attribute(named: "name", value: "cycle"), Layout.options(model.cycles.map { ($0, $0) }, selected: model.cycle)),
                    .button(.type(.submit), page.text("parties.filter")))),
                .unwrap(model.cycle) { .p(page.text("progress.cycle"), .escapedText(": \($0) · "), .a(.href(SiteURL.progressOverviewCSV(cycle: model.cycle).path), .escapedText("CSV")),
                                          .escapedText(" · "), .a(.href(SiteURL.apiProgress(cycle: model.cycle).path), .escapedText("JSON"))) },
                .forEach(model.frameworks.filter { framework in framework.targets.contains { !$0.overall.isEmpty } }) { framework in
                    .section(.id("framework-\(framework.code)".attributeEscaped),
                        .h2(page.name(framework.names)),
                        .element(named: "figure", nodes: [.raw(SVGChart.progressBars(
                            title: LocalizedText(framework.names).resolved(in: page.language).text,
                            counts: framework.targets.map { (label: $0.code, counts: $0.overall) }, in: page.catalog))]),
                        ProgressViewParts.table(page, framework.targets.map { (label: $0.code, counts: $0.overall) },
                                                link: { code in SiteURL.progressTarget(framework: framework.code, target: code, cycle: model.cycle).path }))
                },
                .if(model.cycle == nil, .p(page.text("progress.none"))),
            ])
        }

        /// One row per framework and target, with the counts of each category.
        static func csv(_ model: Model) -> String {
            var rows: [[SpreadsheetCSV.Cell]] = [(["framework", "target", "cycle"] + ProgressCategory.allCases.map(\.rawValue)).map { .text($0) }]
            for framework in model.frameworks {
                for target in framework.targets {
                    rows.append([.text(framework.code), .text(target.code), .text(model.cycle ?? "")]
                                + ProgressCategory.allCases.map { .number("\(target.overall[$0] ?? 0)") })
                }
            }
            return SpreadsheetCSV.write(rows)
        }
    }
}
