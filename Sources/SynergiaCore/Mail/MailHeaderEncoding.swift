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
        let asciiWords = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // Plain text when it is printable ASCII, cannot be mistaken for an encoded word, and
        // every word fits on a folded line; otherwise encoded words, which always fit.
        let plain = text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }
            && !text.contains("=?")
            && asciiWords.allSatisfy { name.utf8.count + 2 + $0.utf8.count <= maxLine }
        let words = plain ? asciiWords : encodedWords(text)
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

    /// The words of one mailbox: `Name <addr>`, the name quoted when it holds
    /// RFC 5322 specials and encoded when it is not printable ASCII or has a
    /// word too long to fold.
    static func mailboxWords(_ mailbox: String) -> [String] {
        guard let open = mailbox.lastIndex(of: "<"), mailbox.hasSuffix(">") else {
            return [mailbox.filter { !$0.isWhitespace }]
        }
        var name = mailbox[..<open].trimmingCharacters(in: .whitespaces)
        let address = String(mailbox[open...]).filter { !$0.isWhitespace }
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
        }
        if name.isEmpty { return [address] }
        let words = name.split(separator: " ").map(String.init)
        let printable = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }
        guard printable, !name.contains("=?"), words.allSatisfy({ $0.utf8.count <= 30 }) else {
            return encodedWords(name) + [address]
        }
        let specials = Set("()<>[]:;@\\,.\"".unicodeScalars)
        guard name.unicodeScalars.contains(where: specials.contains) else { return words + [address] }
        let quoted = words.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
        guard let first = quoted.first, let last = quoted.last else { return [address] }
        if quoted.count == 1 { return ["\"" + first + "\"", address] }
        return ["\"" + first] + quoted.dropFirst().dropLast() + [last + "\"", address]
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

    /// RFC 5322 field name: printable ASCII except colon, 1 to 64 characters (so the field fits a line).
    static func isValidFieldName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count) && name.unicodeScalars.allSatisfy { $0.value >= 33 && $0.value <= 126 && $0 != ":" }
    }
}
