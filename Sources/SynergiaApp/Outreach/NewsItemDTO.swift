import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A news item as the page shows it and the API returns it.
public struct NewsItemDTO: Content, Equatable, Sendable {
    public var id: UUID; public var convention: String; public var kind: NewsKind; public var title: String
    public var summary: String; public var language: String; public var link: String?; public var eventDate: String?
    public var publishedAt: Date
    /// The title and summary in other languages: field → language code → text.
    public var translations: [String: [String: String]]
    init(_ row: NewsItemModel, translations: [String: [String: String]] = [:]) {
        id = row.id!; convention = row.conventionCode; kind = row.kind; title = row.title; summary = row.summary
        language = row.language; link = row.link; eventDate = row.eventDate; publishedAt = row.publishedAt
        self.translations = translations
    }

    /// `rows` with their translations (one query).
    static func list(_ rows: [NewsItemModel], on db: any Database) async throws -> [NewsItemDTO] {
        let translations = try await ContentTranslationStore.load(.news, subjects: rows.compactMap { $0.id?.uuidString }, on: db)
        return rows.map { NewsItemDTO($0, translations: translations[$0.id?.uuidString ?? ""]?.coded ?? [:]) }
    }
}
