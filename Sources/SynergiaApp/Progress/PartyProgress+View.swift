import Plot
import SynergiaCore
import Vapor

extension PartyProgress {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            let name = LocalizedText(model.names).resolved(in: page.language).text
            return Layout.render(page, title: page.t("progress.party-title", ["party": name]), main: [
                .h1(page.text("progress.party-title", ["party": name])),
                .p(.a(.href(SiteURL.partyProgress(model.party).path + ".csv"), .escapedText("CSV")), .escapedText(" · "),
                   .a(.href(SiteURL.apiPartyProgress(model.party).path), .escapedText("JSON"))),
                IndicatorKindFilter.links(page, model.kinds, shown: model.kind) { kind in
                    kind.map { SiteURL.partyProgressOfKind(model.party, $0) } ?? .partyProgress(model.party)
                },
                .forEach(model.frameworks) { framework in
                    .section(.id("framework-\(framework.code)".attributeEscaped),
                        .h2(page.name(framework.names), .escapedText(" (\(framework.convention))")),
                        .table(.class("data"),
                               .thead(.tr(.th(page.text("frameworks.targets")), .forEach(model.cycles) { .th(.escapedText($0)) },
                                          .th(page.text("indicators.title")))),
                               .tbody(.forEach(framework.targets) { target in
                                   .tr(.th(.attribute(named: "scope", value: "row"),
                                           .a(.href(SiteURL.progressTarget(framework: framework.code, target: target.code).path), .escapedText(target.code)),
                                           .escapedText(" "), page.name(target.title)),
                                       .forEach(model.cycles) { cycle in
                                           .td(.unwrap(target.assessments[cycle]) { category in
                                               .span(.class("category " + ProgressViewParts.colourClass(category)), .escapedText(ProgressViewParts.label(page, category)))
                                           })
                                       },
                                       .td(.forEach(target.indicators) { indicator in
                                           .group(.a(.href(SiteURL.indicator(indicator.code, party: model.party).path), .escapedText(indicator.code)),
                                                  .unwrap(indicator.latestValue) { value in
                                                      .escapedText(" \(indicator.latestPeriod ?? ""): \(value)\(indicator.unit.map { $0.isEmpty ? "" : " \($0)" } ?? "")")
                                                  },
                                                  .unwrap(indicator.statement) { statement in
                                                      .span(.class("note"), .attribute(named: "title", value: statement.reason.attributeEscaped),
                                                            .escapedText(" ("), page.text("indicators.statement.\(statement.kind.rawValue)"), .escapedText(")"))
                                                  }, .escapedText(" "))
                                       }))
                               }))
                    )
                },
                .unwrap(model.binary) { binaryAnswers(page, $0) },
            ])
        }

        /// The Party's answers to the binary indicator questions, one goal or target at a time, from
        /// the published report that states them (each goal or target links to its section there).
        static func binaryAnswers(_ page: PageContext, _ binary: BinaryAnswers) -> Node<HTML.BodyContext> {
            .section(.id("binary"),
                     .h2(page.text("progress.binary-title")),
                     .p(.class("note"), .a(.href(SiteURL.report(binary.report).path), page.text("progress.binary-source"))),
                     .forEach(binary.targets) { target in
                         // The summary toggles the details: no link inside it (nested interactive content), the link is in the details.
                         .details(.id("binary-\(target.code)".attributeEscaped),
                                  .summary(page.name(target.title), .escapedText(" (\(page.formats.number(target.answers.count)))")),
                                  .p(.a(.href(SiteURL.reportSection(binary.report, section: target.section).path), page.text("progress.binary-in-report"))),
                                  .dl(.forEach(target.answers) { answer in
                                      .group(.dt(page.name(answer.title)), .dd(shown(page, answer)))
                                  }))
                     })
        }

        /// The chosen options by their labels, or the text as written (or translated into the reader's language).
        static func shown(_ page: PageContext, _ answer: BinaryAnswers.Answer) -> Node<HTML.BodyContext> {
            if !answer.chosen.isEmpty {
                return .escapedText(answer.chosen.map { LocalizedText($0.label).resolved(in: page.language).text }.joined(separator: "; "))
            }
            if case .shortText(let written) = answer.value {
                let version = written.shown(to: page.language)
                return .span(PageContext.written(in: version.language), .escapedText(version.text))
            }
            return .escapedText("—")
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
