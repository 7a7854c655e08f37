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
            // The PDF is printed from the print view by Chromium from a file: the page itself forbids scripts and requests.
            #expect(try await browser.get("/reports/\(id)/print").contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none';"#))
            // The text stored is what was typed: Markdown, not HTML.
            let stored = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answer("cbd-7nr.s1.q6")?.value
            let text = stored?.writtenText?.text
            #expect(text == Self.narrative.replacingOccurrences(of: "\n", with: "\r\n") || text == Self.narrative)
            #expect(stored?.writtenText?.language == .english, "written on an English page")
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

    @Test("where the format limits a narrative, the field says how many characters it has of how many; a longer one is refused, changing nothing")
    func lengthLimit() async throws {
        try await withSynergia { app async throws in
            var template = try app.synergia.templates.template("cbd-7nr")
            let index = try #require(template.sections[0].questions.firstIndex { $0.id == "cbd-7nr.s1.q6" })
            template.sections[0].questions[index].maxLength = 40
            shipTemplates(app, [template])
            let (id, browser, page) = try await SectionSaveTests().openSection(app, "cbd-7nr.s1")
            #expect(page.contains("maxlength=\"40\"") && page.contains(">0 of 40 characters</p>"))
            #expect(page.contains("data-of=\"\u{E000} of 40 characters\""), "the script counts as one types (in place of U+E000), the limit in its plural form")

            // 40 with a line break (sent as CR LF, counted as one, as the browser counts it): saved.
            let fits = "Line one of the answer\r\nline two, 40 char"
            #expect(fits.replacingOccurrences(of: "\r\n", with: "\n").utf16.count == 40)
            #expect(try await browser.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: SectionSaveTests.form(page, ["cbd-7nr.s1.q6": fits])).status == .seeOther)
            let saved = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(saved.contains(">40 of 40 characters</p>"))

            let long = String(repeating: "é", count: 41)
            let refused = try await browser.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: SectionSaveTests.form(saved, ["cbd-7nr.s1.q6": long]))
            #expect(refused.status == .unprocessableEntity && refused.contains("The answer is longer than the format allows"))
            #expect(refused.contains(">41 of 40 characters</p>"), "what was typed is kept, with its count")
            let token = try await APIClient.forUser(app, "fp@example.org")
            let api = try await token.send(.PUT, "/api/v1/reports/\(id)/answers/cbd-7nr.s1.q6",
                                           json: #"{"value":{"type":"longText","value":"\#(long)"},"baseVersion":1}"#)
            #expect(api.status == .unprocessableEntity)
            #expect(try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answer("cbd-7nr.s1.q6")?.version == 1)
        }
    }
}
