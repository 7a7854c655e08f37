import Plot
import SynergiaCore

extension Crosswalks {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            let (links, frameworks, canEdit) = (model.links, model.frameworks, model.canEdit)
            return Layout.render(page, title: page.t("crosswalks.title"), json: .api(.crosswalks), main: [
                .h1(page.text("crosswalks.title")),
                .p(page.text("crosswalks.intro")),
                .unwrap(model.target) { .p(page.text("crosswalks.filtered", ["target": $0]), .escapedText(" "), .a(.href(SiteURL.crosswalks.path), page.text("crosswalks.all"))) },
                .if(links.isEmpty, .p(page.text("crosswalks.none")), else: .table(.class("data"),
                    .thead(.tr(.th(page.text("crosswalks.from")), .th(page.text("crosswalks.relation")), .th(page.text("crosswalks.to")),
                               .th(page.text("crosswalks.source")), .if(canEdit, .th(.escapedText(""))))),
                    .tbody(.forEach(links) { link in
                        .tr(.id("link-\(link.from)-\(link.to)".replacingOccurrences(of: "/", with: "-").attributeEscaped),
                            .td(Links.target(page, link.from)),
                            .td(page.text("crosswalks.relation.\(link.relation.rawValue)")),
                            .td(Links.target(page, link.to)),
                            .td(.unwrap(link.sourceURL.flatMap(SafeLink.href), { .a(.href($0), .escapedText(link.sourceTitle)) }, else: .escapedText(link.sourceTitle)),
                                .unwrap(link.quote) { .details(.summary(page.text("crosswalks.quote")), .blockquote(.escapedText($0))) }),
                            .if(canEdit, .td(.form(.class("inline"), .method(.post), .action(SiteURL.crosswalkDelete(link.id).path), Layout.csrfField(page),
                                                  .button(.type(.submit), page.text("crosswalks.remove"))))))
                    }))),
                .if(canEdit, .group(
                    .h2(page.text("crosswalks.add")),
                    .form(.method(.post), .action(SiteURL.crosswalks.path), Layout.csrfField(page),
                          .div(.class("field"), .label(.for("fromFramework"), page.text("crosswalks.from")),
                               .select(.id("fromFramework"), .attribute(named: "name", value: "fromFramework"),
                                       Layout.options(frameworks.map { ($0, $0) }, selected: nil))),
                          Layout.field(page, name: "fromCode", labelKey: "crosswalks.target-code", value: ""),
                          .div(.class("field"), .label(.for("relation"), page.text("crosswalks.relation")),
                               .select(.id("relation"), .attribute(named: "name", value: "relation"),
                                       Layout.options(TargetRelation.allCases.map { ($0.rawValue, page.t("crosswalks.relation.\($0.rawValue)")) }, selected: TargetRelation.contributesTo.rawValue))),
                          .div(.class("field"), .label(.for("toFramework"), page.text("crosswalks.to")),
                               .select(.id("toFramework"), .attribute(named: "name", value: "toFramework"),
                                       Layout.options(frameworks.map { ($0, $0) }, selected: nil))),
                          Layout.field(page, name: "toCode", labelKey: "crosswalks.target-code", value: ""),
                          Layout.field(page, name: "sourceTitle", labelKey: "crosswalks.source", value: ""),
                          Layout.field(page, name: "sourceURL", labelKey: "crosswalks.source-url", type: .url, value: "", required: false),
                          .div(.class("field"), .label(.for("quote"), page.text("crosswalks.quote")), .textarea(.id("quote"), .name("quote"), .rows(3))),
                          .button(.type(.submit), page.text("crosswalks.add"))))),
            ])
        }
    }
}
