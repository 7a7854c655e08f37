import Plot
import SynergiaCore
import Vapor

extension TargetDashboard {
    enum View {
        /// `canAssess`: the reader may state the Party's assessment here (the form and the suggestions show).
        static func render(_ page: PageContext, _ model: Model, canAssess: Bool) -> String {
            let regions = RegionalGroup.allCases.map { (label: page.t($0.catalogKey), counts: model.byRegion[$0.rawValue] ?? [:]) }
            // Short names under the chart's bars, so they do not run into each other; the table has the full names.
            let regionBars = RegionalGroup.allCases.map { (label: page.t("region-short.\($0.rawValue)"), counts: model.byRegion[$0.rawValue] ?? [:]) }
            let conventions = model.byConvention.keys.sorted().map { (label: $0, counts: model.byConvention[$0] ?? [:]) }
            return Layout.render(page, title: page.t("progress.title"), main: [
                .h1(page.text("frameworks.target", ["code": model.target]), .escapedText(" — "), page.name(model.title)),
                .p(page.text("progress.count", ["count": "\(model.assessments.count)"]), .escapedText(" · "),
                   .a(.href(SiteURL.progressTargetCSV(framework: model.framework, target: model.target).path), .escapedText("CSV")), .escapedText(" · "),
                   .a(.href(SiteURL.apiProgressTarget(framework: model.framework, target: model.target).path), .escapedText("JSON"))),
                .h2(page.text("progress.by-region")),
                .element(named: "figure", nodes: [.raw(SVGChart.progressBars(title: page.t("progress.by-region"), counts: regionBars, in: page.catalog))]),
                ProgressViewParts.table(page, regions),
                .h2(page.text("progress.by-convention")),
                .if(conventions.isEmpty, .p(page.text("progress.none")), else: .group(
                    .element(named: "figure", nodes: [.raw(SVGChart.progressBars(title: page.t("progress.by-convention"), counts: conventions, in: page.catalog))]),
                    ProgressViewParts.table(page, conventions))),
                .h2(page.text("progress.tiles")),
                ProgressViewParts.legend(page),
                .div(.class("tiles"), .attribute(named: "role", value: "list"), .forEach(model.tiles) { tile in
                    .div(.class("tile " + ProgressViewParts.colourClass(tile.category)), .attribute(named: "role", value: "listitem"),
                         .attribute(named: "title", value: "\(tile.name): \(tile.category.map { ProgressViewParts.label(page, $0) } ?? page.t("progress.not-assessed"))".attributeEscaped),
                         .escapedText(tile.party))
                }),
                nationalTargets(page, model.nationalTargets),
                .if(canAssess, assessForm(page, model, action: SiteURL.progressTarget(framework: model.framework, target: model.target).path)),
            ])
        }

        /// The Parties' published national targets that serve this target, with how closely and their progress.
        static func nationalTargets(_ page: PageContext, _ targets: [Model.NationalTarget]) -> Node<HTML.BodyContext> {
            .section(.id("national-targets"),
                .h2(page.text("national-targets.of-parties")),
                .if(targets.isEmpty, .p(page.text("national-targets.none-aligned")), else: .table(.class("data"),
                    .thead(.tr(.th(page.text("parties.party")), .th(page.text("national-targets.target-title")),
                               .th(page.text("national-targets.degree")), .th(page.text("progress.category")))),
                    .tbody(.forEach(targets) { target in
                        .tr(.td(.a(.href(SiteURL.nationalTargets(party: target.party).path), .escapedText(target.party))),
                            .td(.a(.href(SiteURL.nationalTarget(party: target.party, code: target.code).path), .escapedText(target.code)), .escapedText(" "),
                                target.language.flatMap(Language.init(rawValue:)).map { page.marked(LocalizedString(text: target.title, language: $0)) }
                                    ?? .escapedText(target.title)),
                            .td(target.degree.map { page.text("national-targets.degree-\($0.rawValue)") } ?? .escapedText("—")),
                            .td(NationalTargetViewParts.progress(page, target.progress)))
                    }))))
        }

        static func assessForm(_ page: PageContext, _ model: Model, action: String) -> Node<HTML.BodyContext> {
            .group(
                .h2(page.text("progress.assess")),
                .forEach(model.suggestions) { suggestion in
                    .div(.class("notice suggestion"), .id("suggestion-\(suggestion.indicator)".attributeEscaped),
                         .p(.strong(page.text("progress.suggested", ["indicator": suggestion.indicator])), .escapedText(" "),
                            .escapedText(ProgressViewParts.label(page, suggestion.category)), .escapedText(" ("),
                            page.text("progress.confidence-\(suggestion.confidence.rawValue)"), .escapedText(")")),
                         .p(.attribute(named: "lang", value: "en"), .escapedText(suggestion.explanation)),
                         .p(.class("note"), page.text("progress.goal", ["value": suggestion.goalValue == suggestion.goalValue.rounded() ? String(Int(suggestion.goalValue)) : String(suggestion.goalValue), "year": "\(suggestion.goalYear)"]),
                            .escapedText(" — “\(suggestion.goalQuote)”")))
                },
                .form(.method(.post), .action(action), Layout.csrfField(page),
                      Layout.field(page, name: "cycle", labelKey: "progress.cycle", value: "2026"),
                      .div(.class("field"), .label(.for("category"), page.text("progress.category")),
                           .select(.id("category"), .attribute(named: "name", value: "category"),
                                   Layout.options(ProgressCategory.allCases.map { ($0.rawValue, ProgressViewParts.label(page, $0)) },
                                                  selected: model.suggestions.first?.category.rawValue))),
                      .div(.class("field"), .label(.for("confidence"), page.text("progress.confidence")),
                           .select(.id("confidence"), .attribute(named: "name", value: "confidence"),
                                   Layout.options(Confidence.stated.map { ($0.rawValue, page.t("progress.confidence-\($0.rawValue)")) },
                                                  selected: Confidence.medium.rawValue))),
                      .div(.class("field"), .label(.for("evidence"), page.text("progress.evidence")), .textarea(.id("evidence"), .name("evidence"), .rows(3))),
                      .button(.type(.submit), page.text("progress.assess"))))
        }

        /// One row per assessment.
        static func csv(_ model: Model) -> String {
            SpreadsheetCSV.write([["party", "regional_group", "category", "confidence"]] + model.assessments.map {
                [.text($0.party), .text($0.regionalGroup ?? ""), .text($0.category.rawValue), .text($0.confidence.rawValue)]
            })
        }
    }
}
