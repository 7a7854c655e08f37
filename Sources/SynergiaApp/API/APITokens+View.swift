import Foundation
import Plot
import SynergiaCore

extension APITokens {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            let (tokens, created) = (model.tokens, model.created)
            let format = ISO8601DateFormatter()
            return Layout.render(page, title: page.t("tokens.title"), main: [
                .h1(page.text("tokens.title")),
                .p(page.text("tokens.intro")),
                .unwrap(created) { token in
                    .div(.class("notice"), .attribute(named: "role", value: "status"),
                         .p(page.text("tokens.created")), .p(.code(.id("new-token"), .escapedText(token))))
                },
                .if(tokens.isEmpty, .p(page.text("tokens.none")), else: .table(.class("data"),
                    .thead(.tr(.th(page.text("tokens.name")), .th(page.text("tokens.created-at")), .th(page.text("tokens.last-used")), .th(.escapedText("")))),
                    .tbody(.forEach(tokens) { token in
                        .tr(.td(.escapedText(token.name)), .td(.escapedText(token.createdAt.map(format.string) ?? "")),
                            .td(.escapedText(token.lastUsedAt.map(format.string) ?? "—")),
                            .td(.form(.class("inline"), .method(.post), .action(SiteURL.apiTokenRevoke(token.id).path), Layout.csrfField(page),
                                      .button(.type(.submit), page.text("tokens.revoke")))))
                    }))),
                .h2(page.text("tokens.new")),
                .form(.method(.post), .action(SiteURL.apiTokens.path), Layout.csrfField(page),
                      Layout.field(page, name: "name", labelKey: "tokens.name", value: ""),
                      .button(.type(.submit), page.text("tokens.new"))),
            ])
        }
    }
}
