import Fluent
import Vapor

/// The public pages of the reference data: home, conventions, frameworks, Parties.
struct ReferencePages: RouteCollection {
    func boot(routes app: any RoutesBuilder) throws {
        app.get { req in
            let conventions = try await ReferenceQueries.conventions(on: req.db)
            let frameworks = try await ReferenceQueries.frameworkSummaries(on: req.db)
            let parties = try await ReferenceQueries.partyCount(on: req.db)
            return Response.html(HomeView.render(req.page, conventions: conventions, frameworks: frameworks, partyCount: parties))
        }
        app.get("conventions") { req in
            Response.html(ConventionsView.render(req.page, try await ReferenceQueries.conventions(on: req.db)))
        }
        app.get("conventions", ":code") { req in
            Response.html(ConventionView.render(req.page, try await ReferenceQueries.convention((try req.textParameter("code")), on: req.db)))
        }
        app.get("frameworks") { req in
            Response.html(FrameworksView.render(req.page, try await ReferenceQueries.frameworkSummaries(on: req.db)))
        }
        app.get("frameworks", ":code") { req in
            Response.html(FrameworkView.render(req.page, try await ReferenceQueries.framework((try req.textParameter("code")), on: req.db)))
        }
        app.get("parties") { req in
            let region: String? = (req.query["region"] as String?).flatMap { $0.isEmpty ? nil : $0 }
            let convention: String? = (req.query["convention"] as String?).flatMap { $0.isEmpty ? nil : $0 }
            let list = try await ReferenceQueries.parties(regionalGroup: region, convention: convention, on: req.db)
            let conventions = try await ReferenceQueries.conventions(on: req.db)
            return Response.html(PartiesView.render(req.page, list, conventions: conventions))
        }
        app.get("parties", ":code") { req in
            let party = try await ReferenceQueries.party((try req.textParameter("code")), on: req.db)
            let conventions = try await ReferenceQueries.conventions(on: req.db)
            return Response.html(PartyView.render(req.page, party, conventions: conventions))
        }
    }
}
