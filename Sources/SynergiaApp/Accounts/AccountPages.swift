import Fluent
import SynergiaCore
import Vapor

/// Sign-in, sign-out, the account page and password change.
struct AccountPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("sign-in") { req -> Response in
            if req.auth.has(UserModel.self) { return req.redirect(to: SiteURL.account.path) }
            return Response.html(SignInView.render(req.page, email: "", errors: FieldErrors(), next: LocalPath.validated(req.query["next"])))
        }
        routes.on(.POST, "sign-in", body: .collect(maxSize: "16kb"), use: Self.signIn)
        routes.on(.POST, "sign-out", body: .collect(maxSize: "4kb")) { req -> Response in
            try await req.endSession()
            return req.redirect(to: SiteURL.home.path)
        }
        routes.on(.POST, "sign-out-everywhere", body: .collect(maxSize: "4kb")) { req -> Response in
            let user = try req.requireUser()
            try await AccountService.signOutEverywhere(user, on: req.db)
            try await req.endSession()
            return req.redirect(to: SiteURL.signIn(next: nil).path)
        }
        routes.get("account") { req -> Response in
            guard req.auth.has(UserModel.self) else { return req.redirect(to: SiteURL.signIn(next: "/account").path) }
            let user = try req.requireUser()
            return Response.html(AccountView.render(req.page, user: AccountDTO(user), errors: FieldErrors(), changed: req.query["changed"] == "1",
                                                    undelivered: try await NotificationDelivery.failed(causedBy: user.email, on: req.db)))
        }
        routes.on(.POST, "account", "password", body: .collect(maxSize: "16kb"), use: Self.changePassword)
    }

    struct SignInForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let email = form.email ?? ""
        let next = LocalPath.validated(form.next)
        var errors = FieldErrors()
        if email.trimmingCharacters(in: .whitespaces).isEmpty { errors["email"] = "error.email-required" }
        if (form.password ?? "").isEmpty { errors["password"] = "error.password-required" }
        guard errors.isEmpty else {
            return Response.html(SignInView.render(req.page, email: email, errors: errors, next: next), status: .unprocessableEntity)
        }
        switch try await AccountService.signIn(email: email, password: form.password ?? "", client: req.clientAddress,
                                               hasher: req.passwordHasher, on: req.db) {
        case .signedIn(let user):
            try await req.startSession(for: user)
            // For their e-mails; a failure here does not undo the sign-in.
            do { try await AccountService.remember(language: req.language, of: user, on: req.db) } catch {
                req.logger.warning("the language of \(user.email) was not recorded: \(String(reflecting: error))")
            }
            return req.redirect(to: next ?? SiteURL.account.path)
        case .wrongCredentials:
            errors["form"] = "error.wrong-credentials"
            return Response.html(SignInView.render(req.page, email: email, errors: errors, next: next), status: .unauthorized)
        case .rateLimited(let seconds):
            errors["form"] = "error.rate-limited"
            let minutes = max(1, Int((Double(seconds) / 60).rounded(.up)))
            let response = Response.html(SignInView.render(req.page, email: email, errors: errors, next: next, minutes: minutes),
                                         status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            return response
        }
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var confirmation: String?
        /// `on` to keep the account's API tokens; they are revoked otherwise.
        var keepTokens: String?
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(PasswordForm.self)
        do {
            try await AccountService.changePassword(of: user, current: form.current ?? "", new: form.new ?? "",
                                                    confirmation: form.confirmation ?? "", keepTokens: form.keepTokens == "on",
                                                    client: req.clientAddress, hasher: req.passwordHasher, on: req.db)
            // Every session ended with the change; the person who made it goes on in a new one.
            try await req.startSession(for: user)
            return req.redirect(to: "/account?changed=1")
        } catch let errors as FieldErrors {
            return Response.html(AccountView.render(req.page, user: AccountDTO(user), errors: errors, changed: false, undelivered: []),
                                 status: .unprocessableEntity)
        }
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
                .editCrosswalks(convention: convention), .editIndicatorData(party: party), .recordAssessment(party: party, convention: convention),
                .trackDecisions(convention: convention),
                .manageMeetings(convention: convention), .publishNews(convention: convention), .nominateCandidate(party: party), .selectAdvisoryGroup]
    }
}

/// `GET /api/v1/me`: the signed-in account (401 for the public).
struct AccountAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "me") { req in
            guard let account = req.account else { throw Abort(.unauthorized) }
            return AccountDTO(account)
        }
    }
}
