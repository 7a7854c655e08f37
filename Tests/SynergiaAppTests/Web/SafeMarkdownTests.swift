import Foundation
@testable import SynergiaApp
import Testing

/// Narrative answers are formatted text: what a focal point writes in Markdown is shown as lists,
/// emphasis and links, and nothing anyone writes can put HTML, a script or a foreign image in a page.
@Suite("Formatted narrative answers, safe whoever wrote them")
struct SafeMarkdownTests {
    @Test("lists, emphasis, links and paragraphs come out as HTML")
    func formats() {
        let html = SafeMarkdown.html("""
            Kenya's **NBSAP** was *revised* in 2024.

            - wetlands mapped
            - 12 Ramsar sites

            1. first
            2. second

            See [the NBSAP](https://www.cbd.int/doc/world/ke/ke-nbsap-v3-en.pdf).
            """)
        #expect(html.contains("<strong>NBSAP</strong>") && html.contains("<em>revised</em>"))
        #expect(html.contains("<ul><li>wetlands mapped</li><li>12 Ramsar sites</li></ul>"))
        #expect(html.contains("<ol><li>first</li><li>second</li></ol>"))
        #expect(html.contains(#"<a href="https://www.cbd.int/doc/world/ke/ke-nbsap-v3-en.pdf" rel="nofollow noopener">the NBSAP</a>"#))
        #expect(html.hasPrefix("<p>"))
    }

    @Test("HTML written in an answer is shown as text, never as markup", arguments: [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<p onclick=alert(1)>hi</p>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)",
        "<<script>script>alert(1)",
        "`<script>` in code",
        "```\n<script>alert(1)</script>\n```",
        "> <b>quoted</b>",
        "| a | b |\n| - | - |\n| <i>x</i> | y |",
    ])
    func noMarkup(_ text: String) {
        let html = SafeMarkdown.html(text)
        for tag in ["<script", "<img", "<p onclick", "<b>", "<i>"] {
            #expect(!html.contains(tag), "\(text) → \(html)")
        }
    }

    @Test("code shows what was written, once escaped")
    func code() {
        #expect(SafeMarkdown.html("use `a < b & c`").contains("<code>a &lt; b &amp; c</code>"))
    }

    @Test("links go only to web addresses: anything else is its text", arguments: [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "[click](/account/tokens)",
        "[click](https://example.org\" onmouseover=\"alert(1))",
        "[click](vbscript:msgbox)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
    ])
    func onlyWebLinks(_ text: String) {
        let html = SafeMarkdown.html(text)
        #expect(!html.contains("<a "), "\(text) → \(html)")
        #expect(html.contains("click"))
        #expect(!html.contains("onmouseover=\""))
    }

    @Test("an address is escaped in its attribute")
    func escapedAddress() {
        let html = SafeMarkdown.html("[q](https://example.org/search?q=a&b=c)")
        #expect(html.contains(#"href="https://example.org/search?q=a&amp;b=c""#), "\(html)")
    }

    @Test("no images (an image is its description); headings never break the page's outline; a leading --- block is shown")
    func imagesHeadingsMetadata() {
        let image = SafeMarkdown.html("![map of wetlands](https://tracker.example/pixel.png)")
        #expect(!image.contains("<img") && image.contains("map of wetlands") && !image.contains("tracker.example"))
        let heading = SafeMarkdown.html("# Progress\n\nText")
        #expect(!heading.contains("<h1") && heading.contains("<strong>Progress</strong>"))
        let metadata = SafeMarkdown.html("---\nauthor: me\n---\nThe rest")
        #expect(metadata.contains("author: me") && metadata.contains("The rest"), "\(metadata)")
    }
}
