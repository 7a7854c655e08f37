import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 17, "room to write": a narrative answer is formatted text, shown formatted on the report's
/// pages and in its print view (from which the PDF is made), with a preview that saves nothing.
@Suite("Narrative answers as formatted text, with a preview")
struct NarrativeAnswerTests {
    static let narrative = """
        Prepared with the national steering committee:

        - **validated** at a workshop
        - published on [the CHM](https://ke.chm-cbd.net/)

        <script>alert("x")</script>
        """

    @Test("a narrative saved with Markdown is shown formatted on the section, the whole report and the print view, its HTML as text")
    func formattedEverywhere() async throws {
        try await withSynergia { app async throws in
            let (id, browser, page) = try await SectionSaveTests().openSection(app, "cbd-7nr.s1")
            let saved = try await browser.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: SectionSaveTests.form(page, ["cbd-7nr.s1.q6": Self.narrative]))
            #expect(saved.status == .seeOther)
            for path in ["/reports/\(id)/sections/cbd-7nr.s1", "/reports/\(id)", "/reports/\(id)/print"] {
                let shown = try await browser.get(path)
                #expect(shown.contains("<li><strong>validated</strong> at a workshop</li>"), "\(path)")
                #expect(shown.contains(#"<a href="https://ke.chm-cbd.net/" rel="nofollow noopener">the CHM</a>"#), "\(path)")
                #expect(!shown.contains("<script>alert") && shown.contains("&lt;script&gt;alert"), "\(path)")
            }
            // The text stored is what was typed: Markdown, not HTML.
            let stored = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answer("cbd-7nr.s1.q6")?.value
            #expect(stored == .longText(Self.narrative.replacingOccurrences(of: "\n", with: "\r\n")) || stored == .longText(Self.narrative))
        }
    }

    @Test("Preview shows the narrative formatted and keeps everything typed in its fields, saving nothing")
    func previewSavesNothing() async throws {
        try await withSynergia { app async throws in
            let (id, browser, page) = try await SectionSaveTests().openSection(app, "cbd-7nr.s1")
            #expect(page.contains("id=\"preview-section\""))
            var pairs = SectionSaveTests.form(page, ["cbd-7nr.s1.q6": Self.narrative, "cbd-7nr.s1.q1": "Ministry of Environment"])
            pairs.append(("preview", "1"))
            let preview = try await browser.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: pairs)
            #expect(preview.status == .ok && preview.contains("id=\"section-preview\""))
            #expect(preview.contains("<div class=\"preview\">") && preview.contains("<li><strong>validated</strong> at a workshop</li>"))
            #expect(preview.contains("value=\"Ministry of Environment\""), "what was typed stays in its field")
            #expect(try await AnswerModel.query(on: app.db).count() == 0)
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 0)

            // Saved from the preview as it now stands: both answers.
            let saved = try await browser.post("/reports/\(id)/sections/cbd-7nr.s1",
                                               pairs: SectionSaveTests.form(preview, ["cbd-7nr.s1.q6": Self.narrative, "cbd-7nr.s1.q1": "Ministry of Environment"]))
            #expect(saved.location == "/reports/\(id)/sections/cbd-7nr.s1?saved=2")
        }
    }
}
