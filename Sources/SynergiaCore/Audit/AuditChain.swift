import Foundation

/// One entry of a report's tamper-evident audit trail. `hash` is the SHA-256 of the entry's
/// canonical serialization (`AuditChain.serialization`), which includes `previousHash`, so
/// changing, removing or reordering any entry breaks every hash after it.
public struct AuditEntry: Codable, Sendable, Equatable {
    /// 1 for the first entry, then consecutive.
    public var sequence: Int
    /// Kept to the millisecond (`append` truncates), as the hash covers it.
    public var at: Date
    /// Who did it (account id or name).
    public var actor: String
    /// What was done, e.g. `answer.save`, `status.submit`.
    public var action: String
    /// What it was done to, e.g. a question id or report id.
    public var subject: String
    public var before: String?
    public var after: String?
    /// SHA-256 of the changed record's state after the change (``AuditChain`` does not define the
    /// state; the application does), so the record can be checked against its last entry.
    /// Absent on entries that change no checked record, and on entries made before states were kept.
    public var stateHash: String?
    /// `hash` of the entry before, or `AuditChain.genesisHash` for the first.
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, at: Date, actor: String, action: String, subject: String, before: String?,
                after: String?, stateHash: String? = nil, previousHash: String, hash: String) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
        self.stateHash = stateHash
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The result of checking a chain.
public enum AuditVerification: Sendable, Equatable {
    /// All `count` entries are in order and unchanged.
    case intact(count: Int)
    /// The first entry (by position) that fails, named by its `sequence`.
    case broken(atSequence: Int, reason: AuditBreak)
}

/// What is wrong at the first broken entry.
public enum AuditBreak: Sendable, Equatable {
    /// Its sequence is not the one expected at its position (an entry was removed or moved).
    case sequenceOutOfOrder(expected: Int)
    /// Its `previousHash` is not the hash of the entry before it.
    case previousHashMismatch
    /// Its content no longer gives its `hash` (a field was changed).
    case hashMismatch
    /// The last entry is not the separately stored head (entries were cut off the end, or the
    /// log was emptied).
    case headMismatch
}

/// The last entry of a chain, stored apart from the entries, so that cutting entries off the
/// end (or emptying the log) is found.
public struct AuditHead: Sendable, Equatable {
    /// The last entry's sequence; 0 for an empty log.
    public var sequence: Int
    /// The last entry's hash; ``AuditChain/genesisHash`` for an empty log.
    public var hash: String
    public init(sequence: Int, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
    public static let empty = AuditHead(sequence: 0, hash: AuditChain.genesisHash)
}

/// Builds and verifies hash-chained audit trails.
public enum AuditChain {
    /// The `previousHash` of the first entry: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The new entry to add after `entries` (which are assumed verified).
    public static func append(to entries: [AuditEntry], at: Date, actor: String, action: String, subject: String,
                              before: String? = nil, after: String? = nil, stateHash: String? = nil) -> AuditEntry {
        append(after: entries.last.map { AuditHead(sequence: $0.sequence, hash: $0.hash) } ?? .empty, at: at, actor: actor,
               action: action, subject: subject, before: before, after: after, stateHash: stateHash)
    }

    /// The new entry to add after the one `head` names.
    public static func append(after head: AuditHead, at: Date, actor: String, action: String, subject: String,
                              before: String? = nil, after: String? = nil, stateHash: String? = nil) -> AuditEntry {
        let truncated = Date(timeIntervalSince1970: Double(CanonicalJSON.milliseconds(at)) / 1000)
        var entry = AuditEntry(sequence: head.sequence + 1, at: truncated, actor: actor, action: action, subject: subject,
                               before: before, after: after, stateHash: stateHash, previousHash: head.hash, hash: "")
        entry.hash = hash(of: entry)
        return entry
    }

    /// The bytes hashed for `entry`: canonical JSON of every field except `hash`
    /// (absent `before`/`after` as null, `at` as ISO 8601 with milliseconds; `stateHash` only when
    /// the entry has one, so entries made before states were kept hash as they did).
    public static func serialization(of entry: AuditEntry) -> Data {
        struct Hashed: Encodable {
            var sequence: Int, at: String, actor: String, action: String, subject: String
            var before: String?, after: String?, stateHash: String?, previousHash: String
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(sequence, forKey: .sequence)
                try c.encode(at, forKey: .at)
                try c.encode(actor, forKey: .actor)
                try c.encode(action, forKey: .action)
                try c.encode(subject, forKey: .subject)
                try c.encode(before, forKey: .before)
                try c.encode(after, forKey: .after)
                try c.encodeIfPresent(stateHash, forKey: .stateHash)
                try c.encode(previousHash, forKey: .previousHash)
            }
            enum CodingKeys: String, CodingKey { case sequence, at, actor, action, subject, before, after, stateHash, previousHash }
        }
        let hashed = Hashed(sequence: entry.sequence, at: CanonicalJSON.timestamp(entry.at), actor: entry.actor,
                            action: entry.action, subject: entry.subject, before: entry.before, after: entry.after,
                            stateHash: entry.stateHash, previousHash: entry.previousHash)
        // Encoding strings and integers cannot fail.
        return (try? CanonicalJSON.encode(hashed)) ?? Data()
    }

    /// SHA-256 hex of `serialization(of:)`.
    public static func hash(of entry: AuditEntry) -> String { SHA256Hex.digest(serialization(of: entry)) }

    /// Checks `entries` in the order given: sequences 1, 2, 3…; each `previousHash` the hash
    /// of the entry before (genesis for the first); each `hash` recomputed. With `head` (the
    /// last entry as stored apart from the entries), also finds entries removed from the end
    /// and an emptied log.
    public static func verify(_ entries: [AuditEntry], head: AuditHead? = nil) -> AuditVerification {
        var previous = genesisHash
        for (index, entry) in entries.enumerated() {
            if entry.sequence != index + 1 {
                return .broken(atSequence: entry.sequence, reason: .sequenceOutOfOrder(expected: index + 1))
            }
            if entry.previousHash != previous { return .broken(atSequence: entry.sequence, reason: .previousHashMismatch) }
            if hash(of: entry) != entry.hash { return .broken(atSequence: entry.sequence, reason: .hashMismatch) }
            previous = entry.hash
        }
        if let head, head.hash != previous || head.sequence != (entries.last?.sequence ?? 0) {
            return .broken(atSequence: entries.last?.sequence ?? 0, reason: .headMismatch)
        }
        return .intact(count: entries.count)
    }
}
