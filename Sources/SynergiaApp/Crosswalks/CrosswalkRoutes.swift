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
        app.get("api", "v1", "crosswalks") { req in
            let page = try Pagination.list(req)
            return try page.response(page.slice(try await links(req)), for: req)
        }
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

    /// A secretariat adds a link that touches a framework of its convention.
    @Sendable static func add(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await CrosswalkService.add(try req.content.decode(CrosswalkService.LinkForm.self), by: user, on: req.db)
        return req.redirect(to: "/crosswalks")
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await CrosswalkService.remove(try req.idParameter("id"), by: user, on: req.db)
        return req.redirect(to: "/crosswalks")
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
    /// `reference data` for shipped links, `secretariat` for links a secretariat added (never a person's address).
    public var createdBy: String

    init(_ row: TargetLinkModel) {
        id = row.id!
        from = "\(row.fromFramework)/\(row.fromCode)"
        to = "\(row.toFramework)/\(row.toCode)"
        relation = row.relation
        sourceTitle = row.sourceTitle
        sourceURL = row.sourceURL
        quote = row.quote
        createdBy = row.createdBy == CrosswalkLoader.shippedBy ? CrosswalkLoader.shippedBy : "secretariat"
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
                        .td(.unwrap(link.sourceURL.flatMap(SafeLink.href), { .a(.href($0), .text(link.sourceTitle)) }, else: .text(link.sourceTitle)),
                            .unwrap(link.quote) { .details(.summary(page.text("crosswalks.quote")), .blockquote(.text($0))) }),
                        .if(canEdit, .td(.form(.class("inline"), .method(.post), .action("/crosswalks/\(link.id.uuidString)/delete"), Layout.csrfField(page),
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
