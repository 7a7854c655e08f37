import SynergiaCore
import Vapor

/// `/search` and its JSON twin `/api/v1/search`: public, the same for every reader (only published
/// content is in the index), so kept by the page cache like any public page.
struct SearchRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("search") { req -> Response in
            let parameters: SearchPage.Parameters
            do {
                parameters = try SearchPage.Parameters(req)
            } catch let refusal as Abort {
                // The reader keeps the search box, with what they typed and what to change.
                let typed = req.queryValues["q"] ?? ""
                return Response.html(SearchPage.View.refused(req.page, query: String(typed.prefix(2 * SearchQuery.maxLength)), reason: refusal.reason),
                                     status: .badRequest)
            }
            return Response.html(SearchPage.View.render(req.page, parameters, try await SearchPage.query(parameters, reader: req.language, on: req.db)))
        }
        routes.get("api", "v1", "search") { req -> SearchPage.Model in
            try await SearchPage.query(try SearchPage.Parameters(req), reader: req.language, on: req.db)
        }
    }
}
