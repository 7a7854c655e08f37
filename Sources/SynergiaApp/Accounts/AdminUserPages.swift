import Fluent
import SynergiaCore
import Vapor

/// Administrators list accounts and create new ones.
struct AdminUserPages: RouteCollection {
    func boot(routes app: any RoutesBuilder) throws {
        app.get("admin", "users") { req -> Response in
            try req.authorize(.manageUsers)
            return Response.html(AdminUsers.View.render(req.page, try await AdminUsers.query(created: req.query["created"] == "1", on: req.db)))
        }
        app.on(.POST, "admin", "users", body: .collect(maxSize: "16kb")) { req -> Response in
            try req.authorize(.manageUsers)
            let form = try req.content.decode(UserForm.self)
            guard let role = Role(rawValue: form.role ?? "") else {
                return try await Self.refused(req, form, FieldErrors(["role": "error.role-unknown"]))
            }
            do {
                _ = try await AccountService.create(
                    .init(email: form.email ?? "", password: form.password ?? "", displayName: form.displayName, role: role,
                          party: form.party?.nilIfEmpty, convention: form.convention?.nilIfEmpty,
                          createdBy: req.account?.email ?? "administrator"),
                    hasher: req.passwordHasher, on: req.db)
                return req.redirect(to: SiteURL.adminUsers(created: true).path)
            } catch let errors as FieldErrors {
                return try await Self.refused(req, form, errors)
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

    static func refused(_ req: Request, _ form: UserForm, _ errors: FieldErrors) async throws -> Response {
        Response.html(AdminUsers.View.render(req.page, try await AdminUsers.query(created: false, on: req.db), form: form, errors: errors),
                      status: .unprocessableEntity)
    }
}
