import Fluent
import Foundation
import NIOCore
import NIOPosix
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Notifications: queued, delivered, never lost")
struct NotificationDeliveryTests {
    @Test("a notification survives an SMTP outage and is delivered when the server is back")
    func survivesOutage() async throws {
        try await withSynergia { app in
            try await NotificationDelivery.enqueue(kind: .reportSubmitted, to: "secretariat@example.org",
                                                   subject: "报告已提交：肯尼亚", body: "Kenya submitted its report.", on: app.db)
            // The relay is down: nothing listens on the port.
            let probe = try await FakeSMTPServer(group: app.eventLoopGroup)
            let port = probe.port
            await probe.stop()
            let delivered = try await NotificationDelivery.deliverDue(transport: .smtp(host: "127.0.0.1", port: port),
                                                                      eventLoopGroup: app.eventLoopGroup, on: app.db, logger: app.logger)
            #expect(delivered == 0)
            let waiting = try #require(try await NotificationModel.query(on: app.db).first())
            #expect(waiting.status == .queued && waiting.attempts == 1 && waiting.lastError != nil)
            #expect(waiting.nextAttemptAt > Date(), "retried later, not in a tight loop")

            // Not yet due: a run now leaves it alone.
            #expect(try await NotificationDelivery.deliverDue(transport: .smtp(host: "127.0.0.1", port: port),
                                                              eventLoopGroup: app.eventLoopGroup, on: app.db, logger: app.logger) == 0)

            // The relay is back; at the next due run the message goes out, once.
            let server = try await FakeSMTPServer(group: app.eventLoopGroup)
            let later = Date().addingTimeInterval(3600)
            let sent = try await NotificationDelivery.deliverDue(transport: .smtp(host: "127.0.0.1", port: server.port),
                                                                 eventLoopGroup: app.eventLoopGroup, on: app.db, now: later, logger: app.logger)
            #expect(sent == 1)
            await server.stop()
            let transactions = await server.recorder.transactions
            #expect(transactions.count == 1)
            #expect(transactions.first?.recipients == ["<secretariat@example.org>"])
            #expect(transactions.first?.message.contains("Subject: =?utf-8?B?") == true)
            let done = try await NotificationModel.query(on: app.db).first()
            #expect(done?.status == .sent && done?.attempts == 2)
        }
    }

    @Test("without SMTP, notifications are written to the outbox folder as .eml files")
    func outbox() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synergia-outbox-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withSynergia { app in
            try await NotificationDelivery.enqueue(kind: .invitation, to: "d@example.org", subject: "Invitation: SBI-1", body: "Welcome", on: app.db)
            let written = try await NotificationDelivery.deliverDue(transport: .outbox(directory: directory),
                                                                    eventLoopGroup: app.eventLoopGroup, on: app.db, logger: app.logger)
            #expect(written == 1)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(files.count == 1 && files[0].hasSuffix(".eml"))
            let message = try String(contentsOfFile: (directory as NSString).appendingPathComponent(files[0]), encoding: .utf8)
            #expect(message.contains("To: d@example.org") && message.contains("Subject: Invitation: SBI-1"))
            #expect(try await NotificationModel.query(on: app.db).first()?.status == .written)
        }
        #expect(NotificationTransport.from(environment: [:]) == .outbox(directory: "outbox"))
        #expect(NotificationTransport.from(environment: ["SYNERGIA_SMTP_HOST": "relay", "SYNERGIA_SMTP_PORT": "2525"]) == .smtp(host: "relay", port: 2525))
    }
}
