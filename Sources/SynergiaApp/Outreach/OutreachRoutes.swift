import Fluent
import Foundation
import SynergiaCore
import Vapor

/// One news and events stream across conventions, and the Atom feeds of news, events,
/// decisions and published reports.
struct OutreachRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("news") { req in Response.html(NewsPage.View.render(req.page, try await NewsPage.query(actor: req.actor, on: req.db))) }
        routes.on(.POST, "news", body: .collect(maxSize: "64kb")) { req -> Response in
            _ = try await NewsService.post(try req.content.decode(NewsService.Form.self), language: req.language, by: try req.requireUser(), on: req.db)
            return req.redirect(to: SiteURL.news.path)
        }
        routes.get("news", ":id") { req -> Response in
            let item = try await Self.item(req)
            return Response.html(NewsPage.View.item(req.page, item, canTranslate: AuthorizationPolicy.permits(req.actor, .publishNews(convention: item.convention))))
        }
        routes.get("api", "v1", "news", ":id") { req in try await Self.item(req) }
        routes.get("api", "v1", "news") { req in
            let page = try Pagination.list(req)
            return try page.response(try await NewsPage.items(page: page, on: req.db), for: req)
        }
        for name in Feed.Name.allCases {
            routes.get("feeds", "\(name.rawValue).atom") { req in
                let feed = try await Feed.query(name, site: req.siteAddress, on: req.db)
                var headers = HTTPHeaders()
                headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
                return Response(status: .ok, headers: headers,
                                body: .init(string: Feed.View.atom(feed, site: req.siteAddress, emptyUpdated: req.application.synergia.startedAt)))
            }
        }
    }

    /// The news item the path names; 404 for any other id.
    static func item(_ req: Request) async throws -> NewsItemDTO {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let row = try await NewsItemModel.find(id, on: req.db) else { throw Abort(.notFound) }
        return try await NewsItemDTO.list([row], on: req.db)[0]
    }
}
