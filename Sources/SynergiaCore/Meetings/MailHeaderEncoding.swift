import Foundation

/// Writes Internet mail header fields: RFC 2047 `=?utf-8?B?…?=` encoded words
/// for non-ASCII text and folding (RFC 5322 §2.2.3) so lines stay within 78
/// octets. Used by `MailMessage`.
enum MailHeaderEncoding {
    /// Most UTF-8 octets in one encoded word: 39 octets → 52 base64
    /// characters → a 64-character word, short enough to follow "Subject: ".
    static let octetsPerWord = 39
    static let maxLine = 78

    /// A field with free text (Subject and extra headers).
    static func unstructuredField(_ name: String, _ value: String) -> String {
        let text = singleLine(value)
        let plain = text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F } && !text.contains("=?")
        let words: [String] = plain
            ? text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            : encodedWords(text)
        return fold(name + ":", words)
    }

    /// An address-list field (From, To): display names with non-ASCII text become encoded words.
    static func addressField(_ name: String, _ mailboxes: [String]) -> String {
        var words: [String] = []
        let clean = mailboxes.map { singleLine($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (index, mailbox) in clean.enumerated() {
            var parts = mailboxWords(mailbox)
            if index < clean.count - 1, let last = parts.popLast() { parts.append(last + ",") }
            words += parts
        }
        return fold(name + ":", words)
    }

    /// The words of one mailbox: `Name <addr>` with the name encoded if it is not ASCII.
    static func mailboxWords(_ mailbox: String) -> [String] {
        guard let open = mailbox.lastIndex(of: "<"), mailbox.hasSuffix(">") else {
            return [mailbox.filter { !$0.isWhitespace }]
        }
        let name = mailbox[..<open].trimmingCharacters(in: .whitespaces)
        let address = String(mailbox[open...]).filter { !$0.isWhitespace }
        if name.isEmpty { return [address] }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) {
            return name.split(separator: " ").map(String.init) + [address]
        }
        let unquoted = name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 ? String(name.dropFirst().dropLast()) : name
        return encodedWords(unquoted) + [address]
    }

    /// RFC 2047 B-encoded words of at most `octetsPerWord` UTF-8 octets each, never splitting a character's octets.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
            chunk.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > octetsPerWord { flush() }
            chunk += bytes
        }
        flush()
        return words
    }

    /// Joins words after the field name, folding before a word that would pass `maxLine` octets.
    static func fold(_ start: String, _ words: [String]) -> String {
        var out = start
        var lineLength = start.utf8.count
        for word in words {
            let length = word.utf8.count
            if lineLength + 1 + length > maxLine && lineLength > 1 {
                out += "\r\n " + word
                lineLength = 1 + length
            } else {
                out += " " + word
                lineLength += 1 + length
            }
        }
        return out
    }

    /// The value with CR, LF and other control characters replaced by spaces.
    static func singleLine(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// RFC 5322 field name: printable ASCII except colon, not empty.
    static func isValidFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.value >= 33 && $0.value <= 126 && $0 != ":" }
    }
}
