import Foundation
import SynergiaCore
import Vapor

/// Saving a search (signed in), the reader's saved searches, and the Atom feed of any search.
struct SavedSearchRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("search.atom") { req -> Response in
            let parameters = try SearchPage.Parameters(req)
            guard !parameters.q.isEmpty else { throw Abort(.badRequest, reason: "error.saved-search.empty") }
            let newest = try await SearchPage.newest(parameters, limit: SearchFeedView.size, on: req.db)
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
            return Response(status: .ok, headers: headers, body: .init(string: SearchFeedView.atom(
                parameters, newest, title: req.catalog["saved-search.feed-title", ["query": parameters.q]], site: req.siteAddress,
                emptyUpdated: req.application.synergia.startedAt)))
        }
        routes.on(.POST, "search", "saved", body: .collect(maxSize: "16kb")) { req -> Response in
            let user = try req.requireUser()
            let form = try req.content.decode([String: String].self)
            let parameters = try SearchPage.Parameters(reading: { form[$0] })
            guard let frequency = form["frequency"].flatMap(SavedSearchFrequency.init(rawValue:)) else {
                throw Abort(.badRequest, reason: "error.saved-search.frequency")
            }
            try await SavedSearchService.save(parameters, frequency: frequency, language: req.language, for: user, on: req.db)
            return req.redirect(to: SiteURL.savedSearches.path + "?saved=1")
        }
        routes.get("account", "searches") { req -> Response in
            guard req.auth.has(UserModel.self) else { return req.redirect(to: SiteURL.signIn(next: SiteURL.savedSearches.path).path) }
            let model = try await SavedSearches.query(for: try req.requireUser(), on: req.db)
            return Response.html(SavedSearches.View.render(req.page, model, saved: req.query["saved"] == "1"))
        }
        routes.get("api", "v1", "account", "searches") { req -> SavedSearches.Model in
            try await SavedSearches.query(for: try req.requireUser(), on: req.db)
        }
        routes.on(.POST, "account", "searches", ":id", "delete", body: .collect(maxSize: "4kb")) { req -> Response in
            let user = try req.requireUser()
            guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
                  try await SavedSearchService.delete(id, of: user, on: req.db) else { throw Abort(.notFound) }
            return req.redirect(to: SiteURL.savedSearches.path)
        }
    }
}

/// The Atom feed of a search: its newest results, each dated when it entered the index as it is.
enum SearchFeedView {
    static let size = 30

    static func atom(_ parameters: SearchPage.Parameters, _ newest: SearchPage.Newest, title: String, site: SiteAddress, emptyUpdated: Date) -> String {
        let entries = newest.entries.map { entry in
            AtomEntry(id: entry.atomID, title: entry.title, updated: entry.updated, link: site.base + entry.path,
                      summary: SearchExcerpt(entry.body, terms: newest.terms).text, authorName: entry.convention_code ?? "Synergia",
                      categories: [entry.kind] + (entry.convention_code.map { [$0] } ?? []), language: entry.language)
        }
        let url = site.absolute(.searchFeed(parameters))
        return AtomFeedWriter.feed(id: url, title: title, selfLink: url, alternateLink: site.absolute(.search(parameters.with())),
                                   updated: entries.map(\.updated).max() ?? emptyUpdated, authorName: "Synergia", entries: entries)
    }
}
