import Foundation
import NIOConcurrencyHelpers

/// Sessions found current, each kept under the generations read before it was found: the
/// session generation (any session ended, revoked or purged, in any process) and the content
/// generation (any account changed: its role, its epoch, its removal). A kept session is used
/// only while both are unchanged, it has not expired, and its renewal is not due; anything else
/// goes to the database. So a sign-out or a revocation counts at the next request, as before,
/// while a signed-in request costs one shared read of the generations instead of its own query.
final class SessionCache: Sendable {
    struct Entry: Sendable {
        /// The account as read; each request gets its own copy (no model shared between requests).
        var account: UserModel
        var sessionID: UUID
        var createdAt: Date
        var lastSeenAt: Date
        var expiresAt: Date
        var generations: Generations

        func usable(at generations: Generations, now: Date) -> Bool {
            self.generations.content == generations.content && self.generations.sessions == generations.sessions
                && expiresAt > now && now.timeIntervalSince(createdAt) < SessionStore.longestLifetime
                && now.timeIntervalSince(lastSeenAt) <= SessionStore.touchInterval
        }
    }

    /// At most this many sessions are kept; past it the store starts again empty.
    let maxEntries: Int
    private let entries = NIOLockedValueBox([String: Entry]())

    init(maxEntries: Int = 20_000) {
        self.maxEntries = maxEntries
    }

    /// The session of the token digest `digest`, if kept and still usable at `generations`.
    func entry(_ digest: String, at generations: Generations, now: Date = Date()) -> Entry? {
        entries.withLockedValue { entries in
            guard let entry = entries[digest] else { return nil }
            guard entry.usable(at: generations, now: now) else {
                // Dropped unless this read is older than the entry's (a slow request's).
                if !(generations.content < entry.generations.content || generations.sessions < entry.generations.sessions) {
                    entries[digest] = nil
                }
                return nil
            }
            return entry
        }
    }

    func keep(_ digest: String, _ entry: Entry) {
        entries.withLockedValue { entries in
            if let kept = entries[digest], kept.generations.content > entry.generations.content
                || kept.generations.sessions > entry.generations.sessions { return }
            if entries.count >= maxEntries, entries[digest] == nil { entries.remove(at: entries.startIndex) }
            entries[digest] = entry
        }
    }

    func forget(_ digest: String) {
        _ = entries.withLockedValue { $0.removeValue(forKey: digest) }
    }

    var count: Int { entries.withLockedValue { $0.count } }
}
