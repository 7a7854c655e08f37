import Plot
import SynergiaCore
import Vapor

extension PartyProgress {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            let name = LocalizedText(model.names).resolved(in: page.language).text
            return Layout.render(page, title: page.t("progress.party-title", ["party": name]), main: [
                .h1(page.text("progress.party-title", ["party": name])),
                .p(.a(.href(SiteURL.partyProgress(model.party).path + ".csv"), .text("CSV")), .text(" · "),
                   .a(.href(SiteURL.apiPartyProgress(model.party).path), .text("JSON"))),
                IndicatorKindFilter.links(page, model.kinds, shown: model.kind) { kind in
                    kind.map { SiteURL.partyProgressOfKind(model.party, $0) } ?? .partyProgress(model.party)
                },
                .forEach(model.frameworks) { framework in
                    .section(.id("framework-\(framework.code)".attributeEscaped),
                        .h2(page.name(framework.names), .text(" (\(framework.convention))")),
                        .table(.class("data"),
                               .thead(.tr(.th(page.text("frameworks.targets")), .forEach(model.cycles) { .th(.text($0)) },
                                          .th(page.text("indicators.title")))),
                               .tbody(.forEach(framework.targets) { target in
                                   .tr(.th(.attribute(named: "scope", value: "row"),
                                           .a(.href(SiteURL.progressTarget(framework: framework.code, target: target.code).path), .text(target.code)),
                                           .text(" "), page.name(target.title)),
                                       .forEach(model.cycles) { cycle in
                                           .td(.unwrap(target.assessments[cycle]) { category in
                                               .span(.class("category " + ProgressViewParts.colourClass(category)), .text(ProgressViewParts.label(page, category)))
                                           })
                                       },
                                       .td(.forEach(target.indicators) { indicator in
                                           .group(.a(.href(SiteURL.indicator(indicator.code, party: model.party).path), .text(indicator.code)),
                                                  .unwrap(indicator.latestValue) { value in
                                                      .text(" \(indicator.latestPeriod ?? ""): \(value)\(indicator.unit.map { $0.isEmpty ? "" : " \($0)" } ?? "")")
                                                  }, .text(" "))
                                       }))
                               }))
                    )
                },
            ])
        }

        /// One row per framework, target and cycle with the Party's assessment.
        static func csv(_ model: Model) -> String {
            var rows: [[SpreadsheetCSV.Cell]] = [["party", "framework", "target", "cycle", "category"]]
            for framework in model.frameworks {
                for target in framework.targets {
                    for cycle in model.cycles {
                        rows.append([.text(model.party), .text(framework.code), .text(target.code), .text(cycle),
                                     .text(target.assessments[cycle]?.rawValue ?? "")])
                    }
                }
            }
            return SpreadsheetCSV.write(rows)
        }
    }
}
