import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Saving, listing and removing a reader's saved searches.
enum SavedSearchService {
    /// Saved searches one reader may keep.
    static let maxPerUser = 25
    /// Bytes of UTF-8 a saved query may have.
    static let maxQueryBytes = 600
    /// How long a write may take to commit (seconds): results are e-mailed once they are this old,
    /// so an entry written early but committed late is in the next e-mail, never skipped.
    static let settle: Int64 = 600

    /// Saves `parameters` (their page left out) for `user`, e-mailed at `frequency` in `language`; a search
    /// they saved already only changes how often it is sent. 400 for an empty search, 422 past ``maxPerUser``.
    /// The count and the insert are one transaction under the user's row lock: two saves at once cannot
    /// both pass the limit, and the database keeps one saved search per reader and search.
    @discardableResult
    static func save(_ parameters: SearchPage.Parameters, frequency: SavedSearchFrequency, language: Language, for user: UserModel,
                     now: Date = Date(), on db: any Database) async throws -> SavedSearchModel {
        guard let query = try? SearchQuery(parameters.q), !query.isEmpty else {
            throw Abort(.badRequest, reason: "error.saved-search.empty")
        }
        // 200 characters can be many bytes (stacked combining marks): kept well under what one index row may hold.
        guard parameters.q.utf8.count <= maxQueryBytes else { throw Abort(.badRequest, reason: "error.search.too-long") }
        let search = parameters.with()
        let signature = SiteURL.search(search).path
        let userID = try user.requireID()
        let seconds = Int64(now.timeIntervalSince1970)
        return try await db.write { tx in
            try await tx.lock(UserModel.schema, where: "id", equals: userID)
            if let saved = try await SavedSearchModel.query(on: tx.db).filter(\.$user.$id == userID).filter(\.$signature == signature).first() {
                if saved.frequency != frequency || saved.mailLanguage != language.code {
                    saved.frequency = frequency
                    saved.mailLanguage = language.code
                    saved.nextDueAt = seconds + frequency.seconds
                    try await saved.update(on: tx.db)
                }
                return saved
            }
            guard try await SavedSearchModel.query(on: tx.db).filter(\.$user.$id == userID).count() < maxPerUser else {
                throw Abort(.unprocessableEntity, reason: "error.saved-search.too-many")
            }
            let saved = SavedSearchModel()
            saved.$user.id = userID
            saved.signature = signature
            saved.q = search.q
            saved.kind = search.kind?.rawValue
            saved.convention = search.convention
            saved.language = search.language
            saved.year = search.year
            saved.frequency = frequency
            saved.mailLanguage = language.code
            // New results from now on (what the reader sees as they save is not news to them), less the time
            // a write may take to commit: one in flight now is not on the page they see, so it is in the e-mail.
            saved.checkedThrough = seconds - settle
            saved.nextDueAt = seconds + frequency.seconds
            try await saved.create(on: tx.db)
            return saved
        }
    }

    /// The reader's saved searches, oldest first.
    static func list(of user: UserModel, on db: any Database) async throws -> [SavedSearchModel] {
        try await SavedSearchModel.query(on: db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).sort(\.$signature).all()
    }

    /// Removes one of the reader's saved searches; false when they have none with that id.
    static func delete(_ id: UUID, of user: UserModel, on db: any Database) async throws -> Bool {
        let userID = try user.requireID()
        return try await db.write { tx in
            guard let saved = try await SavedSearchModel.query(on: tx.db).filter(\.$id == id).filter(\.$user.$id == userID).first() else {
                return false
            }
            try await saved.delete(on: tx.db)
            return true
        }
    }
}
