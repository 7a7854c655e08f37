import Plot
import SynergiaCore

/// One Party: its names in the six languages, codes, regional group and conventions.
enum PartyView {
    static func render(_ page: PageContext, _ party: PartyDTO, conventions: [ConventionDTO]) -> String {
        let title = LocalizedText(party.names).resolved(in: page.language).text
        return Layout.render(page, title: title, json: .api(.party(party.alpha2)), main: [
            .h1(page.name(party.names)),
            .dl(
                .dt(page.text("parties.alpha2")), .dd(.escapedText(party.alpha2)),
                .dt(page.text("parties.alpha3")), .dd(Known.value(page, party.alpha3)),
                .dt(page.text("parties.region")), .dd(PartiesView.regionalGroup(page, party.regionalGroup))
            ),
            .p(.a(.href(SiteURL.partyProgress(party.alpha2).path), page.text("progress.party-link")), .escapedText(" · "),
               .a(.href(SiteURL.synergyParty(party.alpha2).path), page.text("synergy.title")), .escapedText(" · "),
               .a(.href(SiteURL.nationalTargets(party: party.alpha2).path), page.text("national-targets.title"))),
            .h2(page.text("parties.names")),
            .dl(.class("names"), .forEach(Language.unOrder) { language in
                .group(
                    .dt(.escapedText(language.nativeName)),
                    .dd(.attribute(named: "lang", value: language.code),
                        .attribute(named: "dir", value: language.isRightToLeft ? "rtl" : "ltr"),
                        .unwrap(party.names[language.code], { .escapedText($0) }, else: .span(.class("unknown"), page.text("common.unknown"))))
                )
            }),
            .h2(page.text("parties.memberships")),
            .table(
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), page.text("parties.convention")),
                    .th(.attribute(named: "scope", value: "col"), page.text("parties.status"))
                )),
                .tbody(.forEach(conventions) { convention in
                    .tr(
                        .th(.attribute(named: "scope", value: "row"), .a(.href(SiteURL.convention(convention.code).path), page.written(in: .english, convention.shortName))),
                        .td(page.text("membership.\(party.membership(in: convention.code).rawValue)"))
                    )
                })
            ),
            .h2(page.text("parties.reports")),
            .p(page.text("parties.no-reports")),
        ])
    }
}
