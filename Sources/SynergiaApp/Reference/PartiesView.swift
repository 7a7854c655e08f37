import Plot
import SynergiaCore

/// The Parties, filtered by regional group and by convention with a plain GET form.
enum PartiesView {
    static func render(_ page: PageContext, _ list: PartyListDTO, conventions: [ConventionDTO]) -> String {
        Layout.render(page, title: page.t("parties.title"), json: .api(.parties), main: [
            .h1(page.text("parties.title")),
            .form(
                .class("filters"), .method(.get), .action(SiteURL.parties().path),
                .div(.class("field"),
                     .label(.for("region"), page.text("parties.region")),
                     .select(.id("region"), .attribute(named: "name", value: "region"), Layout.options(regionOptions(page), selected: list.regionalGroup ?? ""))),
                .div(.class("field"),
                     .label(.for("convention"), page.text("parties.convention")),
                     .select(.id("convention"), .attribute(named: "name", value: "convention"),
                             Layout.options([("", page.t("parties.all-conventions"))] + conventions.map { ($0.code, $0.shortName) },
                                            selected: list.convention ?? ""))),
                .input(.type(.hidden), .name("lang"), .value(page.language.code)),
                .button(.type(.submit), page.text("parties.filter"))
            ),
            .p(.attribute(named: "role", value: "status"), page.text("parties.count", ["count": "\(list.count)"])),
            .table(
                .caption(page.text("parties.caption")),
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), page.text("parties.name")),
                    .th(.attribute(named: "scope", value: "col"), page.text("parties.codes")),
                    .th(.attribute(named: "scope", value: "col"), page.text("parties.region")),
                    .th(.attribute(named: "scope", value: "col"), page.text("parties.memberships"))
                )),
                // In the reader's alphabetical order (the API keeps the English one).
                .tbody(.forEach(Collation.sorted(list.parties, in: page.language) { LocalizedText($0.names).resolved(in: page.language).text }) { party in
                    .tr(
                        .th(.attribute(named: "scope", value: "row"), .a(.href(SiteURL.party(party.alpha2).path), page.name(party.names))),
                        .td(.escapedText(party.alpha2), .escapedText(" · "), .escapedText(party.alpha3 ?? "—")),
                        .td(regionalGroup(page, party.regionalGroup)),
                        .td(page.written(in: .english, conventions.filter { party.membership(in: $0.code) == .party }.map(\.shortName).joined(separator: ", ")))
                    )
                })
            ),
        ])
    }

    static func regionOptions(_ page: PageContext) -> [(value: String, label: String)] {
        [("", page.t("parties.all-regions"))] + RegionalGroup.allCases.map { ($0.rawValue, page.t($0.catalogKey)) }
    }

    static func regionalGroup(_ page: PageContext, _ raw: String?) -> Node<HTML.BodyContext> {
        guard let raw, let group = RegionalGroup(rawValue: raw) else { return page.text("parties.no-region") }
        return page.text(group.catalogKey)
    }
}
