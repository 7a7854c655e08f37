import Foundation

/// A plain-text notification e-mail, rendered as an RFC 5322 message with a
/// MIME (RFC 2045) UTF-8 body in base64 and RFC 2047 encoded words for
/// non-ASCII header text. Rendering never fails: CR and LF are removed from
/// header values (no header injection) and every line stays within 78 octets
/// (an address longer than that, which cannot be broken, is the only exception).
public struct MailMessage: Sendable, Equatable {
    /// The sender, `addr@example.org` or `Display Name <addr@example.org>`.
    public var from: String
    /// The recipients, in the same forms as `from`.
    public var to: [String]
    public var subject: String
    public var textBody: String
    /// A unique id, with or without its angle brackets, e.g. `<uuid@synergia.example>`.
    public var messageID: String
    public var date: Date
    /// Extra header fields (e.g. `Reply-To`, `Auto-Submitted`). Those that the
    /// builder writes itself (From, To, Subject, Date, Message-ID, MIME-Version,
    /// Content-Type, Content-Transfer-Encoding) and names that are not valid
    /// field names are skipped.
    public var headers: [(String, String)]

    public init(
        from: String, to: [String], subject: String, textBody: String, messageID: String, date: Date,
        headers: [(String, String)] = []
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.messageID = messageID
        self.date = date
        self.headers = headers
    }

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.subject == rhs.subject && lhs.textBody == rhs.textBody
            && lhs.messageID == rhs.messageID && lhs.date == rhs.date
            && lhs.headers.map(\.0) == rhs.headers.map(\.0) && lhs.headers.map(\.1) == rhs.headers.map(\.1)
    }

    /// Header names the builder writes itself (lowercased).
    static let managedHeaders: Set<String> = [
        "from", "to", "subject", "date", "message-id", "mime-version", "content-type", "content-transfer-encoding",
    ]

    /// The whole message: header fields, an empty line and the base64 body, all lines ending in CRLF.
    public func rendered() -> String {
        var fields: [String] = [
            "Date: " + UTCTimestamp(date).rfc5322,
            MailHeaderEncoding.addressField("From", [from]),
            MailHeaderEncoding.addressField("To", to),
            "Message-ID: " + Self.bracketed(messageID),
            MailHeaderEncoding.unstructuredField("Subject", subject),
        ]
        for (rawName, value) in headers {
            let name = rawName.trimmingCharacters(in: .whitespaces)
            guard MailHeaderEncoding.isValidFieldName(name), !Self.managedHeaders.contains(name.lowercased()) else { continue }
            fields.append(MailHeaderEncoding.unstructuredField(name, value))
        }
        fields += [
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        var out = fields.map { $0 + "\r\n" }.joined()
        out += "\r\n"
        out += Self.base64Lines(Data(Self.canonicalLineEndings(textBody).utf8)).map { $0 + "\r\n" }.joined()
        return out
    }

    /// The bare address (`addr-spec`) of `Name <addr>` or `addr`; `nil` when it
    /// is empty or holds characters an SMTP envelope cannot carry.
    public static func addressSpec(of mailbox: String) -> String? {
        guard !mailbox.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        var address = mailbox.trimmingCharacters(in: .whitespaces)
        if let open = address.lastIndex(of: "<") {
            guard let close = address[open...].firstIndex(of: ">") else { return nil }
            address = String(address[address.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
        guard !address.isEmpty,
              !address.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "<>".unicodeScalars.contains($0) })
        else { return nil }
        return address
    }

    /// Text with every line break (CRLF, CR or LF) made CRLF, as MIME's canonical text form requires.
    static func canonicalLineEndings(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": out += "\r\n"
            case "\n": if !previousWasCR { out += "\r\n" }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Base64 of `data` in lines of at most 76 characters (RFC 2045 §6.8).
    static func base64Lines(_ data: Data) -> [String] {
        let encoded = Array(data.base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            String(decoding: encoded[start..<min(start + 76, encoded.count)], as: UTF8.self)
        }
    }

    /// Longest id (without brackets) that keeps the Message-ID line within 78 octets.
    static let maxMessageIDLength = 64

    /// The Message-ID in angle brackets: whitespace, controls and brackets
    /// removed, non-ASCII percent-encoded (so the header stays 7-bit and
    /// distinct ids stay distinct). An id longer than `maxMessageIDLength`
    /// becomes its first 40 characters, a dot and a 64-bit FNV-1a hash of the whole.
    static func bracketed(_ id: String) -> String {
        var inner = ""
        for scalar in id.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F || scalar == "<" || scalar == ">" { continue }
            if scalar.isASCII {
                inner.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { inner += "%" + String(byte, radix: 16, uppercase: true) }
            }
        }
        if inner.utf8.count > maxMessageIDLength {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in inner.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            let hex = String(hash, radix: 16)
            inner = String(inner.prefix(40)) + "." + String(repeating: "0", count: 16 - hex.count) + hex
        }
        return "<" + inner + ">"
    }
}
