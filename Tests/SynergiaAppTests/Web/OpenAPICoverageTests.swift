import Foundation
@testable import SynergiaApp
import Testing
import Vapor
import VaporTesting
import Yams

@Suite("The OpenAPI document")
struct OpenAPICoverageTests {
    @Test("every registered API route is described, with its method")
    func everyRouteDescribed() async throws {
        try await withSynergia { app async throws in
            let response = try await Browser(app).get("/api/openapi.yaml")
            #expect(response.status == .ok)
            let document = try #require(try Yams.load(yaml: response.body) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            // The API and the SDMX exports (files for statistical tools) are what the document describes.
            let apiRoutes = app.routes.all.filter { ["api", "sdmx"].contains($0.path.first?.description ?? "") }
            #expect(apiRoutes.count >= 8)
            for route in apiRoutes {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                let operations = paths[path] as? [String: Any]
                #expect(operations != nil, "\(path) is not in openapi.yaml")
                #expect(operations?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not in openapi.yaml")
            }
            // And nothing described that does not exist.
            let registered = Set(apiRoutes.map { route in
                "/" + route.path.map { if case .parameter(let name) = $0 { return "{\(name)}" }; return $0.description }.joined(separator: "/")
            })
            #expect(Set(paths.keys).subtracting(registered).sorted() == [])
        }
    }
}
