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

    @Test("code shows what was written, once escaped; a hard line break (two spaces) is kept")
    func code() {
        #expect(SafeMarkdown.html("use `a < b & c`").contains("<code>a &lt; b &amp; c</code>"))
        #expect(SafeMarkdown.html("call `f[i](x)` now").contains("<code>f[i]&#40;x)</code>") || SafeMarkdown.html("call `f[i](x)` now").contains("<code>f[i](x)</code>"))
        #expect(SafeMarkdown.html("one  \ntwo").contains("<br>"))
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

    @Test("no attribute of the writer's own: a code block's first line, quotes in text or links", arguments: [
        "```x\" onclick=\"alert(1)\" style=\"background:url(http://169.254.169.254/)\ncode\n```",
        "```x\"><script>alert(1)</script>\ncode\n```",
        "say \"hi\" onmouseover=\"alert(1)\"",
        "[x](https://example.org/\"onmouseover=\"alert(1))",
        "| a\" onclick=\"x | b |\n| - | - |\n| c | d |",
    ])
    func noAttributes(_ text: String) {
        let html = SafeMarkdown.html(text)
        for attribute in ["onclick=\"", "style=\"", "onmouseover=\"", "class=\"language"] {
            #expect(!html.contains(attribute), "\(text) → \(html)")
        }
        #expect(!html.contains("<script"))
    }

    @Test("what Ink cannot read safely never reaches it: each of these once crashed the server or kept it busy for minutes", arguments: [
        "---\n\n", "---", "- a\n ", "- a\n\t", "1. a\n   ", "---\nIntroduction\n---\nText", "# ",
        String(repeating: "[", count: 40) + "x", String(repeating: "![", count: 40),
        String(repeating: "[a](b ", count: 4000), String(repeating: "![a](", count: 4000), String(repeating: "[a][b ", count: 4000),
        String(repeating: "[a]((", count: 4000),
        String(repeating: "[\\]", count: 40), String(repeating: "[`]`", count: 40), String(repeating: "[]\u{301}", count: 40),
        String(repeating: "[a](b", count: 4000) + "\u{0B}" + String(repeating: ")", count: 4000),
        String(repeating: "|", count: 4001) + "\n" + String(repeating: "||\n", count: 4000),
        "|" + String(repeating: " a |", count: 32) + "\n|" + String(repeating: " - |", count: 32) + "\n" + String(repeating: "|\n", count: 20_000),
        String(repeating: "\n", count: 100_000) + "x",
        "```a alert\n\u{301}x\n```", "```x\"\u{301} onclick=alert(1) style=color:red\n\u{301}x\n```",
        "[1]: https://example.org\n---\nIntro\n---\nMore",
    ])
    func hostileShapes(_ text: String) {
        let html = SafeMarkdown.html(text)
        #expect(!html.contains("<script") && !html.contains("<h1"))
        if text.hasPrefix("---\nIntroduction") { #expect(html.contains("Introduction") && html.contains("Text"), "\(html)") }
        if text.hasPrefix("[1]:") { #expect(html.contains("Intro") && html.contains("More"), "\(html)") }
        #expect(!html.contains("class=") && !html.contains("onclick=") && !html.contains("style="), "\(html.prefix(300))")
        #expect(html.utf8.count < 4 * text.utf8.count + 1000, "the page grows with the text, not beyond")
    }

    @Test("twenty thousand random texts of Markdown's characters render without a crash")
    func fuzz() {
        let pieces = ["\n", "\r\n", " ", "  ", "\t", "-", "*", "_", "[", "]", "(", ")", "!", "#", ">", "`", "```", "|", "\\", "&", "<", "\"",
                      "1.", "a", "b", ":", "---", "~", "+", "=", "https://a.b", ";", "é", "中"]
        var state: UInt64 = 2026
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            let text = (0..<(next() % 40 + 1)).map { _ in pieces[next() % pieces.count] }.joined()
            let html = SafeMarkdown.html(text)
            #expect(!html.contains("<script") && !html.contains("<img"))
        }
    }

    @Test("a text formatted once is kept: the same HTML again from memory, at most 8 MB of it, a text over an eighth of a megabyte never")
    func kept() {
        let text = "A narrative kept \(UUID()): *validated* at a workshop."
        let html = SafeMarkdown.html(text)
        #expect(SafeMarkdown.kept.withLockedValue { $0.html[text] } == html && SafeMarkdown.html(text) == html)
        #expect(html == SafeMarkdown.formatted(text))
        var kept = SafeMarkdown.Kept()
        for index in 0..<200 { kept.keep(String(repeating: "x", count: 60_000), for: "text \(index)") }
        #expect(kept.bytes <= SafeMarkdown.Kept.limit && !kept.html.isEmpty)
        kept.keep(String(repeating: "x", count: 200_000), for: "too long")
        #expect(kept.html["too long"] == nil)
    }
}
