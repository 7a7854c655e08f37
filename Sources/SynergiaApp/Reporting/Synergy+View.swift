import Plot
import SynergiaCore

extension Synergy {
    enum View {
        static func render(_ page: PageContext, _ synergy: Model) -> String {
            Layout.render(page, title: page.t("synergy.title"), json: .api(synergy.party.map { .synergyParty($0) } ?? .synergy), main: [
                .h1(page.text("synergy.title"), .unwrap(synergy.party) { .escapedText(" — \($0)") }),
                .p(page.text("synergy.lead")),
                .table(
                    .thead(.tr(.th(page.text("synergy.element")), .th(page.text("synergy.questions")), .th(page.text("synergy.parties")),
                               .th(page.text("synergy.filled")), .th(page.text("synergy.reused")))),
                    .tbody(.forEach(synergy.elements) { element in
                        .tr(.id("element-\(element.id)".attributeEscaped),
                            .th(.attribute(named: "scope", value: "row"), page.name(element.title)),
                            .td(.ul(.forEach(element.questions) { question in
                                .li(.strong(.escapedText(question.convention)), .escapedText(" "), page.name(question.title), .escapedText(" "), .small(.escapedText(question.question)))
                            })),
                            .td(page.number(element.partiesWithValue)),
                            .td(page.number(element.answersFilled)),
                            .td(page.number(element.answersReused)))
                    })
                ),
                .h2(.id("national-targets"), page.text("national-targets.title")),
                .p(page.text("synergy.national-targets", ["targets": page.formats.number(synergy.nationalTargets.targets),
                                                          "reports": page.formats.number(synergy.nationalTargets.reportsShowing)])),
                .if(!synergy.nationalTargets.byConvention.isEmpty, .ul(.forEach(synergy.nationalTargets.byConvention.sorted { $0.key < $1.key }) { entry in
                    .li(.strong(.escapedText(entry.key)), .escapedText(" "), page.text("synergy.national-targets-serving", ["count": page.formats.number(entry.value)]))
                })),
                .unwrap(synergy.party) { .p(.a(.href(SiteURL.nationalTargets(party: $0).path), page.text("national-targets.title"))) },
            ])
        }
    }
}
