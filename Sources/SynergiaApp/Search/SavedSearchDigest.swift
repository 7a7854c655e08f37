import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Sends each saved search that is due its e-mail of new results, through the outbox
/// (``NotificationDelivery``): what entered the index after the last e-mail and at least
/// ``SavedSearchService/settle`` ago, so a write that committed late is in the next one, never
/// skipped. Nothing new, no e-mail.
///
/// The search runs outside any write (on SQLite a write holds every other writer). Then one short
/// write moves the saved search on only if it is still as it was read (compare and set) and queues its
/// e-mail with it: with several `serve` processes, or a run cut short, an e-mail is queued once. A
/// search that fails is logged and tried again an hour later; the others go on.
enum SavedSearchDigest {
    /// Saved searches read at a time.
    static let batch = 20
    /// Results an e-mail lists (it says how many more there are).
    static let shown = 10
    /// How long a saved search whose run failed waits before the next try.
    static let retry: Int64 = 3_600

    /// Returns how many e-mails it queued.
    @discardableResult
    static func runDue(site: SiteAddress, catalogs: Catalogs, now: Date = Date(), on db: any Database,
                       logger: Logger = Logger(label: "synergia.saved-search")) async throws -> Int {
        let t = Int64(now.timeIntervalSince1970)
        let through = t - SavedSearchService.settle
        var queued = 0
        var seen = Set<UUID>()
        while true {
            let due = try await SavedSearchModel.query(on: db).filter(\.$nextDueAt <= t).sort(\.$nextDueAt).sort(\.$id).limit(batch)
                .with(\.$user).all().filter { !seen.contains($0.id!) }
            guard !due.isEmpty else { break }
            for saved in due {
                seen.insert(saved.id!)
                do {
                    if try await send(saved, through: through, now: t, site: site, catalogs: catalogs, on: db) { queued += 1 }
                } catch {
                    logger.error("saved search \(saved.id!) failed, tried again in an hour: \(String(reflecting: error))")
                    try? await moveOn(saved, checkedThrough: saved.checkedThrough, nextDue: t + retry, on: db)
                }
            }
        }
        return queued
    }

    /// Searches `saved`'s results in `(checkedThrough, through]`, then in one write moves it on and queues
    /// their e-mail if there are any. False when there were none, or another run moved it on first.
    static func send(_ saved: SavedSearchModel, through: Int64, now: Int64, site: SiteAddress, catalogs: Catalogs,
                     on db: any Database) async throws -> Bool {
        var newest: SearchPage.Newest?
        do {
            newest = try await SearchPage.newest(saved.parameters, after: saved.checkedThrough, through: through, limit: shown,
                                                 counting: true, on: db)
        } catch is SearchQuery.Problem {
            newest = nil  // A search saved under older rules that no longer reads as one: nothing to send.
        }
        let message = newest.flatMap { $0.total > 0 ? Message(saved: saved, newest: $0, site: site,
                                                              catalog: catalogs[Language(rawValue: saved.mailLanguage) ?? .english]) : nil }
        return try await db.write { tx in
            guard try await claim(saved, checkedThrough: max(saved.checkedThrough, through), nextDue: now + saved.frequency.seconds, on: tx.db),
                  let message else { return false }
            return try await NotificationDelivery.enqueue(kind: .savedSearch, to: saved.user.email, subject: message.subject, body: message.body,
                                                          on: tx.db)
        }
    }

    /// Moves `saved` on if it is still as it was read; whether it did.
    static func claim(_ saved: SavedSearchModel, checkedThrough: Int64, nextDue: Int64, on db: any Database) async throws -> Bool {
        struct Row: Decodable { var id: UUID }
        return try await !db.sql.update(SavedSearchModel.schema)
            .set("checked_through", to: checkedThrough).set("next_due_at", to: nextDue)
            .where("id", .equal, saved.id!).where("next_due_at", .equal, saved.nextDueAt).where("checked_through", .equal, saved.checkedThrough)
            .returning("id").all(decoding: Row.self).isEmpty
    }

    static func moveOn(_ saved: SavedSearchModel, checkedThrough: Int64, nextDue: Int64, on db: any Database) async throws {
        _ = try await db.write { tx in try await claim(saved, checkedThrough: checkedThrough, nextDue: nextDue, on: tx.db) }
    }

    /// The e-mail of one saved search: each new result's title, address and excerpt, then how many more,
    /// the search, its feed, and where to stop the e-mails. Plain text: nothing in it is markup.
    struct Message {
        var subject: String
        var body: String

        init(saved: SavedSearchModel, newest: SearchPage.Newest, site: SiteAddress, catalog: Catalog) {
            let parameters = saved.parameters
            // Control characters and line breaks become spaces; Arabic and bidi marks (format characters) stay.
            let query = String(saved.q.unicodeScalars.map {
                $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0)
            })
            subject = catalog["saved-search.mail-subject", ["count": String(newest.total), "query": query]]
            var lines = [catalog["saved-search.mail-intro", ["count": String(newest.total), "query": query]], ""]
            for (index, entry) in newest.entries.enumerated() {
                let excerpt = SearchExcerpt(entry.body, terms: newest.terms, length: 240).text
                lines.append("\(index + 1). \(entry.title)")
                lines.append("   \(site.base)\(entry.path)")
                if !excerpt.isEmpty { lines.append("   \(excerpt)") }
                lines.append("")
            }
            if newest.total > newest.entries.count {
                lines.append(catalog["saved-search.mail-more", ["count": String(newest.total - newest.entries.count)]])
            }
            lines.append(catalog["saved-search.mail-search"] + " " + site.absolute(.search(parameters)))
            lines.append(catalog["saved-search.mail-feed"] + " " + site.absolute(.searchFeed(parameters)))
            lines.append("")
            lines.append(catalog[saved.frequency == .daily ? "saved-search.mail-why-daily" : "saved-search.mail-why-weekly"]
                         + " " + site.absolute(.savedSearches))
            body = lines.joined(separator: "\n") + "\n"
        }
    }
}
