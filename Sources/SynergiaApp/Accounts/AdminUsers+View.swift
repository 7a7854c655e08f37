import Plot
import SynergiaCore

extension AdminUsers {
    enum View {
        static func roleOptions(_ page: PageContext) -> [(value: String, label: String)] {
            Role.allCases.map { ($0.rawValue, page.t($0.catalogKey)) }
        }

        /// The list, and the form as sent with its `errors` (empty when nothing was sent).
        static func render(_ page: PageContext, _ model: Model, form: AdminUserPages.UserForm = .init(), errors: FieldErrors = FieldErrors()) -> String {
            let (users, conventions, created) = (model.users, model.conventions, model.created)
            return Layout.render(page, title: page.t("admin.users.title"), main: [
                .h1(page.text("admin.users.title")),
                .if(created, .p(.class("notice"), .attribute(named: "role", value: "status"), page.text("admin.users.created"))),
                .table(
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), page.text("signin.email")),
                        .th(.attribute(named: "scope", value: "col"), page.text("account.role")),
                        .th(.attribute(named: "scope", value: "col"), page.text("parties.party")),
                        .th(.attribute(named: "scope", value: "col"), page.text("parties.convention"))
                    )),
                    .tbody(.forEach(users) { user in
                        .tr(.td(.escapedText(user.email), .if(user.isDemo, .group(.escapedText(" "), .strong(.class("demo-tag"), page.text("demo.tag"))))),
                            .td(page.text("role.\(user.role)")), .td(.escapedText(user.party ?? "—")), .td(.escapedText(user.convention ?? "—")))
                    })
                ),
                .h2(page.text("admin.users.add")),
                .form(
                    .method(.post), .action(SiteURL.adminUsers().path), .novalidate(),
                    Layout.csrfField(page),
                    Layout.field(page, name: "email", labelKey: "signin.email", type: .email, value: form.email ?? "", error: errors["email"]),
                    Layout.field(page, name: "displayName", labelKey: "account.name", value: form.displayName ?? "", error: errors["displayName"], required: false),
                    Layout.field(page, name: "password", labelKey: "signin.password", type: .password, error: errors["password"], autocomplete: "new-password"),
                    .div(.class(errors["role"] == nil ? "field" : "field invalid"),
                         .label(.for("role"), page.text("account.role")),
                         .select(.id("role"), .attribute(named: "name", value: "role"), Layout.options(roleOptions(page), selected: form.role)),
                         .unwrap(errors["role"]) { .p(.class("error"), page.text($0)) }),
                    Layout.field(page, name: "party", labelKey: "admin.users.party-code", value: form.party ?? "", error: errors["party"], required: false),
                    .div(.class(errors["convention"] == nil ? "field" : "field invalid"),
                         .label(.for("convention"), page.text("parties.convention")),
                         .select(.id("convention"), .attribute(named: "name", value: "convention"),
                                 Layout.options([("", "—")] + conventions.map { ($0.code, $0.shortName) }, selected: form.convention ?? "")),
                         .unwrap(errors["convention"]) { .p(.class("error"), page.text($0)) }),
                    .button(.type(.submit), page.text("admin.users.add"))
                ),
            ])
        }
    }
}
