import Foundation
import SynergiaCore
import Vapor

/// A news item as the page shows it and the API returns it.
public struct NewsItemDTO: Content, Equatable, Sendable {
    public var id: UUID; public var convention: String; public var kind: NewsKind; public var title: String
    public var summary: String; public var language: String; public var link: String?; public var eventDate: String?
    public var publishedAt: Date
    init(_ row: NewsItemModel) {
        id = row.id!; convention = row.conventionCode; kind = row.kind; title = row.title; summary = row.summary
        language = row.language; link = row.link; eventDate = row.eventDate; publishedAt = row.publishedAt
    }
}
