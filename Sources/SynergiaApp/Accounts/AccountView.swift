import Plot
import SynergiaCore

/// The account page: who one is, what one may do, sign-out and password change.
enum AccountView {
    static func render(_ page: PageContext, user: AccountDTO, errors: FieldErrors, changed: Bool, undelivered: [NotificationModel]) -> String {
        Layout.render(page, title: page.t("account.title"), json: .api(.me), main: [
            .h1(page.text("account.title")),
            .if(changed, .p(.class("notice"), .attribute(named: "role", value: "status"), page.text("account.password-changed"))),
            .dl(
                .dt(page.text("account.name")), .dd(.escapedText(user.displayName), .if(user.isDemo, .group(.escapedText(" "), .strong(.class("demo-tag"), page.text("demo.tag"))))),
                .dt(page.text("signin.email")), .dd(.escapedText(user.email)),
                .dt(page.text("account.role")), .dd(page.text("role.\(user.role)")),
                .unwrap(user.party) { party in .group(.dt(page.text("parties.party")), .dd(.a(.href(SiteURL.party(party).path), .escapedText(party)))) },
                .unwrap(user.convention) { code in .group(.dt(page.text("parties.convention")), .dd(.a(.href(SiteURL.convention(code).path), .escapedText(code)))) }
            ),
            .if(user.role == Role.administrator.rawValue, .p(.a(.href(SiteURL.adminUsers().path), page.text("admin.users.title")))),
            .p(.a(.href(SiteURL.apiTokens.path), page.text("tokens.title"))),
            .p(.a(.href(SiteURL.savedSearches.path), page.text("saved-search.title"))),
            .if(!undelivered.isEmpty, .section(.id("undelivered"), .class("alert"),
                .h2(page.text("account.undelivered")),
                .ul(.forEach(undelivered) { message in
                    .li(.escapedText(message.recipient), .escapedText(": "), .escapedText(message.subject),
                        .unwrap(message.lastError) { .group(.br(), .small(.escapedText($0))) })
                }))),
            .form(.class("inline"), .method(.post), .action(SiteURL.signOut.path), Layout.csrfField(page), .button(.type(.submit), page.text("account.sign-out"))),
            .form(.class("inline"), .method(.post), .action(SiteURL.signOutEverywhere.path), Layout.csrfField(page),
                  .button(.type(.submit), .id("sign-out-everywhere"), page.text("account.sign-out-everywhere"))),
            .h2(.id("password"), page.text("account.change-password")),
            .form(
                .method(.post), .action(SiteURL.accountPassword.path), .novalidate(),
                Layout.csrfField(page),
                Layout.field(page, name: "current", labelKey: "account.current-password", type: .password,
                             error: errors["current"], autocomplete: "current-password"),
                Layout.field(page, name: "new", labelKey: "account.new-password", type: .password,
                             error: errors["new"], autocomplete: "new-password"),
                Layout.field(page, name: "confirmation", labelKey: "account.confirm-password", type: .password,
                             error: errors["confirmation"], autocomplete: "new-password"),
                .p(.class("note"), page.text("account.password-ends-sessions")),
                .div(.class("field checkbox"),
                     .input(.type(.checkbox), .id("keepTokens"), .name("keepTokens")),
                     .label(.for("keepTokens"), page.text("account.keep-tokens"))),
                .button(.type(.submit), page.text("account.change-password"))
            ),
        ])
    }
}
