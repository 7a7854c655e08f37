import Foundation
import SynergiaCore
import Testing

@Suite("Mail message builder (RFC 5322, MIME)")
struct MailMessageTests {
    let date = Date(timeIntervalSince1970: 1_795_000_000) // Wed 2026-11-18T11:06:40Z

    func message(subject: String = "Reminder", body: String = "Hello", to: [String] = ["fp@example.org"], headers: [(String, String)] = []) -> MailMessage {
        MailMessage(
            from: "Synergia <noreply@synergia.example>", to: to, subject: subject, textBody: body,
            messageID: "abc-123@synergia.example", date: date, headers: headers
        )
    }

    /// Header fields (unfolded) and body of a rendered message.
    func split(_ rendered: String) -> (headers: [(String, String)], body: String) {
        let parts = rendered.components(separatedBy: "\r\n\r\n")
        let head = (parts.first ?? "").replacingOccurrences(of: "\r\n ", with: " ")
        let headers = head.components(separatedBy: "\r\n").compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        return (headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func header(_ name: String, _ rendered: String) -> String? {
        split(rendered).headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// Decodes RFC 2047 B-encoded words (UTF-8) in a header value.
    func decodeWords(_ value: String) -> String {
        value.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?utf-8?B?"), word.hasSuffix("?=") else { return String(word) }
            let base64 = word.dropFirst(10).dropLast(2)
            return Data(base64Encoded: String(base64)).flatMap { String(data: $0, encoding: .utf8) } ?? "<bad>"
        }.joined()
    }

    func bodyText(_ rendered: String) -> String? {
        let body = split(rendered).body.replacingOccurrences(of: "\r\n", with: "")
        return Data(base64Encoded: body).flatMap { String(data: $0, encoding: .utf8) }
    }

    @Test("standard header fields, CRLF, and an ASCII subject as is")
    func headers() {
        let rendered = message(subject: "COP 17: documents", headers: [("Auto-Submitted", "auto-generated")]).rendered()
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        #expect(rendered.hasSuffix("\r\n"))
        #expect(header("Date", rendered) == "Wed, 18 Nov 2026 11:06:40 +0000")
        #expect(header("From", rendered) == "Synergia <noreply@synergia.example>")
        #expect(header("To", rendered) == "fp@example.org")
        #expect(header("Subject", rendered) == "COP 17: documents")
        #expect(header("Message-ID", rendered) == "<abc-123@synergia.example>")
        #expect(header("MIME-Version", rendered) == "1.0")
        #expect(header("Content-Type", rendered) == "text/plain; charset=utf-8")
        #expect(header("Content-Transfer-Encoding", rendered) == "base64")
        #expect(header("Auto-Submitted", rendered) == "auto-generated")
    }

    @Test("a Chinese subject is RFC 2047 encoded and decodes back")
    func chineseSubject() {
        let subject = "提醒：生物多样性公约缔约方大会第十七届会议关于协同增效的非正式咨询小组提名截止日期"
        let rendered = message(subject: subject).rendered()
        let raw = header("Subject", rendered) ?? ""
        #expect(raw.hasPrefix("=?utf-8?B?"))
        #expect(raw.unicodeScalars.allSatisfy { $0.isASCII }, "the header is pure ASCII")
        #expect(raw.split(separator: " ").allSatisfy { $0.count <= 75 }, "each encoded word ≤ 75 characters")
        #expect(decodeWords(raw) == subject)
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 }, "the whole message is 7-bit")
    }

    @Test("the body round-trips through base64, wrapped at 76, with CRLF line breaks")
    func bodyRoundTrip() {
        let body = "尊敬的国家联络点：\n\nمرحبا بكم\n.a line starting with a dot\r\nend " + String(repeating: "δ", count: 300)
        let rendered = message(body: body).rendered()
        let base64Lines = split(rendered).body.components(separatedBy: "\r\n").dropLast()
        #expect(base64Lines.allSatisfy { $0.count <= 76 })
        #expect(base64Lines.dropLast().allSatisfy { $0.count == 76 })
        #expect(bodyText(rendered) == body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(bodyText(message(body: "").rendered()) == "")
    }

    @Test("every line is at most 78 octets, also with many recipients and non-ASCII names")
    func lineLengths() {
        let recipients = (1...12).map { "Focal Point \($0) <national.focal.point.\($0)@ministry-of-environment.example.org>" }
            + ["\"Secrétariat de la CDB\" <secretariat@cbd.example>", "وزارة البيئة <env@gov.example>"]
        let rendered = message(
            subject: String(repeating: "Synergies among the biodiversity-related conventions ", count: 4),
            body: String(repeating: "x", count: 2000), to: recipients,
            headers: [("X-Meeting", String(repeating: "会议", count: 60))]
        ).rendered()
        for line in rendered.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
        }
        let to = header("To", rendered) ?? ""
        #expect(to.contains("<national.focal.point.12@ministry-of-environment.example.org>,"))
        #expect(decodeWords(to).contains("Secrétariat de la CDB<secretariat@cbd.example>"))
        #expect(decodeWords(to).contains("وزارة البيئة<env@gov.example>"))
        #expect(decodeWords(header("X-Meeting", rendered) ?? "") == String(repeating: "会议", count: 60))
    }

    @Test("header injection is impossible and managed headers cannot be overridden")
    func injection() {
        let rendered = message(
            subject: "Hi\r\nBcc: victim@example.org",
            headers: [("Subject", "second"), ("Bad Name", "x"), ("X-Ok", "a\nBcc: b@example.org"), ("", "y")]
        ).rendered()
        let names = split(rendered).headers.map { $0.0.lowercased() }
        #expect(!names.contains("bcc"))
        #expect(names.filter { $0 == "subject" }.count == 1)
        #expect(!names.contains("bad name"))
        #expect(header("X-Ok", rendered) == "a Bcc: b@example.org")
        #expect(header("Subject", rendered) == "Hi Bcc: victim@example.org")
    }

    @Test("a subject that looks like an encoded word is encoded")
    func lookalikeSubject() {
        let raw = header("Subject", message(subject: "=?utf-8?B?SGk=?=").rendered()) ?? ""
        #expect(raw != "=?utf-8?B?SGk=?=")
        #expect(decodeWords(raw) == "=?utf-8?B?SGk=?=")
    }

    @Test("Message-ID gets angle brackets once")
    func messageID() {
        var mail = message()
        mail.messageID = "<x@y>"
        #expect(header("Message-ID", mail.rendered()) == "<x@y>")
        mail.messageID = "a b\r\n@c"
        #expect(header("Message-ID", mail.rendered()) == "<ab@c>")
        mail.messageID = "会议@synergia"
        #expect(header("Message-ID", mail.rendered()) == "<%E4%BC%9A%E8%AE%AE@synergia>")
        let long = String(repeating: "x", count: 100)
        mail.messageID = long + "1@synergia"
        let first = header("Message-ID", mail.rendered()) ?? ""
        mail.messageID = long + "2@synergia"
        let second = header("Message-ID", mail.rendered()) ?? ""
        #expect(first.count == 40 + 1 + 16 + 2 && first.hasPrefix("<" + String(repeating: "x", count: 40) + "."))
        #expect(first != second, "long ids stay distinct")
    }

    @Test("envelope addresses")
    func addressSpec() {
        #expect(MailMessage.addressSpec(of: "Synergia <noreply@synergia.example>") == "noreply@synergia.example")
        #expect(MailMessage.addressSpec(of: " fp@example.org ") == "fp@example.org")
        #expect(MailMessage.addressSpec(of: "") == nil)
        #expect(MailMessage.addressSpec(of: "Name <>") == nil)
        #expect(MailMessage.addressSpec(of: "a@b\r\nRCPT TO:<x@y>") == nil)
        #expect(MailMessage.addressSpec(of: "Name <a@b") == nil)
    }
}
