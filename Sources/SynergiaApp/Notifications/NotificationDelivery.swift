import Fluent
import Foundation
import NIOCore
import SQLKit
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

/// Queues notifications and delivers the queue. Each `serve` process claims the messages it
/// delivers in the database first, so with several processes a message goes out once; a claim
/// left by a killed process runs out and the message is taken up again. A message refused for
/// now is retried with growing delays, at most ``maxAttempts`` times; one refused for good
/// (an address the server rejects) ends as failed.
public enum NotificationDelivery {
    public static let sender = "Synergia <no-reply@synergia.example>"
    /// Tries at most, before a message refused for now ends as failed.
    public static let maxAttempts = 12
    /// How long a claim holds: delivery of one batch takes far less.
    static let claimTime: TimeInterval = 10 * 60

    /// Adds a message to the queue (in the caller's transaction, so it exists exactly when
    /// the change that caused it does). A recipient that is not one plain address gets nothing
    /// (an account made before addresses were checked must not stop a submission); forms check
    /// the addresses people type before it comes to this.
    @discardableResult
    public static func enqueue(kind: NotificationKind, to recipient: String, subject: String, body: String, causedBy: String? = nil,
                               on db: any Database) async throws -> Bool {
        guard EmailAddress.isValid(recipient) else {
            db.logger.warning("notification \(kind.rawValue) not queued: \(recipient.debugDescription) is not one plain address")
            return false
        }
        try await NotificationModel(kind: kind, recipient: recipient, subject: String(subject.prefix(500)), body: body, causedBy: causedBy)
            .create(on: db)
        return true
    }

    /// Messages caused by `email` that could not be delivered, newest first.
    public static func failed(causedBy email: String, on db: any Database) async throws -> [NotificationModel] {
        try await NotificationModel.query(on: db).filter(\.$causedBy == email).filter(\.$status == .failed)
            .sort(\.$createdAt, .descending).limit(50).all()
    }

    /// Claims the messages that are due for this process (`worker`), at most `limit`.
    static func claim(worker: String, now: Date, limit: Int, on db: any Database) async throws -> [NotificationModel] {
        try await db.write { tx in
            struct Row: Decodable { var id: UUID }
            var select = tx.sql.select().column("id").from(NotificationModel.schema)
                .where { $0.where("status", .equal, NotificationStatus.queued.rawValue).where("next_attempt_at", .lessThanOrEqual, now) }
                .orWhere { $0.where("status", .equal, NotificationStatus.sending.rawValue).where("claimed_until", .lessThan, now) }
                .orderBy("created_at").limit(limit)
            // PostgreSQL: processes claiming at the same moment take different messages.
            if tx.db.isPostgres { select = select.lockingClause(SQLRaw("FOR UPDATE SKIP LOCKED")) }
            let due = try await select.all(decoding: Row.self).map(\.id)
            guard !due.isEmpty else { return [] }
            // The status is checked again in the update itself: of two processes that chose the same
            // message, the second finds it claimed and takes nothing.
            let claimed = try await tx.sql.update(NotificationModel.schema)
                .set("status", to: NotificationStatus.sending.rawValue).set("claimed_by", to: worker)
                .set("claimed_until", to: now.addingTimeInterval(claimTime))
                .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                .where("id", .in, due)
                .where { $0.where("status", .equal, NotificationStatus.queued.rawValue)
                    .orWhere { $0.where("status", .equal, NotificationStatus.sending.rawValue).where("claimed_until", .lessThan, now) } }
                .returning("id").all(decoding: Row.self).map(\.id)
            guard !claimed.isEmpty else { return [] }
            return try await NotificationModel.query(on: tx.db).filter(\.$id ~~ claimed).sort(\.$createdAt).all()
        }
    }

    /// Delivers every message that is due; returns how many went out.
    @discardableResult
    public static func deliverDue(transport: NotificationTransport, eventLoopGroup: any EventLoopGroup, on db: any Database,
                                  now: Date = Date(), worker: String = UUID().uuidString, logger: Logger) async throws -> Int {
        // A claim lasts ten minutes; ten messages of at most 30 s each fit in it with room to spare.
        let due = try await claim(worker: worker, now: now, limit: 10, on: db)
        var delivered = 0
        for notification in due {
            guard let id = notification.id else { continue }
            let message = MailMessage(
                from: sender, to: [notification.recipient], subject: notification.subject, textBody: notification.body,
                messageID: "<\(id.uuidString)@synergia>", date: notification.createdAt ?? now, headers: [])
            let outcome: (status: NotificationStatus, error: String?, next: Date?)
            do {
                switch transport {
                case .smtp(let host, let port):
                    try await SMTPClient.send(message, via: SMTPSettings(host: host, port: port, heloName: "synergia"),
                                              eventLoopGroup: eventLoopGroup)
                    outcome = (.sent, nil, nil)
                case .outbox(let directory):
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    let file = (directory as NSString).appendingPathComponent("\(id.uuidString).eml")
                    try Data(message.rendered().utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
                    outcome = (.written, nil, nil)
                }
                delivered += 1
            } catch {
                let permanent = (error as? SMTPError).map { !$0.isTransient } ?? false
                if permanent || notification.attempts >= maxAttempts {
                    outcome = (.failed, String(describing: error), nil)
                    logger.warning("notification \(id) failed for good after \(notification.attempts) attempt(s): \(error)")
                } else {
                    // Try again later, waiting longer each time (1, 2, 4 … 60 minutes).
                    let minutes = min(60.0, pow(2.0, Double(notification.attempts - 1)))
                    outcome = (.queued, String(describing: error), now.addingTimeInterval(minutes * 60))
                    logger.warning("notification \(id) not delivered (attempt \(notification.attempts)): \(error)")
                }
            }
            try await db.write { tx in
                var update = tx.sql.update(NotificationModel.schema).set("status", to: outcome.status.rawValue)
                    .set("last_error", to: outcome.error.map { String($0.prefix(1_000)) }).set("claimed_by", to: String?.none)
                if let next = outcome.next { update = update.set("next_attempt_at", to: next) }
                if outcome.status == .sent || outcome.status == .written { update = update.set("delivered_at", to: now) }
                try await update.where("id", .equal, id).where("claimed_by", .equal, worker).run()
            }
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
        let site = SiteAddress(application.synergia.settings.publicURL), catalogs = application.synergia.catalogs
        let worker = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"
        let task = application.eventLoopGroup.any().scheduleRepeatedAsyncTask(initialDelay: .seconds(2), delay: .seconds(30)) { _ in
            application.eventLoopGroup.any().makeFutureWithTask {
                do {
                    // The saved searches that are due first: their e-mails go out in the same tick.
                    try await SavedSearchDigest.runDue(site: site, catalogs: catalogs, on: db)
                } catch {
                    logger.error("saved search e-mails failed: \(error)")
                }
                do {
                    try await NotificationDelivery.deliverDue(transport: transport, eventLoopGroup: group, on: db, worker: worker, logger: logger)
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

/// Hourly, while the server runs: removes sessions that have ended and sign-in counts nobody needs.
struct MaintenanceWorker: LifecycleHandler {
    func didBootAsync(_ application: Application) async throws {
        let db = application.db, logger = application.logger
        let task = application.eventLoopGroup.any().scheduleRepeatedAsyncTask(initialDelay: .seconds(60), delay: .hours(1)) { _ in
            application.eventLoopGroup.any().makeFutureWithTask {
                do {
                    try await SessionStore.purge(on: db)
                    try await SignInThrottle.purge(on: db)
                } catch {
                    logger.error("maintenance failed: \(error)")
                }
            }
        }
        application.storage[MaintenanceWorkerKey.self] = task
    }

    func shutdownAsync(_ application: Application) async {
        application.storage[MaintenanceWorkerKey.self]?.cancel()
    }
}

struct MaintenanceWorkerKey: StorageKey { typealias Value = RepeatedTask }
