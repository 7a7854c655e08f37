import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A convention's secretariat posts news or an event to the shared stream, audited.
enum NewsService {
    struct Form: Content {
        var convention: String?; var kind: String?; var title: String?; var summary: String?
        var language: String?; var link: String?; var eventDate: String?
    }

    /// Refused: a convention the person does not post for, no title or summary, an event without
    /// a valid date, a link that is not a web address. `language` is used when the form names none.
    /// `date`: when it is published (now, but for the demo's news of the past weeks).
    static func post(_ form: Form, language: Language, by user: UserModel, at date: Date = Date(),
                     on db: any Database) async throws -> NewsItemModel {
        let convention = (form.convention ?? "").uppercased()
        try Authorize.require(user.actor, .publishNews(convention: convention))
        guard let title = form.title?.nilIfEmpty, let summary = form.summary?.nilIfEmpty else { throw Refusal("error.news.incomplete") }
        let kind = NewsKind(rawValue: form.kind ?? "") ?? .news
        if kind == .event, !ISODate.isValid(form.eventDate ?? "") { throw Refusal("error.meeting.date") }
        if let link = form.link?.nilIfEmpty, !SafeLink.isWebURL(link) { throw Refusal("error.meeting.link") }
        let item = NewsItemModel()
        item.conventionCode = convention
        item.kind = kind
        item.title = String(title.prefix(500))
        item.summary = String(summary.prefix(10_000))
        item.language = Language(code: form.language ?? "")?.code ?? language.code
        item.link = form.link?.nilIfEmpty
        item.eventDate = kind == .event ? form.eventDate : nil
        item.publishedAt = date
        try await db.write { tx in
            try await item.createInWrite(on: tx.db)
            try await SearchIndex.replace(SearchDocuments.newsSource(try item.requireID()), with: SearchDocuments.news(item), on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "news.posted", subject: .other("news/\(try item.requireID())"))
        }
        return item
    }
}
