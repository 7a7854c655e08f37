import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks an Atom feed document for the structural rules of RFC 4287
/// §4.1.1 (atom:feed) and §4.1.2 (atom:entry) that matter to feed readers:
/// exactly one id, title and updated on the feed and on each entry; an
/// author on the feed or on every entry; RFC 3339 dates; absolute IRIs as
/// ids; a `link rel="self"` on the feed. Used by tests and by the app's
/// self-check; the parser never resolves external entities.
public enum AtomFeedValidator {
    /// The problems found, in document order, each a short English sentence.
    public static func problems(in xml: String) -> [String] {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let collector = Collector()
        parser.delegate = collector
        let parsed = parser.parse()
        // On Linux, parse() can return true for a truncated document while setting parserError.
        if !parsed || parser.parserError != nil || collector.rootName == nil || !collector.stack.isEmpty {
            let reason = parser.parserError.map { String(describing: $0) } ?? "unknown error"
            return ["the document is not well-formed XML (\(reason))"]
        }
        return collector.problems()
    }

    /// Whether `text` is an RFC 3339 date-time as Atom requires (§3.3): uppercase `T` and `Z`.
    public static func isRFC3339DateTime(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for index in range {
                let c = chars[index]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        func char(_ index: Int, _ expected: Character) -> Bool {
            index < chars.count && chars[index] == expected.asciiValue
        }
        guard chars.count >= 20,
              let year = digits(0..<4), char(4, "-"), let month = digits(5..<7), char(7, "-"),
              let day = digits(8..<10), char(10, "T"), let hour = digits(11..<13), char(13, ":"),
              let minute = digits(14..<16), char(16, ":"), let second = digits(17..<19)
        else { return false }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = 19
        if char(index, ".") {
            index += 1
            let start = index
            while index < chars.count, chars[index] >= 0x30, chars[index] <= 0x39 { index += 1 }
            guard index > start else { return false }
        }
        if char(index, "Z") { return index + 1 == chars.count }
        guard char(index, "+") || char(index, "-"),
              let offsetHour = digits(index + 1..<index + 3), char(index + 3, ":"),
              let offsetMinute = digits(index + 4..<index + 6)
        else { return false }
        return index + 6 == chars.count && offsetHour <= 23 && offsetMinute <= 59
    }

    /// Whether `text` is an absolute IRI: a scheme, a colon and a non-empty rest without spaces.
    public static func isAbsoluteIRI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        let rest = text[text.index(after: colon)...]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) }),
              !rest.isEmpty
        else { return false }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// What one feed or entry element holds directly.
    private struct Container {
        var label: String
        var counts: [String: Int] = [:]
        var ids: [String] = []
        var dates: [(element: String, value: String)] = []
        var hasSelfLink = false
        var authorsWithoutName = 0
    }

    /// Collects the children of atom:feed and of each atom:entry.
    private final class Collector: NSObject, XMLParserDelegate {
        var rootName: String?
        var rootIsAtomFeed = false
        var feed = Container(label: "feed")
        var entries: [Container] = []
        /// The Atom path of open elements (local names; "?" for other namespaces).
        var stack: [String] = []
        var text = ""
        var authorNames = 0

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let name = namespaceURI == AtomFeedWriter.namespace ? elementName : "?"
            if stack.isEmpty {
                rootName = elementName
                rootIsAtomFeed = name == "feed"
            }
            stack.append(name)
            text = ""
            guard rootIsAtomFeed else { return }
            switch stack {
            case ["feed", "entry"]:
                entries.append(Container(label: "entry \(entries.count + 1)"))
            case ["feed", "author"], ["feed", "entry", "author"]:
                authorNames = 0
            case ["feed", "author", "name"], ["feed", "entry", "author", "name"]:
                authorNames += 1
            default: break
            }
            if stack.count == 2 || (stack.count == 3 && stack[1] == "entry") {
                let child = stack[stack.count - 1]
                guard child != "?" else { return }
                update { $0.counts[child, default: 0] += 1 }
                if child == "link", stack.count == 2, attributeDict["rel"] == "self" {
                    feed.hasSelfLink = true
                }
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            defer { if !stack.isEmpty { stack.removeLast() }; text = "" }
            guard rootIsAtomFeed, stack.count == 2 || (stack.count == 3 && stack[1] == "entry") else { return }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch stack[stack.count - 1] {
            case "id": update { $0.ids.append(value) }
            case "updated", "published":
                let element = stack[stack.count - 1]
                update { $0.dates.append((element, value)) }
            case "author": if authorNames != 1 { update { $0.authorsWithoutName += 1 } }
            default: break
            }
        }

        /// Applies a change to the container the current element is a direct child of.
        private func update(_ change: (inout Container) -> Void) {
            if stack.count == 3, stack[1] == "entry", !entries.isEmpty {
                change(&entries[entries.count - 1])
            } else if stack.count == 2 {
                change(&feed)
            }
        }

        func problems() -> [String] {
            guard rootIsAtomFeed else {
                return ["the root element is \(rootName ?? "missing"), not atom:feed in namespace \(AtomFeedWriter.namespace)"]
            }
            var problems = common(feed)
            if !feed.hasSelfLink { problems.append("feed has no link rel=\"self\"") }
            let feedHasAuthor = (feed.counts["author"] ?? 0) > 0
            for entry in entries {
                problems += common(entry)
                if !feedHasAuthor && (entry.counts["author"] ?? 0) == 0 {
                    problems.append("\(entry.label) has no author and the feed has none")
                }
            }
            return problems
        }

        private func common(_ container: Container) -> [String] {
            var problems: [String] = []
            for element in ["id", "title", "updated"] {
                let count = container.counts[element] ?? 0
                if count != 1 { problems.append("\(container.label) has \(count) atom:\(element) elements, not exactly one") }
            }
            if (container.counts["published"] ?? 0) > 1 {
                problems.append("\(container.label) has more than one atom:published")
            }
            for id in container.ids where !isAbsoluteIRI(id) {
                problems.append("\(container.label) id \"\(id)\" is not an absolute IRI")
            }
            for date in container.dates where !isRFC3339DateTime(date.value) {
                problems.append("\(container.label) \(date.element) \"\(date.value)\" is not an RFC 3339 date-time")
            }
            if container.authorsWithoutName > 0 {
                problems.append("\(container.label) has an author without exactly one atom:name")
            }
            return problems
        }
    }
}
