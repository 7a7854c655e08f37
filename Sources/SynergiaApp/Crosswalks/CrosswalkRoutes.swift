import Fluent
import Foundation
import Plot
import SynergiaCore
import Vapor

/// Target crosswalks: the list of links between targets of different frameworks with their
/// sources (page, JSON, filter by target), and the secretariats' forms to add and remove links.
enum CrosswalkRoutes {
    static func register(_ app: Application) throws {
        app.get("crosswalks") { req in
            let links = try await links(req)
            let frameworks = try await FrameworkModel.query(on: req.db).sort(\.$position).all()
            return Response.html(CrosswalkView.render(req.page, links: links, frameworks: frameworks,
                                                      canEdit: frameworks.contains { AuthorizationPolicy.permits(req.actor, .editCrosswalks(convention: $0.conventionCode)) },
                                                      target: req.query["target"]))
        }
        app.get("api", "v1", "crosswalks") { req in try await links(req) }
        app.on(.POST, "crosswalks", body: .collect(maxSize: "16kb"), use: add)
        app.on(.POST, "crosswalks", ":id", "delete", body: .collect(maxSize: "4kb"), use: remove)
    }

    /// Every link, or those touching `?target=FRAMEWORK/CODE`.
    static func links(_ req: Request) async throws -> [TargetLinkDTO] {
        var rows = try await TargetLinkModel.query(on: req.db).sort(\.$fromFramework).sort(\.$fromCode).all()
        if let target: String = req.query["target"] {
            rows = rows.filter { "\($0.fromFramework)/\($0.fromCode)" == target || "\($0.toFramework)/\($0.toCode)" == target }
        }
        return rows.map(TargetLinkDTO.init)
    }

    struct LinkForm: Content {
        var fromFramework: String?; var fromCode: String?; var toFramework: String?; var toCode: String?
        var relation: String?; var sourceTitle: String?; var sourceURL: String?; var quote: String?
    }

    /// A secretariat adds a link that touches a framework of its convention; both targets must
    /// exist, in different frameworks, and the source must be named.
    @Sendable static func add(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await add(try req.content.decode(LinkForm.self), by: user, on: req.db)
        return req.redirect(to: "/crosswalks")
    }

    @discardableResult
    static func add(_ form: LinkForm, by user: UserModel, on db: any Database) async throws -> TargetLinkModel {
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let from = TargetReference(framework: clean(form.fromFramework).uppercased(), code: clean(form.fromCode))
        let to = TargetReference(framework: clean(form.toFramework).uppercased(), code: clean(form.toCode))
        guard let fromFramework = try await framework(from, on: db), let toFramework = try await framework(to, on: db) else {
            throw Refusal("error.crosswalk.target")
        }
        guard AuthorizationPolicy.permits(user.actor, .editCrosswalks(convention: fromFramework.conventionCode))
                || AuthorizationPolicy.permits(user.actor, .editCrosswalks(convention: toFramework.conventionCode)) else { throw Abort(.forbidden) }
        guard from.framework != to.framework else { throw Refusal("error.crosswalk.same-framework") }
        guard let relation = TargetRelation(rawValue: clean(form.relation)) else { throw Refusal("error.crosswalk.relation") }
        guard !clean(form.sourceTitle).isEmpty else { throw Refusal("error.crosswalk.source") }
        let url = clean(form.sourceURL)
        guard url.isEmpty || AnswerValidation.validate(.link(.url(url)), for: TemplateQuestion(id: "url", type: .link, title: .init(english: ""))) == nil else {
            throw Refusal("error.answer.url-invalid")
        }
        let duplicate = try await TargetLinkModel.query(on: db).filter(\.$fromFramework == from.framework).filter(\.$fromCode == from.code)
            .filter(\.$toFramework == to.framework).filter(\.$toCode == to.code).first() != nil
        guard !duplicate else { throw Refusal("error.crosswalk.duplicate") }
        let row = TargetLinkModel()
        row.fromFramework = from.framework
        row.fromCode = from.code
        row.toFramework = to.framework
        row.toCode = to.code
        row.relation = relation.rawValue
        row.sourceTitle = clean(form.sourceTitle)
        row.sourceURL = url.isEmpty ? nil : url
        row.quote = clean(form.quote).isEmpty ? nil : clean(form.quote)
        row.createdBy = user.email
        try await db.transaction { db in
            try await row.create(on: db)
            try await AuditLog.append(actor: user.email, action: "crosswalk.added",
                                      subject: "crosswalk/\(from.framework)/\(from.code)>\(to.framework)/\(to.code)",
                                      after: "\(relation.rawValue); \(row.sourceTitle)", on: db)
        }
        return row
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await remove(req.parameters.get("id", as: UUID.self), by: user, on: req.db)
        return req.redirect(to: "/crosswalks")
    }

    static func remove(_ id: UUID?, by user: UserModel, on db: any Database) async throws {
        guard let row = try await TargetLinkModel.find(id, on: db) else { throw Abort(.notFound) }
        let conventions = try await FrameworkModel.query(on: db).filter(\.$code ~~ [row.fromFramework, row.toFramework]).all()
            .map(\.conventionCode)
        guard conventions.contains(where: { AuthorizationPolicy.permits(user.actor, .editCrosswalks(convention: $0)) }) else { throw Abort(.forbidden) }
        try await db.transaction { db in
            try await row.delete(on: db)
            try await AuditLog.append(actor: user.email, action: "crosswalk.removed",
                                      subject: "crosswalk/\(row.fromFramework)/\(row.fromCode)>\(row.toFramework)/\(row.toCode)",
                                      before: "\(row.relation); \(row.sourceTitle)", on: db)
        }
    }

    static func framework(_ target: TargetReference, on db: any Database) async throws -> FrameworkModel? {
        guard let framework = try await FrameworkModel.query(on: db).filter(\.$code == target.framework).first(),
              try await TargetModel.query(on: db).filter(\.$framework.$id == framework.requireID()).filter(\.$code == target.code).first() != nil
        else { return nil }
        return framework
    }
}

/// A link as the API returns it.
public struct TargetLinkDTO: Content, Equatable {
    public var id: UUID
    /// `FRAMEWORK/CODE`.
    public var from: String
    public var to: String
    public var relation: String
    public var sourceTitle: String
    public var sourceURL: String?
    public var quote: String?
    public var createdBy: String

    init(_ row: TargetLinkModel) {
        id = row.id!
        from = "\(row.fromFramework)/\(row.fromCode)"
        to = "\(row.toFramework)/\(row.toCode)"
        relation = row.relation
        sourceTitle = row.sourceTitle
        sourceURL = row.sourceURL
        quote = row.quote
        createdBy = row.createdBy
    }
}

enum CrosswalkView {
    static func render(_ page: PageContext, links: [TargetLinkDTO], frameworks: [FrameworkModel], canEdit: Bool, target: String?) -> String {
        Layout.render(page, title: page.t("crosswalks.title"), main: [
            .h1(page.text("crosswalks.title")),
            .p(page.text("crosswalks.intro")),
            .unwrap(target) { .p(page.text("crosswalks.filtered", ["target": $0]), .text(" "), .a(.href("/crosswalks"), page.text("crosswalks.all"))) },
            .if(links.isEmpty, .p(page.text("crosswalks.none")), else: .table(.class("data"),
                .thead(.tr(.th(page.text("crosswalks.from")), .th(page.text("crosswalks.relation")), .th(page.text("crosswalks.to")),
                           .th(page.text("crosswalks.source")), .if(canEdit, .th(.text(""))))),
                .tbody(.forEach(links) { link in
                    .tr(.id("link-\(link.from)-\(link.to)".replacingOccurrences(of: "/", with: "-").attributeEscaped),
                        .td(ActionItemsView.targetLink(page, link.from)),
                        .td(page.text("crosswalks.relation.\(link.relation)")),
                        .td(ActionItemsView.targetLink(page, link.to)),
                        .td(.unwrap(link.sourceURL, { .a(.href($0.attributeEscaped), .text(link.sourceTitle)) }, else: .text(link.sourceTitle)),
                            .unwrap(link.quote) { .details(.summary(page.text("crosswalks.quote")), .blockquote(.text($0))) }),
                        .if(canEdit, .td(.form(.class("inline"), .method(.post), .action("/crosswalks/\(link.id)/delete"), Layout.csrfField(page),
                                              .button(.type(.submit), page.text("crosswalks.remove"))))))
                }))),
            .if(canEdit, .group(
                .h2(page.text("crosswalks.add")),
                .form(.method(.post), .action("/crosswalks"), Layout.csrfField(page),
                      .div(.class("field"), .label(.for("fromFramework"), page.text("crosswalks.from")),
                           .select(.id("fromFramework"), .attribute(named: "name", value: "fromFramework"),
                                   Layout.options(frameworks.map { ($0.code, $0.code) }, selected: nil))),
                      Layout.field(page, name: "fromCode", labelKey: "crosswalks.target-code", value: ""),
                      .div(.class("field"), .label(.for("relation"), page.text("crosswalks.relation")),
                           .select(.id("relation"), .attribute(named: "name", value: "relation"),
                                   Layout.options(TargetRelation.allCases.map { ($0.rawValue, page.t("crosswalks.relation.\($0.rawValue)")) }, selected: "contributesTo"))),
                      .div(.class("field"), .label(.for("toFramework"), page.text("crosswalks.to")),
                           .select(.id("toFramework"), .attribute(named: "name", value: "toFramework"),
                                   Layout.options(frameworks.map { ($0.code, $0.code) }, selected: nil))),
                      Layout.field(page, name: "toCode", labelKey: "crosswalks.target-code", value: ""),
                      Layout.field(page, name: "sourceTitle", labelKey: "crosswalks.source", value: ""),
                      Layout.field(page, name: "sourceURL", labelKey: "crosswalks.source-url", type: .url, value: "", required: false),
                      .div(.class("field"), .label(.for("quote"), page.text("crosswalks.quote")), .textarea(.id("quote"), .name("quote"), .rows(3))),
                      .button(.type(.submit), page.text("crosswalks.add"))))),
        ])
    }
}
