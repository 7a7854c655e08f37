import Foundation
import Ink
import NIOConcurrencyHelpers

/// Narrative answers as formatted text (issue 17): Markdown — paragraphs, lists, emphasis,
/// links, quotes, tables — rendered by Ink, made safe to put in a page whoever wrote it.
///
/// - No HTML of the writer's own: `&`, `<` and `"` are escaped before Ink reads the text, so no
///   tag, attribute or entity can be written (Ink passes raw HTML through; here there is none).
/// - Links only to `http` and `https` addresses with a host, each `rel="nofollow noopener"`;
///   any other link (`javascript:`, `data:`, a relative path) is shown as its text.
/// - No images (a page of a report loads nothing from elsewhere): an image is its description.
/// - Headings become bold paragraphs: an answer's text never breaks the page's outline.
/// - Code blocks carry no attribute (Ink writes the text after the fence into a class).
/// - What Ink 0.6.0 cannot read safely never reaches it (``prepared(_:)``): whitespace at the end
///   (a list line then a line of spaces read past the end: a crash), a `---` line (read as a
///   metadata block: past the end, or swallowed), brackets nested more than ``maxBracketDepth``
///   deep (each level doubles Ink's work), links with nothing to close them (quadratic), tables
///   wider than ``maxColumns`` (padded to the widest row), and combining marks on its signs.
enum SafeMarkdown {
    /// How deep `[` may nest (a link in a link's text is already unusual) before brackets are text.
    static let maxBracketDepth = 2

    /// The HTML of `text` (a fragment: block elements, to go inside a `div`). Kept by its text
    /// (``Kept``): an answer is read far more often than written, and a section's page rendered
    /// afresh after a colleague's save formats only the narratives that changed.
    static func html(_ text: String) -> String {
        if let html = kept.withLockedValue({ $0.html[text] }) { return html }
        let html = formatted(text)
        kept.withLockedValue { $0.keep(html, for: text) }
        return html
    }

    /// Formatted texts and their HTML, at most ``limit`` bytes of both (when full, it starts again empty).
    struct Kept {
        static let limit = 8_000_000
        var html: [String: String] = [:]
        var bytes = 0

        mutating func keep(_ html: String, for text: String) {
            let cost = text.utf8.count + html.utf8.count
            guard cost <= Self.limit / 64, self.html[text] == nil else { return }
            if bytes + cost > Self.limit { self.html.removeAll(keepingCapacity: true); bytes = 0 }
            self.html[text] = html
            bytes += cost
        }
    }

    static let kept = NIOLockedValueBox(Kept())

    static func formatted(_ text: String) -> String {
        let html = parser().parse(prepared(text)).html
        // Markdown that makes far more HTML than text (a table of many short rows padded to a wide
        // one) is shown as the text it is: a page stays about the size of what was written.
        guard html.utf8.count <= 16 * text.utf8.count + 16_384 else { return plain(text) }
        return html
    }

    /// `text` as one escaped paragraph, its line breaks kept.
    static func plain(_ text: String) -> String {
        "<p>" + text.attributeEscaped.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "<br>") + "</p>"
    }

    /// `text` as Ink may read it: escaped, every kind of line break as LF, no whitespace at its end
    /// or on a line of its own, no mark joined to a character Markdown reads (Ink reads characters,
    /// this reads bytes: they must agree), no metadata block, brackets made text when nested too
    /// deep, links with nothing to close them made text, tables at most ``maxColumns`` wide.
    static func prepared(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousIsSyntax = false, afterCR = false
        for scalar in text.unicodeScalars {
            // Swift reads each of these as a line break (CR LF as one): LF here, so that a line is the same for Ink and for this.
            if scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}" || scalar == "\u{85}"
                || scalar == "\u{2028}" || scalar == "\u{2029}" {
                if !(afterCR && scalar == "\n") { scalars.append("\n") }
                afterCR = scalar == "\r"
                previousIsSyntax = true
                continue
            }
            afterCR = false
            // A combining mark (or joiner, or variation selector) after an ASCII sign would make one character of
            // both for Ink, and none of the signs this code looks for: dropped (text never needs one there).
            if previousIsSyntax && scalar.properties.isGraphemeExtend { continue }
            previousIsSyntax = scalar.isASCII && !scalar.properties.isAlphabetic && !("0"..."9").contains(scalar)
            scalars.append(scalar)
        }
        var lines = String(scalars).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.allSatisfy(\.isWhitespace) ? "" : String(line)
        }
        let trailing = lines.reversed().prefix { $0.isEmpty }.count
        lines.removeLast(trailing)
        lines.removeFirst(lines.prefix { $0.isEmpty }.count)
        if var last = lines.popLast() {
            while last.last?.isWhitespace == true { last.removeLast() }
            lines.append(last)
        }
        // A line of just `---` is text, never a metadata block's fence (Ink reads one until it has written something).
        lines = lines.map { $0.trimmingCharacters(in: .whitespaces) == "---" ? "\\---" : $0 }
        var prepared = lines.joined(separator: "\n")
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        if bracketDepth(prepared) > maxBracketDepth { prepared = prepared.replacingOccurrences(of: "[", with: "&#91;") }
        return narrowTables(closedLinks(prepared))
    }

    /// The most columns a table may have: Ink pads every row to the widest, so a wide first row and
    /// many short ones would make an enormous page.
    static let maxColumns = 32

    /// `text` with every `|` after a line's ``maxColumns``-th made text.
    static func narrowTables(_ text: String) -> String {
        guard text.utf8.filter({ $0 == UInt8(ascii: "|") }).count > maxColumns else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var seen = 0
            var out = ""
            for character in line {
                if character == "|" {
                    seen += 1
                    out += seen > maxColumns ? "&#124;" : "|"
                } else {
                    out.append(character)
                }
            }
            return out
        }.joined(separator: "\n")
    }

    /// `text` with each link's `](` or `][` made text when the line has no `)` or `]` to close
    /// it: Ink looks for the close to the end of the line from every such opening, which on a long
    /// line of unclosed ones is quadratic (96 kB of `[a](b ` took 74 s). One pass per line.
    static func closedLinks(_ text: String) -> String {
        let open = UInt8(ascii: "("), close = UInt8(ascii: ")"), openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        let newline = UInt8(ascii: "\n")
        var bytes = Array(text.utf8)
        var neutral: [Int: [UInt8]] = [:]
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            // Which `(` are closed on this line (Ink balances them), and whether a `]` comes after each place.
            var stack: [Int] = [], closed = Set<Int>()
            for index in lineStart..<lineEnd {
                if bytes[index] == open { stack.append(index) }
                if bytes[index] == close, let opened = stack.popLast() { closed.insert(opened) }
            }
            var bracketAfter = false
            for index in stride(from: lineEnd - 1, through: lineStart, by: -1) {
                if index > lineStart, bytes[index - 1] == closeBracket {
                    if bytes[index] == open, !closed.contains(index) { neutral[index] = Array("&#40;".utf8) }
                    if bytes[index] == openBracket, !bracketAfter { neutral[index] = Array("&#91;".utf8) }
                }
                if bytes[index] == closeBracket { bracketAfter = true }
            }
            lineStart = lineEnd + 1
        }
        guard !neutral.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + neutral.count * 4)
        for (index, byte) in bytes.enumerated() { out += neutral[index] ?? [byte] }
        bytes = out
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The deepest `[` nesting in `text`, counted as Ink could read it at worst: a `]` closes a
    /// level only when it is not escaped (`\\]`) and not in code (between backticks).
    static func bracketDepth(_ text: String) -> Int {
        var depth = 0, deepest = 0, inCode = false, escaped = false
        for byte in text.utf8 {
            defer { escaped = byte == UInt8(ascii: "\\") && !escaped }
            if byte == UInt8(ascii: "`") { inCode.toggle() }
            if byte == UInt8(ascii: "[") { depth += 1; deepest = max(deepest, depth) }
            if byte == UInt8(ascii: "]"), !escaped, !inCode { depth = max(0, depth - 1) }
        }
        return deepest
    }

    /// Ink with the modifiers that keep its output safe.
    private static func parser() -> MarkdownParser {
        MarkdownParser(modifiers: [
            Modifier(target: .links) { input in link(input.html) },
            Modifier(target: .images) { input in imageDescription(input.markdown) },
            Modifier(target: .headings) { input in heading(input.html) },
            // In code Ink escapes `&` again: the text escaped above is shown as written.
            Modifier(target: .inlineCode) { input in unescapeTwice(input.html) },
            Modifier(target: .codeBlocks) { input in codeBlock(input.html) },
        ])
    }

    /// `<a href="URL">TEXT</a>` as Ink writes it: kept, with its address escaped, when the address
    /// is a web address; else its text alone.
    static func link(_ html: String) -> String {
        let start = "<a href=\"", end = "</a>"
        guard html.hasPrefix(start), html.hasSuffix(end),
              let close = html.range(of: "\">", range: html.index(html.startIndex, offsetBy: start.count)..<html.endIndex) else { return html }
        let address = String(html[html.index(html.startIndex, offsetBy: start.count)..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        let text = String(html[close.upperBound..<html.index(html.endIndex, offsetBy: -end.count)])
        guard SafeLink.isWebURL(address) else { return text }
        return "<a href=\"\(address.attributeEscaped)\" rel=\"nofollow noopener\">\(text)</a>"
    }

    /// `![DESCRIPTION](…)`: its description, as text.
    static func imageDescription(_ markdown: Substring) -> String {
        guard let open = markdown.firstIndex(of: "["), let close = markdown[open...].firstIndex(of: "]") else { return "" }
        // Already escaped (`&`, `<`, `"`) before parsing; `>` is harmless in text but escaped all the same.
        return String(markdown[markdown.index(after: open)..<close]).replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `<hN>TEXT</hN>` as `<p><strong>TEXT</strong></p>`.
    static func heading(_ html: String) -> String {
        guard html.hasPrefix("<h"), let open = html.firstIndex(of: ">"), let close = html.range(of: "</h", options: .backwards),
              open < close.lowerBound else { return html }
        return "<p><strong>" + html[html.index(after: open)..<close.lowerBound] + "</strong></p>"
    }

    /// `<pre><code class="language-…">CODE</code></pre>` as `<pre><code>CODE</code></pre>`: the code has
    /// no raw `>` (Ink escapes it), so its opening tag ends at the last `>` before it.
    static func codeBlock(_ html: String) -> String {
        let end = "</code></pre>"
        guard html.hasSuffix(end) else { return "" }
        let body = html.dropLast(end.count)
        guard let tagEnd = body.lastIndex(of: ">") else { return "" }
        return "<pre><code>" + unescapeTwice(String(body[body.index(after: tagEnd)...])) + end
    }

    static func unescapeTwice(_ html: String) -> String {
        html.replacingOccurrences(of: "&amp;lt;", with: "&lt;").replacingOccurrences(of: "&amp;quot;", with: "&quot;")
            .replacingOccurrences(of: "&amp;#91;", with: "&#91;").replacingOccurrences(of: "&amp;#40;", with: "&#40;")
            .replacingOccurrences(of: "&amp;#124;", with: "&#124;").replacingOccurrences(of: "&amp;amp;", with: "&amp;")
    }
}
