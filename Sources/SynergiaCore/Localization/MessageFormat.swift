/// A catalog message read in the part of ICU's message syntax that Synergia's catalogs use:
///
/// - `{name}`: the argument as given;
/// - `{name, number}`: the argument, a number, as the language writes it (`1 234` in French);
/// - `{name, plural, =0 {…} one {…} few {…} other {…}}`: the branch for the number's exact value,
///   else for its CLDR plural category in the language (from ICU), else `other`; in a branch, `#`
///   is the number as the language writes it.
///
/// Apostrophes are ordinary text (ICU's quoting is not used: French and Arabic need apostrophes).
/// A brace that does not open one of the forms above is kept as written. Plurals nest at most
/// ``maxDepth`` deep (deeper braces are text), so that no catalog text, however written, makes
/// the parse slow or deep. Catalogs parse each message once, when they load.
public enum MessageFormat {
    public indirect enum Part: Sendable, Equatable {
        case words(String)
        case argument(String)
        case number(String)
        case plural(String, [Branch])
        /// `#` in a plural branch.
        case count
    }

    public struct Branch: Sendable, Equatable {
        /// `=0`, `=1`, … or a CLDR category: `zero`, `one`, `two`, `few`, `many`, `other`.
        public let selector: String
        public let parts: [Part]
    }

    /// The message's parts, in order.
    public static func parse(_ message: String) -> [Part] {
        parse(message[...], depth: 0)
    }

    /// How deep plurals may nest (a plural in a plural's branch is depth 2).
    public static let maxDepth = 3

    /// The names of the arguments a message uses, each once, sorted (with the kind the message
    /// gives it: `count`, `count, number`, `count, plural`).
    public static func arguments(of message: String) -> [String] {
        var found: Set<String> = []
        func walk(_ parts: [Part]) {
            for part in parts {
                switch part {
                case .argument(let name): found.insert(name)
                case .number(let name): found.insert(name + ", number")
                case .plural(let name, let branches): found.insert(name + ", plural"); branches.forEach { walk($0.parts) }
                case .words, .count: break
                }
            }
        }
        walk(parse(message))
        return found.sorted()
    }

    /// The plural arguments of a message and the selectors of their branches.
    public static func plurals(of message: String) -> [(name: String, selectors: [String])] {
        var found: [(String, [String])] = []
        func walk(_ parts: [Part]) {
            for case .plural(let name, let branches) in parts {
                found.append((name, branches.map(\.selector)))
                branches.forEach { walk($0.parts) }
            }
        }
        walk(parse(message))
        return found
    }

    private static func parse(_ message: Substring, depth: Int) -> [Part] {
        let inPlural = depth > 0
        let closing = braces(message)
        var parts: [Part] = []
        var words = ""
        func flush() { if !words.isEmpty { parts.append(.words(words)); words = "" } }
        var rest = message
        while let mark = rest.firstIndex(where: { $0 == "{" || (inPlural && $0 == "#") }) {
            words += rest[..<mark]
            let after = rest.index(after: mark)
            if rest[mark] == "#" {
                flush()
                parts.append(.count)
                rest = rest[after...]
            } else if let close = closing[mark] {
                // A placeholder, or braces that are none: kept whole as text, never read again.
                if let part = placeholder(rest[after..<close], depth: depth) {
                    flush()
                    parts.append(part)
                } else {
                    words += rest[mark...close]
                }
                rest = rest[rest.index(after: close)...]
            } else {
                words.append("{")
                rest = rest[after...]
            }
        }
        words += rest
        flush()
        return parts
    }

    /// What is inside a placeholder's braces, or nil when it is not one of the forms above.
    private static func placeholder(_ inner: Substring, depth: Int) -> Part? {
        // The name, read only as far as a name goes: a long brace that is no placeholder costs little.
        let lead = inner.prefix { $0 == " " || $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard lead.endIndex == inner.endIndex || inner[lead.endIndex] == "," else { return nil }
        guard lead.endIndex != inner.endIndex else {
            let name = inner.trimmed
            return isName(name) ? .argument(String(name)) : nil
        }
        let comma = lead.endIndex
        let name = inner[..<comma].trimmed
        guard isName(name) else { return nil }
        let afterType = inner[inner.index(after: comma)...]
        let typeEnd = afterType.firstIndex(of: ",") ?? afterType.endIndex
        switch afterType[..<typeEnd].trimmed {
        case "number" where typeEnd == afterType.endIndex:
            return .number(String(name))
        case "plural" where typeEnd != afterType.endIndex && depth < maxDepth:
            guard let branches = branches(afterType[afterType.index(after: typeEnd)...], depth: depth + 1) else { return nil }
            return .plural(String(name), branches)
        default:
            return nil
        }
    }

    /// `=0 {…} one {…} other {…}`; nil unless every selector is followed by a braced message
    /// and there is an `other`.
    private static func branches(_ text: Substring, depth: Int) -> [Branch]? {
        var branches: [Branch] = []
        let closing = braces(text)
        var rest = text.trimmedStart
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "{"), let close = closing[open] else { return nil }
            let selector = String(rest[..<open].trimmed)
            guard selector.hasPrefix("=") ? Double(selector.dropFirst()) != nil : pluralCategories.contains(selector) else { return nil }
            branches.append(Branch(selector: selector, parts: parse(rest[rest.index(after: open)..<close], depth: depth)))
            rest = rest[rest.index(after: close)...].trimmedStart
        }
        return branches.contains { $0.selector == "other" } ? branches : nil
    }

    public static let pluralCategories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    /// Each `{` of `text` that is closed, with its `}`: one pass, so that a text of many stray
    /// braces costs no more than its length.
    private static func braces(_ text: Substring) -> [Substring.Index: Substring.Index] {
        var closing: [Substring.Index: Substring.Index] = [:]
        var open: [Substring.Index] = []
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "{": open.append(index)
            case "}": if let start = open.popLast() { closing[start] = index }
            default: break
            }
            index = text.index(after: index)
        }
        return closing
    }

    private static func isName(_ name: Substring) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

private extension Substring {
    var trimmedStart: Substring { drop(while: \.isWhitespace) }
    var trimmed: Substring {
        let start = trimmedStart
        var end = start.endIndex
        while end > start.startIndex, start[start.index(before: end)].isWhitespace { end = start.index(before: end) }
        return start[..<end]
    }
}
