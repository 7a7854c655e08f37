import Fluent
import SynergiaCore
import Vapor

/// Sign-in, sign-out, the account page and password change.
enum AccountPages {
    static func register(_ app: Application) throws {
        app.get("sign-in") { req -> Response in
            if req.auth.has(UserModel.self) { return req.redirect(to: "/account") }
            return Response.html(SignInView.render(req.page, email: "", errors: FieldErrors(), next: safeNext(req.query["next"])))
        }
        app.on(.POST, "sign-in", body: .collect(maxSize: "16kb"), use: signIn)
        app.post("sign-out") { req -> Response in
            req.auth.logout(UserModel.self)
            req.session.destroy()
            return req.redirect(to: "/")
        }
        app.get("account") { req -> Response in
            guard req.auth.has(UserModel.self) else { return req.redirect(to: "/sign-in?next=/account") }
            let user = try req.requireUser()
            return Response.html(AccountView.render(req.page, user: AccountDTO(user), errors: FieldErrors(), changed: req.query["changed"] == "1"))
        }
        app.on(.POST, "account", "password", body: .collect(maxSize: "16kb"), use: changePassword)
    }

    struct SignInForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let email = form.email ?? ""
        let next = safeNext(form.next)
        var errors = FieldErrors()
        if email.trimmingCharacters(in: .whitespaces).isEmpty { errors["email"] = "error.email-required" }
        if (form.password ?? "").isEmpty { errors["password"] = "error.password-required" }
        guard errors.isEmpty else {
            return Response.html(SignInView.render(req.page, email: email, errors: errors, next: next), status: .unprocessableEntity)
        }
        switch try await AccountService.signIn(email: email, password: form.password ?? "", client: req.clientAddress,
                                               hasher: req.password, on: req.db) {
        case .signedIn(let user):
            req.auth.login(user)
            req.session.authenticate(user)
            return req.redirect(to: next ?? "/account")
        case .wrongCredentials:
            errors["form"] = "error.wrong-credentials"
            return Response.html(SignInView.render(req.page, email: email, errors: errors, next: next), status: .unauthorized)
        case .rateLimited(let minutes):
            errors["form"] = "error.rate-limited"
            let response = Response.html(SignInView.render(req.page, email: email, errors: errors, next: next, minutes: minutes),
                                         status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(minutes * 60)")
            return response
        }
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirmation: String?
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(PasswordForm.self)
        do {
            try await AccountService.changePassword(of: user, current: form.current ?? "", new: form.new ?? "",
                                                    confirmation: form.confirmation ?? "", hasher: req.password, on: req.db)
            return req.redirect(to: "/account?changed=1")
        } catch let errors as FieldErrors {
            return Response.html(AccountView.render(req.page, user: AccountDTO(user), errors: errors, changed: false),
                                 status: .unprocessableEntity)
        }
    }

    /// Only a local path may follow sign-in, never another site.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }
}

/// The account as its page and `/api/v1/me` show it.
public struct AccountDTO: Content, Equatable {
    public var email: String
    public var displayName: String
    public var role: String
    public var party: String?
    public var convention: String?
    public var isDemo: Bool
    public var permissions: [String]

    init(_ user: UserModel) {
        email = user.email
        displayName = user.displayName
        role = user.role.rawValue
        party = user.partyCode
        convention = user.conventionCode
        isDemo = user.isDemo
        permissions = AccountDTO.sampleActions(for: user.actor).filter { AuthorizationPolicy.permits(user.actor, $0) }.map(\.description)
    }

    /// The actions that concern this account's own scope, to list what it may do.
    static func sampleActions(for actor: Actor) -> [Action] {
        let party = actor.party ?? "-", convention = actor.convention ?? "-"
        return [.readPublic, .manageOwnAccount, .manageUsers, .editReferenceData, .manageReportingCycles(convention: convention),
                .startReport(party: party, convention: convention), .editReport(party: party, convention: convention),
                .submitReport(party: party, convention: convention), .publishReport(convention: convention),
                .editCrosswalks(convention: convention), .editIndicatorData(party: party), .trackDecisions(convention: convention),
                .manageMeetings(convention: convention), .publishNews(convention: convention), .nominateCandidate(party: party), .selectAdvisoryGroup]
    }
}

/// `GET /api/v1/me`: the signed-in account (401 for the public).
enum AccountAPI {
    static func register(_ app: Application) throws {
        app.get("api", "v1", "me") { req in AccountDTO(try req.requireUser()) }
    }
}
