import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 15, item 3: the whole GBF monitoring framework in the registry (headline, component,
/// complementary and binary indicators); the indicator list and a Party's dashboard filter by kind.
@Suite("Indicators of every kind")
struct IndicatorKindsTests {
    @Test("the list starts with the headline and Aichi-era indicators and links each kind with its count; a kind lists only its own")
    func list() async throws {
        try await withSynergia { app async throws in
            let main = try await Browser(app).get("/indicators")
            #expect(main.contains(#"id="indicator-3.1""#) && main.contains(#"id="indicator-AICHI-RLI""#) && !main.contains(#"id="indicator-A.CT.1""#))
            #expect(main.contains(#"<a href="/indicators?kind=component">Component indicators (52)</a>"#))
            #expect(main.contains(#"<a href="/indicators?kind=complementary">Complementary indicators (110)</a>"#))
            #expect(main.contains(#"<a href="/indicators?kind=binary">Binary indicators (15)</a>"#))
            let components = try await Browser(app, acceptLanguage: "fr").get("/indicators?kind=component")
            #expect(components.contains(#"id="indicator-A.CT.1""#) && !components.contains(#"id="indicator-3.1""#))
            #expect(components.contains(#"<strong aria-current="page">Indicateurs de composante (52)</strong>"#))
            // What the framework's list does not say is said to be unknown, not empty (unit and SDG indicators).
            #expect(components.contains(#"Ecosystem Intactness Index</span></td><td><span class="unknown">inconnu</span></td><td></td>"#
                                        + #"<td><span class="unknown">inconnu</span></td>"#))
            // A component indicator has its page; the API lists a kind alone.
            #expect(try await Browser(app).get("/indicators/A.CT.1").status == .ok)
            let binary = try await Browser(app).json([IndicatorDTO].self, "/api/v1/indicators?kind=binary")
            #expect(binary.count == 15 && binary.allSatisfy { $0.kind == .binary })
            #expect(try await Browser(app).json([IndicatorDTO].self, "/api/v1/indicators").count == 209)
            for bad in ["/indicators?kind=secret", "/api/v1/indicators?kind=%27", "/parties/KE/progress?kind=x"] {
                #expect(try await Browser(app).get(bad).status == .badRequest, "\(bad)")
            }
        }
    }

    @Test("a Party's dashboard lists the headline indicators of each target, those it has data for, and each kind when asked")
    func dashboard() async throws {
        try await withSynergia { app async throws in
            let page = try await Browser(app).get("/parties/KE/progress")
            #expect(page.contains(#"href="/indicators/5.1?party=KE""#) && !page.contains(#"href="/indicators/5.b?party=KE""#))
            #expect(page.contains(#"<a href="/parties/KE/progress?kind=binary">Binary indicators ("#))
            let binary = try await Browser(app).get("/parties/KE/progress?kind=binary")
            #expect(binary.contains(#"href="/indicators/5.b?party=KE""#) && !binary.contains(#"href="/indicators/5.1?party=KE""#))
            let json = try await Browser(app).json(PartyProgress.Model.self, "/api/v1/parties/KE/progress?kind=binary")
            #expect(json.kind == .binary && json.frameworks.flatMap(\.targets).flatMap(\.indicators).allSatisfy { $0.code.hasSuffix(".b") })
            // 14 of the 15 binary indicators are a target's (B.b is goal B's, linked to no target).
            #expect(json.kinds.contains(.init(kind: .binary, count: 14)))
        }
    }
}
