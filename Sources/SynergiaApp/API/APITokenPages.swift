import Fluent
import Foundation
import Plot
import SynergiaCore
import Vapor

/// The account's API tokens: list, make one (shown once) and revoke.
enum APITokenPages {
    static func register(_ app: Application) throws {
        app.get("account", "tokens") { req -> Response in
            let user = try req.requireUser()
            return Response.html(APITokenView.render(req.page, tokens: try await tokens(of: user, on: req.db), created: nil))
        }
        app.on(.POST, "account", "tokens", body: .collect(maxSize: "4kb")) { req -> Response in
            let user = try req.requireUser()
            let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw Refusal("error.token.name") }
            let token = APITokenModel.newToken()
            let row = APITokenModel()
            row.$user.id = try user.requireID()
            row.name = String(name.prefix(100))
            row.tokenSHA256 = APITokenModel.digest(token)
            try await req.db.write { tx in
                try await row.createInWrite(on: tx.db)
                try await AuditLog.record(tx, actor: user.email, action: "api-token.created", subject: .other("user/\(user.email)"), after: row.name)
            }
            return Response.html(APITokenView.render(req.page, tokens: try await tokens(of: user, on: req.db), created: token), status: .created)
        }
        app.on(.POST, "account", "tokens", ":id", "revoke", body: .collect(maxSize: "4kb")) { req -> Response in
            let user = try req.requireUser()
            guard let row = try await APITokenModel.find(try req.idParameter("id"), on: req.db),
                  row.$user.id == user.id else { throw Abort(.notFound) }
            try await req.db.write { tx in
                try await row.delete(on: tx.db)
                try await AuditLog.record(tx, actor: user.email, action: "api-token.revoked", subject: .other("user/\(user.email)"), before: row.name)
            }
            return req.redirect(to: "/account/tokens")
        }
    }

    static func tokens(of user: UserModel, on db: any Database) async throws -> [APITokenModel] {
        try await APITokenModel.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).all()
    }
}

enum APITokenView {
    static func render(_ page: PageContext, tokens: [APITokenModel], created: String?) -> String {
        let format = ISO8601DateFormatter()
        return Layout.render(page, title: page.t("tokens.title"), main: [
            .h1(page.text("tokens.title")),
            .p(page.text("tokens.intro")),
            .unwrap(created) { token in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(page.text("tokens.created")), .p(.code(.id("new-token"), .text(token))))
            },
            .if(tokens.isEmpty, .p(page.text("tokens.none")), else: .table(.class("data"),
                .thead(.tr(.th(page.text("tokens.name")), .th(page.text("tokens.created-at")), .th(page.text("tokens.last-used")), .th(.text("")))),
                .tbody(.forEach(tokens) { token in
                    .tr(.td(.text(token.name)), .td(.text(token.createdAt.map(format.string) ?? "")),
                        .td(.text(token.lastUsedAt.map(format.string) ?? "—")),
                        .td(.form(.class("inline"), .method(.post), .action("/account/tokens/\(token.id!)/revoke"), Layout.csrfField(page),
                                  .button(.type(.submit), page.text("tokens.revoke")))))
                }))),
            .h2(page.text("tokens.new")),
            .form(.method(.post), .action("/account/tokens"), Layout.csrfField(page),
                  Layout.field(page, name: "name", labelKey: "tokens.name", value: ""),
                  .button(.type(.submit), page.text("tokens.new"))),
        ])
    }
}
