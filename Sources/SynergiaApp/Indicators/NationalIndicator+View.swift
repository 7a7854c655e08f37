import Plot
import SynergiaCore

enum NationalIndicatorView {
    /// One Party's national indicators when the page was asked for one, else how many each Party has.
    static func section(_ page: PageContext, _ model: IndicatorList.Model, registry: [IndicatorList.Model.Linkable]) -> Node<HTML.BodyContext> {
        let indicators = model.national
        return .section(.id("national"),
            .h2(page.text("indicators.national")),
            .p(page.text("indicators.national-intro"), .escapedText(" "), .a(.href(SiteURL.api(.nationalIndicators).path), .escapedText("JSON"))),
            .if(model.nationalParty == nil, counts(page, model.nationalCounts)),
            .unwrap(model.nationalParty) { party in
                .p(.strong(partyName(page, party)), .escapedText(" · "),
                   .a(.href(SiteURL.indicators.path + "#national"), page.text("indicators.national-all")))
            },
            .if(model.nationalParty != nil && indicators.isEmpty, .p(page.text("indicators.national-none"))),
            .if(!indicators.isEmpty, .table(.class("data"),
                .thead(.tr(.th(page.text("indicators.code")), .th(page.text("indicators.name")), .th(page.text("indicators.unit")),
                           .th(page.text("indicators.national-links")), .th(page.text("indicators.targets")),
                           .th(page.text("translations.title")))),
                .tbody(.forEach(indicators) { indicator in
                    .tr(.id("national-\(indicator.code)".attributeEscaped),
                        .th(.attribute(named: "scope", value: "row"), .a(.href(SiteURL.indicator(indicator.code, party: indicator.party).path), .escapedText(indicator.code))),
                        name(page, indicator), .td(.escapedText(indicator.unit)),
                        .td(.forEach(indicator.globalIndicators) { .group(.a(.href(SiteURL.indicator($0).path), .escapedText($0)), .escapedText(" ")) }),
                        .td(.forEach(indicator.targets) { .group(Links.target(page, $0), .escapedText(" ")) }),
                        .td(languages(page, indicator)))
                }))),
            .if(page.user.flatMap { user in user.party.map { AuthorizationPolicy.permits(user.actor, .publishIndicatorData(party: $0)) } } ?? false, .group(
                .h3(page.text("indicators.national-add")),
                .form(.method(.post), .action(SiteURL.nationalIndicators.path), Layout.csrfField(page),
                      Layout.field(page, name: "localCode", labelKey: "indicators.national-code", value: ""),
                      Layout.field(page, name: "name", labelKey: "indicators.name", value: ""),
                      Layout.field(page, name: "unit", labelKey: "indicators.unit", value: "", required: false),
                      .div(.class("field"), .label(.for("definition"), page.text("indicators.definition")),
                           .textarea(.id("definition"), .name("definition"), .rows(3))),
                      .div(.class("field"), .label(.for("globalIndicators"), page.text("indicators.national-links")),
                           .select(.id("globalIndicators"), .attribute(named: "name", value: "globalIndicators"),
                                   Layout.options([("", "—")] + registry.map { ($0.code, "\($0.code) \(LocalizedText($0.name).resolved(in: page.language).text)") },
                                                  selected: nil))),
                      Layout.field(page, name: "targets", labelKey: "indicators.national-targets", value: "", required: false),
                      .button(.type(.submit), page.text("indicators.national-add")))))
        )
    }

    /// The indicator's name in the reader's language when translated into it, else as written, marked with its language.
    static func name(_ page: PageContext, _ indicator: NationalIndicatorDTO) -> Node<HTML.TableRowContext> {
        let name = TranslatedField.shown(indicator.name, language: indicator.language, field: "name", indicator.translations, to: page.language)
        return .td(TranslationsPage.View.marked(name.language), .escapedText(name.text))
    }

    /// The languages the indicator can be read in (as written first), linking to its translations.
    static func languages(_ page: PageContext, _ indicator: NationalIndicatorDTO) -> Node<HTML.BodyContext> {
        let written = indicator.language.flatMap(Language.init(rawValue:))
        let translated = Set(indicator.translations.values.flatMap(\.keys).compactMap(Language.init(rawValue:)))
        let names = ((written.map { [$0] } ?? []) + Language.unOrder.filter { translated.contains($0) && $0 != written })
            .map(page.formats.languageName)
        return .a(.href(SiteURL.translations(.nationalIndicator, indicator.code).path),
                  names.isEmpty ? page.text("translations.title") : .escapedText(names.joined(separator: ", ")))
    }

    static func partyName<C>(_ page: PageContext, _ row: IndicatorList.Model.PartyCount) -> Node<C> {
        row.names.isEmpty ? .escapedText(row.party) : page.name(row.names)
    }

    /// Each Party that has national indicators, linking to its list.
    static func counts(_ page: PageContext, _ counts: [IndicatorList.Model.PartyCount]) -> Node<HTML.BodyContext> {
        .if(counts.isEmpty, .p(page.text("indicators.national-none")), else: .group(
            .p(page.text("indicators.national-choose")),
            .table(.class("data"),
                .thead(.tr(.th(page.text("parties.party")), .th(page.text("indicators.national")))),
                .tbody(.forEach(counts) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"),
                            .a(.href(SiteURL.nationalIndicatorsOf(party: row.party).path), partyName(page, row))),
                        .td(page.number(row.count)))
                }))))
    }
}
