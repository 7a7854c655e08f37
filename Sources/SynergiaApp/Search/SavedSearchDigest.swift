import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Sends each saved search that is due its e-mail of new results, through the outbox
/// (``NotificationDelivery``): what entered the index after the last e-mail and at least
/// ``SavedSearchService/settle`` ago, so a write that committed late is in the next one, never
/// skipped. Nothing new, no e-mail. Each search is taken up, mailed and moved on in one
/// transaction, so with several `serve` processes (or one run cut short) an e-mail is queued once.
enum SavedSearchDigest {
    /// Saved searches taken up per transaction.
    static let batch = 20
    /// Results an e-mail lists (it says how many more there are).
    static let shown = 10

    /// Returns how many e-mails it queued.
    @discardableResult
    static func runDue(site: SiteAddress, catalogs: Catalogs, now: Date = Date(), on db: any Database) async throws -> Int {
        let t = Int64(now.timeIntervalSince1970)
        var queued = 0
        for _ in 0..<100 {
            let (claimed, sent) = try await db.write { tx -> (Int, Int) in
                struct Row: Decodable { var id: UUID }
                var select = tx.sql.select().column("id").from(SavedSearchModel.schema).where("next_due_at", .lessThanOrEqual, t)
                    .orderBy("next_due_at").limit(batch)
                // PostgreSQL: processes at the same moment take different searches.
                if tx.db.isPostgres { select = select.lockingClause(SQLRaw("FOR UPDATE SKIP LOCKED")) }
                let due = try await select.all(decoding: Row.self).map(\.id)
                var sent = 0
                for id in due {
                    // Read again: another process may have sent it since it was chosen.
                    guard let saved = try await SavedSearchModel.query(on: tx.db).filter(\.$id == id).filter(\.$nextDueAt <= t)
                        .with(\.$user).first() else { continue }
                    if try await mail(saved, through: t - SavedSearchService.settle, site: site, catalogs: catalogs, on: tx.db) { sent += 1 }
                    saved.checkedThrough = max(saved.checkedThrough, t - SavedSearchService.settle)
                    saved.nextDueAt = t + saved.frequency.seconds
                    try await saved.update(on: tx.db)
                }
                return (due.count, sent)
            }
            queued += sent
            if claimed < batch { break }
        }
        return queued
    }

    /// Queues the e-mail of `saved`'s results in `(checkedThrough, through]`, if there are any.
    static func mail(_ saved: SavedSearchModel, through: Int64, site: SiteAddress, catalogs: Catalogs, on db: any Database) async throws -> Bool {
        let newest: SearchPage.Newest
        do {
            newest = try await SearchPage.newest(saved.parameters, after: saved.checkedThrough, through: through, limit: shown, counting: true, on: db)
        } catch is SearchQuery.Problem {
            return false  // A search saved under older rules that no longer reads as one: nothing to send.
        }
        guard newest.total > 0 else { return false }
        let message = Message(saved: saved, newest: newest, site: site, catalog: catalogs[Language(rawValue: saved.mailLanguage) ?? .english])
        return try await NotificationDelivery.enqueue(kind: .savedSearch, to: saved.user.email, subject: message.subject, body: message.body, on: db)
    }

    /// The e-mail of one saved search: each new result's title, address and excerpt, then how many more,
    /// the search, its feed, and where to stop the e-mails. Plain text: nothing in it is markup.
    struct Message {
        var subject: String
        var body: String

        init(saved: SavedSearchModel, newest: SearchPage.Newest, site: SiteAddress, catalog: Catalog) {
            let parameters = saved.parameters
            let query = String(saved.q.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : Character($0) })
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
