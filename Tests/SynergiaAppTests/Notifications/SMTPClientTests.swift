import Foundation
import NIOCore
import NIOPosix
import SynergiaApp
import SynergiaCore
import Testing

/// A fake SMTP server on 127.0.0.1 (port chosen by the system) that follows
/// a script and records every transaction, for testing `SMTPClient`.
final class FakeSMTPServer: Sendable {
    /// What the server answers; `nil` entries use the normal success reply.
    struct Script: Sendable {
        var greeting = "220 fake.example ESMTP ready"
        var ehlo: String? = nil
        var rcpt: String? = nil
        var data: String? = nil
        /// Seconds to wait before greeting (for timeout tests).
        var greetingDelay: Duration = .zero
    }

    /// What one client did.
    struct Transaction: Sendable, Equatable {
        var commands: [String] = []
        /// The DATA lines as received, before un-stuffing.
        var rawDataLines: [String] = []
        var mailFrom: String? { commands.first { $0.hasPrefix("MAIL FROM:") }.map { String($0.dropFirst(10)) } }
        var recipients: [String] { commands.filter { $0.hasPrefix("RCPT TO:") }.map { String($0.dropFirst(8)) } }
        /// The message as the server stores it: dot-stuffing removed, lines joined with CRLF.
        var message: String { rawDataLines.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }.map { $0 + "\r\n" }.joined() }
    }

    actor Recorder {
        var transactions: [Transaction] = []
        func add(_ transaction: Transaction) { transactions.append(transaction) }
    }

    let recorder = Recorder()
    let port: Int
    private let serverChannel: NIOAsyncChannel<NIOAsyncChannel<String, ByteBuffer>, Never>
    private let acceptTask: Task<Void, Never>

    init(group: any EventLoopGroup, script: Script = Script()) async throws {
        serverChannel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FakeSMTPServer.LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        port = serverChannel.channel.localAddress?.port ?? 0
        let recorder = recorder
        let serverChannel = serverChannel
        acceptTask = Task {
            try? await serverChannel.executeThenClose { inbound in
                for try await connection in inbound {
                    let transaction = try? await Self.serve(connection, script: script)
                    await recorder.add(transaction ?? Transaction())
                }
            }
        }
    }

    func stop() async {
        serverChannel.channel.close(promise: nil)
        await acceptTask.value
    }

/// Splits bytes into lines (without CRLF).
    struct LineDecoder: ByteToMessageDecoder {
        typealias InboundOut = String
        mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
            guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")),
                  var line = buffer.readString(length: newline - buffer.readerIndex) else { return .needMoreData }
            buffer.moveReaderIndex(forwardBy: 1)
            if line.hasSuffix("\r") { line.removeLast() }
            context.fireChannelRead(Self.wrapInboundOut(line))
            return .continue
        }
    }

    /// Serves one client, one at a time (enough for these tests).
    private static func serve(_ connection: NIOAsyncChannel<String, ByteBuffer>, script: Script) async throws -> Transaction {
        var transaction = Transaction()
        try await connection.executeThenClose { inbound, outbound in
            func reply(_ line: String) async throws { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
            try await Task.sleep(for: script.greetingDelay)
            try await reply(script.greeting)
            var inData = false
            for try await line in inbound {
                if inData {
                    if line == "." {
                        inData = false
                        try await reply(script.data ?? "250 2.0.0 queued as 42")
                    } else {
                        transaction.rawDataLines.append(line)
                    }
                    continue
                }
                transaction.commands.append(line)
                let verb = line.prefix(4).uppercased()
                switch verb {
                case "EHLO": try await reply(script.ehlo ?? "250-fake.example greets you\r\n250-8BITMIME\r\n250 SIZE 10240000")
                case "HELO": try await reply("250 fake.example")
                case "MAIL": try await reply("250 2.1.0 ok")
                case "RCPT": try await reply(script.rcpt ?? "250 2.1.5 ok")
                case "DATA":
                    try await reply("354 end data with <CR><LF>.<CR><LF>")
                    inData = true
                case "QUIT":
                    try await reply("221 2.0.0 bye")
                    return
                default: try await reply("500 5.5.2 unknown command")
                }
            }
        }
        return transaction
    }
}

@Suite("SMTP client against a fake server", .serialized)
struct SMTPClientTests {
    let group = MultiThreadedEventLoopGroup.singleton

    func mail(to: [String] = ["Focal Point <fp@example.org>", "nfp2@example.org"]) -> MailMessage {
        MailMessage(
            from: "Synergia <noreply@synergia.example>", to: to, subject: "提名提醒",
            textBody: "Dear focal point,\n.\nThe call closes soon.", messageID: "m1@synergia.example",
            date: Date(timeIntervalSince1970: 1_795_000_000)
        )
    }

    /// A successful exchange's timeout is only a guard: generous, for a machine busy with the other suites.
    func settings(_ port: Int, timeout: Duration = .seconds(30)) -> SMTPSettings {
        SMTPSettings(host: "127.0.0.1", port: port, heloName: "synergia.test", timeout: timeout)
    }

    @Test("a successful send: EHLO, envelope, message, QUIT")
    func successfulSend() async throws {
        let server = try await FakeSMTPServer(group: group)
        let message = mail()
        try await SMTPClient.send(message, via: settings(server.port), eventLoopGroup: group)
        await server.stop()
        let transactions = await server.recorder.transactions
        #expect(transactions.count == 1)
        let transaction = try #require(transactions.first)
        #expect(transaction.commands.first == "EHLO synergia.test")
        #expect(transaction.mailFrom == "<noreply@synergia.example>")
        #expect(transaction.recipients == ["<fp@example.org>", "<nfp2@example.org>"])
        #expect(transaction.commands.suffix(2) == ["DATA", "QUIT"])
        #expect(transaction.message == message.rendered(), "the server stores exactly the rendered message")
    }

    @Test("dot-stuffing: lines starting with a dot get another, and the server restores them")
    func dotStuffing() async throws {
        let server = try await FakeSMTPServer(group: group)
        let rendered = "Subject: dots\r\n\r\n.\r\n.hidden line\r\n..two\r\nplain.\r\nlast\r\n"
        try await SMTPClient.send(rendered: rendered, from: nil, to: ["fp@example.org"], via: settings(server.port), eventLoopGroup: group)
        await server.stop()
        let transaction = try #require(await server.recorder.transactions.first)
        #expect(transaction.mailFrom == "<>", "nil sender is the null reverse path")
        #expect(transaction.rawDataLines == ["Subject: dots", "", "..", "..hidden line", "...two", "plain.", "last"])
        #expect(transaction.message == rendered)
    }

    @Test("dataPayload normalises line endings and ends with CRLF.CRLF")
    func payload() {
        #expect(SMTPClient.dataPayload("a\n.b\r\nc") == "a\r\n..b\r\nc\r\n.\r\n")
        #expect(SMTPClient.dataPayload("") == ".\r\n")
        #expect(SMTPClient.dataPayload(".\r\n") == "..\r\n.\r\n")
    }

    @Test("a server that refuses EHLO gets HELO")
    func heloFallback() async throws {
        var script = FakeSMTPServer.Script()
        script.ehlo = "502 5.5.1 EHLO not implemented"
        let server = try await FakeSMTPServer(group: group, script: script)
        try await SMTPClient.send(mail(to: ["fp@example.org"]), via: settings(server.port), eventLoopGroup: group)
        await server.stop()
        let commands = try #require(await server.recorder.transactions.first).commands
        #expect(commands.prefix(2) == ["EHLO synergia.test", "HELO synergia.test"])
    }

    @Test("451 to RCPT throws a transient error with the server's text")
    func rcptRefused() async throws {
        var script = FakeSMTPServer.Script()
        script.rcpt = "451 4.3.0 Mailbox temporarily unavailable"
        let server = try await FakeSMTPServer(group: group, script: script)
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(mail(), via: settings(server.port), eventLoopGroup: group)
        }
        #expect(error == .unexpectedReply(command: "RCPT TO", code: 451, text: "4.3.0 Mailbox temporarily unavailable"))
        #expect(error?.isTransient == true)
        #expect(error?.replyText == "4.3.0 Mailbox temporarily unavailable")
        await server.stop()
        let commands = await server.recorder.transactions.first?.commands ?? []
        #expect(!commands.contains("DATA"), "no DATA after a refused recipient")
    }

    @Test("554 at the end of data is a permanent error")
    func dataRejected() async throws {
        var script = FakeSMTPServer.Script()
        script.data = "554 5.7.1 rejected as spam"
        let server = try await FakeSMTPServer(group: group, script: script)
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(mail(), via: settings(server.port), eventLoopGroup: group)
        }
        #expect(error == .unexpectedReply(command: "end of data", code: 554, text: "5.7.1 rejected as spam"))
        #expect(error?.isTransient == false)
        await server.stop()
    }

    @Test("a 421 greeting throws")
    func badGreeting() async throws {
        var script = FakeSMTPServer.Script()
        script.greeting = "421 4.3.2 too busy"
        let server = try await FakeSMTPServer(group: group, script: script)
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(mail(), via: settings(server.port), eventLoopGroup: group)
        }
        #expect(error == .unexpectedReply(command: "greeting", code: 421, text: "4.3.2 too busy"))
        await server.stop()
    }

    @Test("a reply that is not SMTP throws malformedReply; multi-line replies are joined")
    func garbageReply() async throws {
        var script = FakeSMTPServer.Script()
        script.greeting = "HTTP/1.1 400 Bad Request"
        let server = try await FakeSMTPServer(group: group, script: script)
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(mail(), via: settings(server.port), eventLoopGroup: group)
        }
        #expect(error == .malformedReply("HTTP/1.1 400 Bad Request"))
        await server.stop()

        var multi = FakeSMTPServer.Script()
        multi.rcpt = "550-5.1.1 No such user\r\n550 5.1.1 see https://example.org/help"
        let second = try await FakeSMTPServer(group: group, script: multi)
        let refusal = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(mail(), via: settings(second.port), eventLoopGroup: group)
        }
        #expect(refusal?.replyText == "5.1.1 No such user\n5.1.1 see https://example.org/help")
        #expect(refusal?.isTransient == false)
        await second.stop()
    }

    @Test("a refused connection (closed port) throws within the timeout")
    func connectionRefused() async throws {
        // Bind a port, then close it, so nothing listens there.
        let probe = try await FakeSMTPServer(group: group)
        let port = probe.port
        await probe.stop()
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(mail(), via: settings(port, timeout: .seconds(3)), eventLoopGroup: group)
        }
        #expect(clock.now - start < .seconds(3))
        if case .connectionFailed = error {} else { Issue.record("expected connectionFailed, got \(String(describing: error))") }
        #expect(error?.isTransient == true)
    }

    @Test("a server that never answers times out")
    func silentServer() async throws {
        var script = FakeSMTPServer.Script()
        // The greeting comes far later than the timeout: only a client that waited for it takes that long.
        script.greetingDelay = .seconds(6)
        let server = try await FakeSMTPServer(group: group, script: script)
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient.send(mail(), via: settings(server.port, timeout: .milliseconds(300)), eventLoopGroup: group)
        }
        #expect(error == .timedOut)
        #expect(clock.now - start < .seconds(5), "gave up before the late greeting")
        await server.stop()
    }

    @Test("bad envelope addresses and no recipients are refused before connecting")
    func invalidEnvelope() async throws {
        let unused = settings(1, timeout: .seconds(1))
        await #expect(throws: SMTPError.invalidAddress("a@b\r\nRCPT TO:<x@y>")) {
            try await SMTPClient.send(self.mail(to: ["a@b\r\nRCPT TO:<x@y>"]), via: unused, eventLoopGroup: self.group)
        }
        await #expect(throws: SMTPError.noRecipients) {
            try await SMTPClient.send(self.mail(to: []), via: unused, eventLoopGroup: self.group)
        }
    }
}
