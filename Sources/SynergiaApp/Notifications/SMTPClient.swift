import Foundation
import NIOCore
import NIOPosix
import SynergiaCore

/// Where and how `SMTPClient` delivers mail.
///
/// The client speaks plain SMTP only: no TLS and no AUTH. Point it at a relay
/// on a trusted network or on localhost (e.g. a local Postfix or an
/// `smtp-relay` sidecar) that forwards mail onwards with its own TLS and
/// credentials.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The name sent in EHLO/HELO, normally this server's host name.
    public var heloName: String
    /// The longest the whole delivery may take, connection included.
    public var timeout: Duration

    public init(host: String = "127.0.0.1", port: Int = 25, heloName: String = "localhost", timeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.timeout = timeout
    }
}

/// Why a delivery failed. The message was not accepted by the relay in any
/// case, so the caller may queue it and retry (`isTransient` tells whether a
/// retry can help).
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TCP connection could not be made.
    case connectionFailed(String)
    /// The server closed the connection before the transaction ended.
    case connectionClosed
    /// The delivery took longer than `SMTPSettings.timeout`.
    case timedOut
    /// The server answered `command` with an unexpected code; `text` is its reply text.
    case unexpectedReply(command: String, code: Int, text: String)
    /// The server sent something that is not an SMTP reply.
    case malformedReply(String)
    /// An envelope address is empty or holds characters SMTP cannot carry.
    case invalidAddress(String)
    /// The message has no recipients.
    case noRecipients

    /// Whether trying again later may succeed (connection trouble or a 4xx reply).
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .connectionClosed, .timedOut, .malformedReply: true
        case .unexpectedReply(_, let code, _): (400..<500).contains(code)
        case .invalidAddress, .noRecipients: false
        }
    }

    /// The server's reply text, when the failure was a reply.
    public var replyText: String? {
        if case .unexpectedReply(_, _, let text) = self { return text }
        return nil
    }

    public var description: String {
        switch self {
        case .connectionFailed(let reason): "SMTP connection failed: \(reason)"
        case .connectionClosed: "SMTP server closed the connection"
        case .timedOut: "SMTP delivery timed out"
        case .unexpectedReply(let command, let code, let text): "SMTP \(command) answered \(code) \(text)"
        case .malformedReply(let line): "SMTP reply not understood: \(line)"
        case .invalidAddress(let address): "invalid mail address: \(address)"
        case .noRecipients: "mail has no recipients"
        }
    }
}

/// One SMTP reply: a three-digit code and its (possibly multi-line) text.
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]
    public var text: String { lines.joined(separator: "\n") }
}

/// A minimal SMTP client (RFC 5321) on SwiftNIO that hands one message to a
/// relay: greeting 220, EHLO (HELO if refused), MAIL FROM, RCPT TO per
/// recipient, DATA with dot-stuffing, QUIT. Plain text only — no TLS, no
/// AUTH — so use it only with a relay on localhost or a trusted network.
/// Every failure throws `SMTPError`, so the caller can queue and retry.
public enum SMTPClient {
    /// Delivers `message` to its `to` recipients, with its `from` as the envelope sender.
    public static func send(_ message: MailMessage, via settings: SMTPSettings, eventLoopGroup: any EventLoopGroup) async throws {
        let sender = MailMessage.addressSpec(of: message.from)
        if sender == nil && !message.from.trimmingCharacters(in: .whitespaces).isEmpty {
            throw SMTPError.invalidAddress(message.from)
        }
        var recipients: [String] = []
        for mailbox in message.to {
            guard let address = MailMessage.addressSpec(of: mailbox) else { throw SMTPError.invalidAddress(mailbox) }
            recipients.append(address)
        }
        try await send(rendered: message.rendered(), from: sender, to: recipients, via: settings, eventLoopGroup: eventLoopGroup)
    }

    /// Delivers an already rendered message. `from` `nil` sends the null reverse path `<>`.
    public static func send(
        rendered: String, from: String?, to recipients: [String], via settings: SMTPSettings, eventLoopGroup: any EventLoopGroup
    ) async throws {
        guard !recipients.isEmpty else { throw SMTPError.noRecipients }
        for address in [from].compactMap({ $0 }) + recipients where MailMessage.addressSpec(of: address) != address {
            throw SMTPError.invalidAddress(address)
        }
        let payload = dataPayload(rendered)
        let timeout = settings.timeout
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let channel = try await connect(settings, eventLoopGroup: eventLoopGroup)
                // Closing the channel ends a read that is still waiting, so the transaction cannot outlive the timeout.
                try await withTaskCancellationHandler {
                    try await channel.executeThenClose { inbound, outbound in
                        var session = Session(inbound: inbound.makeAsyncIterator(), outbound: outbound)
                        try await session.run(heloName: settings.heloName, from: from ?? "", to: recipients, payload: payload)
                    }
                } onCancel: {
                    channel.channel.close(promise: nil)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SMTPError.timedOut
            }
            defer { group.cancelAll() }
            do {
                _ = try await group.next()
            } catch let error as SMTPError {
                throw error
            } catch is CancellationError {
                throw SMTPError.timedOut
            } catch {
                throw SMTPError.connectionFailed(String(describing: error))
            }
        }
    }

    /// The DATA payload: line breaks made CRLF, lines starting with "." given
    /// another "." (RFC 5321 §4.5.2), ending in CRLF "." CRLF.
    public static func dataPayload(_ rendered: String) -> String {
        // Scalar by scalar: String's own searching works on grapheme clusters,
        // which would miss a line break followed by a combining mark.
        var lines: [String.UnicodeScalarView] = [String.UnicodeScalarView()]
        var previousWasCR = false
        for scalar in rendered.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" && previousWasCR { continue }
            if scalar == "\r" || scalar == "\n" {
                lines.append(String.UnicodeScalarView())
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        var out = ""
        for line in lines {
            if line.first == "." { out += "." }
            out += String(line) + "\r\n"
        }
        return out + ".\r\n"
    }

    private static func connect(
        _ settings: SMTPSettings, eventLoopGroup: any EventLoopGroup
    ) async throws -> NIOAsyncChannel<SMTPReply, ByteBuffer> {
        do {
            return try await ClientBootstrap(group: eventLoopGroup)
                .connectTimeout(TimeAmount(min(max(settings.timeout, .milliseconds(1)), .seconds(3600))))
                .connect(host: settings.host, port: settings.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                        return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch let error as SMTPError {
            throw error
        } catch {
            throw SMTPError.connectionFailed(String(describing: error))
        }
    }

    /// One SMTP conversation over an open connection.
    private struct Session {
        var inbound: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

        mutating func run(heloName: String, from: String, to recipients: [String], payload: String) async throws {
            try await expect("greeting", [220])
            let cleaned = heloName.unicodeScalars.filter { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
            let hello = cleaned.isEmpty ? "localhost" : String(String.UnicodeScalarView(cleaned))
            let ehlo = try await command("EHLO \(hello)")
            if ehlo.code != 250 {
                guard (500..<600).contains(ehlo.code) else { throw unexpected("EHLO", ehlo) }
                try await command("HELO \(hello)", expecting: [250])
            }
            try await command("MAIL FROM:<\(from)>", expecting: [250])
            for recipient in recipients {
                try await command("RCPT TO:<\(recipient)>", expecting: [250, 251])
            }
            try await command("DATA", expecting: [354])
            try await outbound.write(ByteBuffer(string: payload))
            try await expect("end of data", [250])
            // The message is accepted; a failing QUIT changes nothing.
            _ = try? await command("QUIT")
        }

        @discardableResult
        mutating func command(_ line: String, expecting codes: Set<Int>) async throws -> SMTPReply {
            let reply = try await command(line)
            guard codes.contains(reply.code) else { throw unexpected(verb(line), reply) }
            return reply
        }

        mutating func command(_ line: String) async throws -> SMTPReply {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
            return try await next()
        }

        mutating func expect(_ step: String, _ codes: Set<Int>) async throws {
            let reply = try await next()
            guard codes.contains(reply.code) else { throw unexpected(step, reply) }
        }

        mutating func next() async throws -> SMTPReply {
            do {
                guard let reply = try await inbound.next() else { throw SMTPError.connectionClosed }
                return reply
            } catch let error as SMTPError {
                throw error
            } catch is CancellationError {
                throw SMTPError.timedOut
            } catch {
                throw SMTPError.connectionFailed(String(describing: error))
            }
        }

        func verb(_ line: String) -> String {
            line.hasPrefix("MAIL FROM") ? "MAIL FROM" : line.hasPrefix("RCPT TO") ? "RCPT TO" : String(line.prefix { $0 != " " })
        }

        func unexpected(_ step: String, _ reply: SMTPReply) -> SMTPError {
            .unexpectedReply(command: step, code: reply.code, text: reply.text)
        }
    }
}

/// Splits the server's bytes into SMTP replies: lines `NNN-text` continue a
/// reply, `NNN text` (or `NNN`) ends it (RFC 5321 §4.2.1).
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    /// Reply lines are at most 512 octets (RFC 5321 §4.5.3.1.5); allow generous slack, but not unbounded memory.
    static let maxLineLength = 8192

    private var pending: [String] = []
    private var pendingCode: Int?

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLineLength { throw SMTPError.malformedReply("reply line too long") }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        guard var line = buffer.readString(length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0..<3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-"),
              pendingCode == nil || pendingCode == code
        else { throw SMTPError.malformedReply(String(line.prefix(200))) }
        let text = bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : ""
        pending.append(text)
        if bytes.count > 3 && bytes[3] == UInt8(ascii: "-") {
            pendingCode = code
            if pending.count > 1000 { throw SMTPError.malformedReply("reply too long") }
            return .continue
        }
        let reply = SMTPReply(code: code, lines: pending)
        pending = []
        pendingCode = nil
        context.fireChannelRead(Self.wrapInboundOut(reply))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue, buffer.readableBytes > 0 {}
        return .needMoreData
    }
}
