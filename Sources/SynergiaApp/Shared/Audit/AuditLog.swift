import Fluent
import NIOConcurrencyHelpers
import Foundation
import SQLKit
import SynergiaCore

/// The append-only, hash-chained log of changes to official records, on top of ``AuditChain``
/// (Core). Entries are added only inside a write transaction (``WriteContext``), chained when it
/// commits, after the head row is locked: any number of writers in any number of processes
/// append in turn, and an append never fails the action it records.
public enum AuditLog {
    /// Records an entry for `subject` in the write's audit. For a record the log checks (an
    /// answer, a shared element, a report…), the entry carries the hash of its state as the
    /// write leaves it, so `audit verify` can tell when the record was changed behind the log.
    ///
    /// `stateHash`: the subject's state hash as the write left it, when the write has the row
    /// (from its `RETURNING`, hashed with ``AuditedState/hash(_:)``), so it is not read again.
    /// Only when nothing later in the transaction changes the row without recording it again
    /// (a subject's last recorded state is the one chained).
    public static func record(_ tx: WriteContext, actor: String, action: String, subject: AuditSubject,
                              before: String? = nil, after: String? = nil, stateHash: String? = nil) async throws {
        tx.audit.add(.init(actor: actor, action: action, subject: subject, before: before, after: after, stateHash: stateHash))
    }

    /// Chains the write's entries after the head, in its transaction, once all its changes are
    /// made: each checked record's state is read then (under the locks the write holds).
    static func flush(_ tx: WriteContext) async throws {
        let pending = tx.audit.drain()
        guard !pending.isEmpty else { return }
        // Each subject's last recorded entry says whether the write already knows its state.
        let known = Dictionary(pending.map { ($0.subject, $0.stateHash) }, uniquingKeysWith: { _, last in last })
        var states: [AuditSubject: String] = [:]
        for (subject, hash) in known where subject.isChecked {
            states[subject] = if let hash { hash } else { try await AuditedState.hash(of: subject, on: tx.db) }
        }
        let now = Date()
        // Chained after the head this process last left, when the head is still there (one
        // compare-and-set, under the write's lock); otherwise after the head as read and locked.
        if let guess = AuditHeadRow.lastLeft.withLockedValue({ $0 }) {
            let entries = chain(pending, after: guess, at: now, states: states)
            // PostgreSQL: the head moved and the entries inserted in one statement, so writers
            // hold the head's lock for one round trip less before they commit.
            let together = tx.db.isPostgres && entries.count <= AuditHeadRow.entriesInOneStatement
            let moved = together
                ? try await AuditHeadRow.advance(from: guess, inserting: entries, at: now, on: tx.sql)
                : try await AuditHeadRow.advance(from: guess, to: head(after: entries), at: now, on: tx.sql)
            if moved {
                if !together { try await insert(entries, on: tx.sql) }
                AuditHeadRow.lastLeft.withLockedValue { $0 = head(after: entries) }
                return
            }
        }
        let entries = chain(pending, after: try await AuditHeadRow.read(on: tx.sql, forUpdate: true), at: now, states: states)
        try await AuditHeadRow.write(head(after: entries), at: now, on: tx.sql)
        try await insert(entries, on: tx.sql)
        AuditHeadRow.lastLeft.withLockedValue { $0 = head(after: entries) }
    }

    static let columns = ["id", "sequence", "at", "actor", "action", "subject", "before", "after", "state_hash", "previous_hash", "hash"]

    private static func insert(_ entries: [AuditEntry], on sql: any SQLDatabase) async throws {
        for entry in entries {
            try await sql.insert(into: AuditEntryModel.schema).columns(columns)
                .values(SQLBind(UUID()), SQLBind(entry.sequence), SQLBind(entry.at), SQLBind(entry.actor), SQLBind(entry.action),
                        SQLBind(entry.subject), SQLBind(entry.before), SQLBind(entry.after), SQLBind(entry.stateHash),
                        SQLBind(entry.previousHash), SQLBind(entry.hash))
                .run()
        }
    }

    private static func chain(_ pending: [PendingAuditEntry], after head: AuditHead, at now: Date, states: [AuditSubject: String]) -> [AuditEntry] {
        var head = head
        return pending.map { item in
            let entry = AuditChain.append(after: head, at: now, actor: item.actor, action: item.action, subject: item.subject.description,
                                          before: item.before, after: item.after, stateHash: states[item.subject])
            head = AuditHead(sequence: entry.sequence, hash: entry.hash)
            return entry
        }
    }

    /// The head after `entries` (never empty: a flush has entries to chain).
    private static func head(after entries: [AuditEntry]) -> AuditHead {
        AuditHead(sequence: entries.last!.sequence, hash: entries.last!.hash)
    }

    /// Every entry in order, as the chain sees them.
    static func entries(on db: any Database) async throws -> [AuditEntry] {
        try await AuditEntryModel.query(on: db).sort(\.$sequence).all().map(\.entry)
    }
}

/// An entry waiting for its transaction to chain it.
struct PendingAuditEntry: Sendable {
    var actor: String, action: String, subject: AuditSubject, before: String?, after: String?
    /// The subject's state hash as the write left it, when the write knows it (nil: read it).
    var stateHash: String? = nil
}

/// The entries a write transaction recorded, in order.
final class AuditBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [PendingAuditEntry] = []

    func add(_ entry: PendingAuditEntry) { lock.withLock { entries.append(entry) } }

    func drain() -> [PendingAuditEntry] {
        lock.withLock {
            defer { entries = [] }
            return entries
        }
    }
}

/// One entry of the audit log as stored.
public final class AuditEntryModel: Model, @unchecked Sendable {
    public static let schema = "audit_log"
    @ID(key: .id) public var id: UUID?
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "at") public var at: Date
    @Field(key: "actor") public var actor: String
    @Field(key: "action") public var action: String
    @Field(key: "subject") public var subject: String
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    @OptionalField(key: "state_hash") public var stateHash: String?
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String
    public init() {}

    var entry: AuditEntry {
        // Databases keep microseconds (PostgreSQL) or a double (SQLite); the chain hashes whole
        // milliseconds, so read the stored time back to the nearest millisecond.
        let at = Date(timeIntervalSince1970: (at.timeIntervalSince1970 * 1000).rounded() / 1000)
        return AuditEntry(sequence: sequence, at: at, actor: actor, action: action, subject: subject, before: before, after: after,
                          stateHash: stateHash, previousHash: previousHash, hash: hash)
    }
}

/// The head of the chain, one row apart from the entries: the last entry's sequence and hash.
/// Appends lock it, so they take turns; `audit verify` compares the log's end with it.
enum AuditHeadRow {
    static let table = "audit_head"

    static func read(on sql: any SQLDatabase, forUpdate: Bool = false) async throws -> AuditHead {
        struct Row: Decodable { var sequence: Int; var hash: String }
        var select = sql.select().columns("sequence", "hash").from(table).where("id", .equal, 1)
        if forUpdate { select = select.for(.update) }
        guard let row = try await select.first(decoding: Row.self) else { throw AuditHeadMissing() }
        return AuditHead(sequence: row.sequence, hash: row.hash)
    }

    /// The head this process's last write left (a guess: another process, or a write rolled
    /// back, may have changed it since; ``advance(from:to:at:on:)`` checks it).
    static let lastLeft = NIOLockedValueBox<AuditHead?>(nil)

    /// Moves the head from `old` to `new` if it is still at `old`; false (nothing changed) if not.
    static func advance(from old: AuditHead, to new: AuditHead, at: Date, on sql: any SQLDatabase) async throws -> Bool {
        struct Row: Decodable { var sequence: Int }
        return try await sql.update(table).set("sequence", to: new.sequence).set("hash", to: new.hash).set("updated_at", to: at)
            .where("id", .equal, 1).where("sequence", .equal, old.sequence).where("hash", .equal, old.hash)
            .returning("sequence").first(decoding: Row.self) != nil
    }

    /// The most entries ``advance(from:inserting:at:on:)`` takes: a statement takes at most
    /// 65,535 binds, and an entry has 11.
    static let entriesInOneStatement = 1_000

    /// PostgreSQL: ``advance(from:to:at:on:)`` to the head after `entries`, and `entries`
    /// inserted, in one statement (a data-modifying `WITH`); false, with nothing written, when
    /// the head was not at `old`.
    static func advance(from old: AuditHead, inserting entries: [AuditEntry], at: Date, on sql: any SQLDatabase) async throws -> Bool {
        guard let new = entries.last else { return true }
        var query: SQLQueryString = """
            WITH moved AS (UPDATE \(ident: table) SET sequence = \(bind: new.sequence), hash = \(bind: new.hash), updated_at = \(bind: at)
              WHERE id = 1 AND sequence = \(bind: old.sequence) AND hash = \(bind: old.hash) RETURNING id)
            INSERT INTO \(ident: AuditEntryModel.schema) (\(unsafeRaw: AuditLog.columns.joined(separator: ", ")))
            """
        for (index, entry) in entries.enumerated() {
            query += index == 0 ? " SELECT " : " UNION ALL SELECT "
            query += """
                \(bind: UUID()), \(bind: entry.sequence), \(bind: entry.at), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.subject), \
                \(bind: entry.before), \(bind: entry.after), \(bind: entry.stateHash), \(bind: entry.previousHash), \(bind: entry.hash) \
                WHERE EXISTS (SELECT 1 FROM moved)
                """
        }
        query += " RETURNING sequence"
        return try await sql.raw(query).all().count == entries.count
    }

    static func write(_ head: AuditHead, at: Date, on sql: any SQLDatabase) async throws {
        try await sql.update(table).set("sequence", to: head.sequence).set("hash", to: head.hash).set("updated_at", to: at)
            .where("id", .equal, 1).run()
    }
}

/// The head row of the audit log is gone: the log cannot be trusted.
struct AuditHeadMissing: Error, CustomStringConvertible {
    var description: String { "the audit log's head (table audit_head) is missing" }
}

/// The audit log's head row, and each entry's state hash.
struct CreateAuditHead: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema).field("state_hash", .string).update()
        let sql = database.sql
        try await database.schema(AuditHeadRow.table)
            .field("id", .int, .identifier(auto: false))
            .field("sequence", .int, .required)
            .field("hash", .string, .required)
            .field("updated_at", .datetime)
            .create()
        let last = try await AuditEntryModel.query(on: database).sort(\.$sequence, .descending).first()
        try await sql.insert(into: AuditHeadRow.table).columns("id", "sequence", "hash", "updated_at")
            .values(SQLBind(1), SQLBind(last?.sequence ?? 0), SQLBind(last?.hash ?? AuditChain.genesisHash), SQLBind(Date()))
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditHeadRow.table).delete()
        try await database.schema(AuditEntryModel.schema).deleteField("state_hash").update()
    }
}
