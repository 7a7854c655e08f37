import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing

/// The target dashboard rendered from a model value, without a database or a request.
@Suite("Target dashboard view")
struct TargetDashboardViewTests {
    static let catalogs = try! Catalogs.load()

    static func page(_ language: Language = .english) -> PageContext {
        PageContext(language: language, catalog: catalogs[language], path: "/progress/KMGBF/3")
    }

    static func model(name: String = "Kenya", suggestions: [TargetDashboard.Model.Suggestion] = []) -> TargetDashboard.Model {
        .init(framework: "KMGBF", target: "3", title: ["en": "Conserve 30% of land, waters and seas"], cycle: "2026",
              overall: [.onTrack: 1], byRegion: ["african": [.onTrack: 1]], byConvention: ["CBD": [.onTrack: 1]],
              assessments: [.init(party: "KE", regionalGroup: "african", cycle: "2026", category: .onTrack, confidence: .high,
                                  evidence: "Protected area statistics", conventions: ["CBD"])],
              tiles: [.init(party: "KE", regionalGroup: "african", name: name, category: .onTrack),
                      .init(party: "FR", regionalGroup: "weog", name: "France", category: nil)],
              suggestions: suggestions)
    }

    @Test("each Party is a tile coloured by its category; a Party without an assessment says so")
    func tiles() {
        let html = TargetDashboard.View.render(Self.page(), Self.model(), canAssess: false)
        #expect(html.contains(#"class="tile category-on-track""#))
        #expect(html.contains(#"class="tile category-none""#))
        #expect(html.contains("France: not assessed"))
    }

    @Test("the CSV and JSON links point at this target, the cycle picked travels with them")
    func links() {
        let html = TargetDashboard.View.render(Self.page(), Self.model(), canAssess: false)
        #expect(html.contains(#"href="/progress/KMGBF/3/assessments.csv""#))
        #expect(html.contains(#"href="/api/v1/progress/KMGBF/3""#))
    }

    @Test("the assessment form shows only to a reader who may assess")
    func formOnlyWhenPermitted() {
        #expect(!TargetDashboard.View.render(Self.page(), Self.model(), canAssess: false).contains(#"name="category""#))
        let html = TargetDashboard.View.render(Self.page(), Self.model(), canAssess: true)
        #expect(html.contains(#"<form method="post" action="/progress/KMGBF/3""#))
        #expect(html.contains(#"name="category""#))
    }

    @Test("a hostile name in the data is escaped in text and in attributes")
    func escaping() {
        let html = TargetDashboard.View.render(Self.page(), Self.model(name: #""><script>alert(1)</script>"#), canAssess: false)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test("in French the page uses the French catalog")
    func french() {
        let html = TargetDashboard.View.render(Self.page(.french), Self.model(), canAssess: false)
        #expect(html.contains("France: non évalué"))
        #expect(html.contains(#"<html lang="fr""#))
    }

    @Test("the CSV has one row per assessment with the category's code")
    func csv() {
        let lines = TargetDashboard.View.csv(Self.model()).split(whereSeparator: \.isNewline)
        #expect(lines.count == 2)
        #expect(lines.last == "KE,african,on-track,high")
    }
}
