import Fluent
import Foundation
import NIOCore
import SynergiaCore
import Vapor

/// Where notifications go: an SMTP relay when `SYNERGIA_SMTP_HOST` is set, else files in the
/// outbox folder (`SYNERGIA_OUTBOX`, `./outbox` by default), one `.eml` file per message.
public enum NotificationTransport: Sendable, Equatable {
    case smtp(host: String, port: Int)
    case outbox(directory: String)

    public static func from(environment: [String: String]) -> NotificationTransport {
        if let host = environment["SYNERGIA_SMTP_HOST"], !host.isEmpty {
            return .smtp(host: host, port: environment["SYNERGIA_SMTP_PORT"].flatMap(Int.init) ?? 25)
        }
        return .outbox(directory: environment["SYNERGIA_OUTBOX"].flatMap { $0.isEmpty ? nil : $0 } ?? "outbox")
    }
}

/// Queues notifications and delivers the queue, retrying with growing delays.
public enum NotificationDelivery {
    public static let sender = "Synergia <no-reply@synergia.example>"

    /// Adds a message to the queue (in the caller's transaction, so it exists exactly when
    /// the change that caused it does).
    public static func enqueue(kind: String, to recipient: String, subject: String, body: String, on db: any Database) async throws {
        try await NotificationModel(kind: kind, recipient: recipient, subject: subject, body: body).create(on: db)
    }

    /// Tries every queued message that is due; returns how many were delivered.
    @discardableResult
    public static func deliverDue(transport: NotificationTransport, eventLoopGroup: any EventLoopGroup, on db: any Database,
                                  now: Date = Date(), logger: Logger) async throws -> Int {
        let due = try await NotificationModel.query(on: db).filter(\.$status == "queued")
            .filter(\.$nextAttemptAt <= now).sort(\.$createdAt).limit(100).all()
        var delivered = 0
        for notification in due {
            let message = MailMessage(
                from: sender, to: [notification.recipient], subject: notification.subject, textBody: notification.body,
                messageID: "<\(notification.id?.uuidString ?? UUID().uuidString)@synergia>", date: notification.createdAt ?? now, headers: [])
            notification.attempts += 1
            do {
                switch transport {
                case .smtp(let host, let port):
                    try await SMTPClient.send(message, via: SMTPSettings(host: host, port: port, heloName: "synergia"),
                                              eventLoopGroup: eventLoopGroup)
                    notification.status = "sent"
                case .outbox(let directory):
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    let file = (directory as NSString).appendingPathComponent("\(notification.id?.uuidString ?? UUID().uuidString).eml")
                    try Data(message.rendered().utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
                    notification.status = "written"
                }
                notification.deliveredAt = now
                notification.lastError = nil
                delivered += 1
            } catch {
                // Keep it queued; try again later, waiting longer each time (1, 2, 4 … 60 minutes).
                notification.lastError = String(describing: error)
                let minutes = min(60.0, pow(2.0, Double(notification.attempts - 1)))
                notification.nextAttemptAt = now.addingTimeInterval(minutes * 60)
                logger.warning("notification \(notification.id?.uuidString ?? "?") not delivered (attempt \(notification.attempts)): \(error)")
            }
            try await notification.update(on: db)
        }
        return delivered
    }
}

/// Delivers the queue in the background every 30 seconds while the server runs.
struct NotificationWorker: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        let transport = NotificationTransport.from(environment: ProcessInfo.processInfo.environment)
        let db = application.db
        let group = application.eventLoopGroup
        let logger = application.logger
        let task = application.eventLoopGroup.any().scheduleRepeatedAsyncTask(initialDelay: .seconds(2), delay: .seconds(30)) { _ in
            application.eventLoopGroup.any().makeFutureWithTask {
                do {
                    try await NotificationDelivery.deliverDue(transport: transport, eventLoopGroup: group, on: db, logger: logger)
                } catch {
                    logger.error("notification delivery failed: \(error)")
                }
            }
        }
        application.storage[NotificationWorkerKey.self] = task
    }

    func shutdownAsync(_ application: Application) async {
        application.storage[NotificationWorkerKey.self]?.cancel()
    }
}

struct NotificationWorkerKey: StorageKey { typealias Value = RepeatedTask }
