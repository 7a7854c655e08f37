/// Writes XML text with escaped attribute values and content, indented two spaces per level.
/// Attributes keep the order they are given in, so the output is deterministic.
struct XMLText {
    private(set) var text = ""
    private var depth = 0

    mutating func raw(_ s: String) { text += s }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String) {
        line("<\(name)\(Self.attributes(attributes))>\(AtomFeedWriter.escape(content))</\(name)>")
    }

    /// `<com:Name xml:lang="…">…</com:Name>`.
    mutating func name(_ language: String, _ content: String) {
        element("com:Name", ["xml:lang": language], content)
    }

    private mutating func line(_ s: String) {
        text += String(repeating: "  ", count: depth) + s + "\n"
    }

    static func attributes(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(attributeValue($0.value))\"" }.joined()
    }

    /// An attribute value, escaped so that a parser gives it back exactly: tab, line feed and
    /// carriage return as character references (a parser would turn them into spaces otherwise).
    static func attributeValue(_ text: String) -> String {
        var out = ""
        for character in AtomFeedWriter.escape(text).unicodeScalars {
            switch character {
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
