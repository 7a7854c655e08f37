import Foundation
import Ink

/// Narrative answers as formatted text (issue 17): Markdown — paragraphs, lists, emphasis,
/// links, quotes, tables — rendered by Ink, made safe to put in a page whoever wrote it.
///
/// - No HTML of the writer's own: `&` and `<` are escaped before Ink reads the text, so no tag or
///   entity can be written (Ink passes raw HTML through; here there is none to pass).
/// - Links only to `http` and `https` addresses with a host, each `rel="nofollow noopener"`;
///   any other link (`javascript:`, `data:`, a relative path) is shown as its text.
/// - No images (a page of a report loads nothing from elsewhere): an image is its description.
/// - Headings become bold paragraphs: an answer's text never breaks the page's outline.
/// - Text that starts like a metadata block (`---`) is shown, not swallowed.
enum SafeMarkdown {
    /// The HTML of `text` (a fragment: block elements, to go inside a `div`).
    static func html(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let parsed = parser().parse(escaped)
        // Ink reads a text that starts with `---` … `---` as metadata and leaves it out: escaped, it is a paragraph.
        guard parsed.metadata.isEmpty else { return parser().parse("\\" + escaped.drop { $0.isWhitespace }).html }
        return parsed.html
    }

    /// Ink with the modifiers that keep its output safe.
    private static func parser() -> MarkdownParser {
        MarkdownParser(modifiers: [
            Modifier(target: .links) { input in link(input.html) },
            Modifier(target: .images) { input in imageDescription(input.markdown) },
            Modifier(target: .headings) { input in heading(input.html) },
            // In code Ink escapes `&` again: the text escaped above is shown as written.
            Modifier(target: .inlineCode) { input in unescapeTwice(input.html) },
            Modifier(target: .codeBlocks) { input in unescapeTwice(input.html) },
        ])
    }

    /// `<a href="URL">TEXT</a>` as Ink writes it: kept, with its address escaped, when the address
    /// is a web address; else its text alone.
    static func link(_ html: String) -> String {
        let start = "<a href=\"", end = "</a>"
        guard html.hasPrefix(start), html.hasSuffix(end),
              let close = html.range(of: "\">", range: html.index(html.startIndex, offsetBy: start.count)..<html.endIndex) else { return html }
        let address = String(html[html.index(html.startIndex, offsetBy: start.count)..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
        let text = String(html[close.upperBound..<html.index(html.endIndex, offsetBy: -end.count)])
        guard SafeLink.isWebURL(address) else { return text }
        return "<a href=\"\(address.attributeEscaped)\" rel=\"nofollow noopener\">\(text)</a>"
    }

    /// `![DESCRIPTION](…)`: its description, as text.
    static func imageDescription(_ markdown: Substring) -> String {
        guard let open = markdown.firstIndex(of: "["), let close = markdown[open...].firstIndex(of: "]") else { return "" }
        // Already escaped (`&`, `<`) before parsing; `>` and quotes are harmless in text but escaped all the same.
        return String(markdown[markdown.index(after: open)..<close]).replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `<hN>TEXT</hN>` as `<p><strong>TEXT</strong></p>`.
    static func heading(_ html: String) -> String {
        guard html.count > 9, html.hasPrefix("<h"), let open = html.firstIndex(of: ">"), let close = html.range(of: "</h", options: .backwards)
        else { return html }
        return "<p><strong>" + html[html.index(after: open)..<close.lowerBound] + "</strong></p>"
    }

    static func unescapeTwice(_ html: String) -> String {
        html.replacingOccurrences(of: "&amp;lt;", with: "&lt;").replacingOccurrences(of: "&amp;amp;", with: "&amp;")
    }
}
