import Foundation
@testable import SynergiaApp
import SynergiaCore
import SynergiaTestFixtures
import Testing
import VaporTesting

/// A test fixture written in the style and PDF layout of a real decision (Tests/SynergiaTestFixtures).
func decisionFixture(_ name: String) throws -> String { try TestFixtures.decision("\(name).txt") }

@Suite("Language versions of a decision")
struct DecisionVersionsTests {
    @Test("versions are linked and compared paragraph by paragraph")
    func sideBySide() async throws {
        try await withSynergia { app in
            for language in ["en", "fr", "ar"] {
                try await DecisionImport.run(text: decisionFixture("14-30.\(language)"), calendar: app.synergia.calendar, on: app.db)
            }
            let browser = Browser(app)
            let detail = try await browser.json(DecisionDetailDTO.self, "/api/v1/decisions/14-30?version=fr")
            #expect(detail.versions == ["ar", "en", "fr"])
            #expect(detail.decision.language == "fr")
            let page = try await browser.get("/decisions/14-30?version=fr")
            #expect(page.contains("/decisions/14-30/compare?left=fr&right=en"))

            let compare = try await browser.get("/decisions/14-30/compare?left=en&right=fr")
            #expect(compare.status == .ok)
            let en = try #require(detail.versions.contains("en") ? try await browser.json(DecisionDetailDTO.self, "/api/v1/decisions/14-30?version=en") : nil)
            let firstOperative = try #require(en.decision.paragraphs.first { $0.kind == .operative })
            let french = try #require(detail.decision.paragraphs.first { $0.kind == .operative && $0.number == firstOperative.number })
            #expect(compare.contains("id=\"row-\(firstOperative.number!)\""))
            #expect(compare.contains(french.text.prefix(20).replacingOccurrences(of: "'", with: "&#39;")) || compare.contains(String(french.text.prefix(20))))
            let arabic = try await browser.get("/decisions/14-30/compare?left=en&right=ar")
            #expect(arabic.contains("<td lang=\"ar\" dir=\"rtl\">"))
            #expect(try await browser.get("/decisions/14-30/compare?left=en&right=zh").status == .notFound)
        }
    }
}
