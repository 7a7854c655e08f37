import Fluent
import Plot
import SynergiaCore
import Vapor

/// Administrators list accounts and create new ones.
enum AdminUserPages {
    static func register(_ app: Application) throws {
        app.get("admin", "users") { req -> Response in
            try req.authorize(.manageUsers)
            return Response.html(try await page(req, form: UserForm(), errors: FieldErrors()))
        }
        app.on(.POST, "admin", "users", body: .collect(maxSize: "16kb")) { req -> Response in
            try req.authorize(.manageUsers)
            let form = try req.content.decode(UserForm.self)
            guard let role = Role(rawValue: form.role ?? "") else {
                return Response.html(try await page(req, form: form, errors: FieldErrors(["role": "error.role-unknown"])), status: .unprocessableEntity)
            }
            do {
                _ = try await AccountService.create(
                    .init(email: form.email ?? "", password: form.password ?? "", displayName: form.displayName, role: role,
                          party: form.party?.nilIfEmpty, convention: form.convention?.nilIfEmpty,
                          createdBy: req.account?.email ?? "administrator"),
                    hasher: req.passwordHasher, on: req.db)
                return req.redirect(to: "/admin/users?created=1")
            } catch let errors as FieldErrors {
                return Response.html(try await page(req, form: form, errors: errors), status: .unprocessableEntity)
            }
        }
    }

    struct UserForm: Content {
        var email: String?
        var password: String?
        var displayName: String?
        var role: String?
        var party: String?
        var convention: String?
    }

    static func page(_ req: Request, form: UserForm, errors: FieldErrors) async throws -> String {
        let users = try await UserModel.query(on: req.db).sort(\.$email).all().map(AccountDTO.init)
        let conventions = try await ReferenceQueries.conventions(on: req.db)
        return AdminUsersView.render(req.page, users: users, conventions: conventions, form: form, errors: errors,
                                     created: req.query["created"] == "1")
    }
}

/// The account list and the form to create an account.
enum AdminUsersView {
    static func roleOptions(_ page: PageContext) -> [(value: String, label: String)] {
        Role.allCases.map { ($0.rawValue, page.t($0.catalogKey)) }
    }

    static func render(_ page: PageContext, users: [AccountDTO], conventions: [ConventionDTO], form: AdminUserPages.UserForm,
                       errors: FieldErrors, created: Bool) -> String {
        Layout.render(page, title: page.t("admin.users.title"), main: [
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
                    .tr(.td(.text(user.email), .if(user.isDemo, .group(.text(" "), .strong(.class("demo-tag"), page.text("demo.tag"))))),
                        .td(page.text("role.\(user.role)")), .td(.text(user.party ?? "—")), .td(.text(user.convention ?? "—")))
                })
            ),
            .h2(page.text("admin.users.add")),
            .form(
                .method(.post), .action("/admin/users"), .novalidate(),
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
