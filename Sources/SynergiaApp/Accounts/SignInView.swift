import Plot

/// The sign-in form; shown again with the email kept and the error beside it.
enum SignInView {
    static func render(_ page: PageContext, email: String, errors: FieldErrors, next: String?, minutes: Int = 15) -> String {
        Layout.render(page, title: page.t("signin.title"), main: [
            .h1(page.text("signin.title")),
            .unwrap(errors["form"]) { key in
                .div(.class("alert"), .attribute(named: "role", value: "alert"), .p(page.text(key, ["minutes": "\(minutes)"])))
            },
            .form(
                .method(.post), .action(SiteURL.signIn(next: nil).path), .novalidate(),
                Layout.csrfField(page),
                .unwrap(next) { .input(.type(.hidden), .name("next"), .value($0.attributeEscaped)) },
                Layout.field(page, name: "email", labelKey: "signin.email", type: .email, value: email,
                             error: errors["email"], autocomplete: "username"),
                Layout.field(page, name: "password", labelKey: "signin.password", type: .password,
                             error: errors["password"], autocomplete: "current-password"),
                .button(.type(.submit), page.text("signin.submit"))
            ),
        ])
    }
}
