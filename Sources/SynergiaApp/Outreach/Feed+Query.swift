import Fluent
import Foundation
import SynergiaCore

extension Feed {
    /// The newest 100 entries of each source of the feed `name`; `site` makes a path absolute.
    static func query(_ name: Name, site: SiteAddress, on db: any Database) async throws -> Feed {
        switch name {
        case .news: return Feed(name: name, entries: try await news(kind: .news, site: site, on: db))
        case .events: return Feed(name: name, entries: try await news(kind: .event, site: site, on: db) + (try await meetings(site: site, on: db)))
        case .decisions: return Feed(name: name, entries: try await decisions(site: site, on: db))
        case .reports: return Feed(name: name, entries: try await reports(site: site, on: db))
        }
    }

    static func news(kind: NewsKind, site: SiteAddress, on db: any Database) async throws -> [AtomEntry] {
        try await NewsItemModel.query(on: db).filter(\.$kind == kind).sort(\.$publishedAt, .descending).limit(100).all().map { item in
            let id = try item.requireID()
            return AtomEntry(id: urn(id), title: item.title, updated: item.publishedAt, published: item.publishedAt,
                      link: item.link.flatMap { SafeLink.isWebURL($0) ? $0 : nil } ?? site.absolute(.newsItem(id)),
                      summary: item.summary, authorName: item.conventionCode, categories: [item.conventionCode, item.kind.rawValue],
                      language: item.language)
        }
    }

    static func meetings(site: SiteAddress, on db: any Database) async throws -> [AtomEntry] {
        try await MeetingModel.query(on: db).sort(\.$startDate, .descending).limit(100).all().map { meeting in
            AtomEntry(id: urn(try meeting.requireID()), title: "\(meeting.code): \(meeting.title) (\(meeting.startDate) – \(meeting.endDate))",
                      updated: meeting.updatedAt ?? Date(timeIntervalSince1970: 0), published: nil,
                      link: site.absolute(.meeting(meeting.code)), summary: meeting.place ?? meeting.onlineLink,
                      authorName: meeting.conventionCode, categories: [meeting.conventionCode, meeting.kind.rawValue], language: nil)
        }
    }

    static func decisions(site: SiteAddress, on db: any Database) async throws -> [AtomEntry] {
        try await DecisionModel.query(on: db).sort(\.$importedAt, .descending).limit(100).all().map { decision in
            AtomEntry(id: urn(try decision.requireID()), title: "\(decision.conventionCode) decision \(decision.symbol): \(decision.title ?? "")",
                      updated: decision.importedAt ?? Date(timeIntervalSince1970: 0), published: decision.importedAt,
                      link: site.absolute(.decisionVersion(decision.slug, language: decision.language)),
                      summary: decision.meeting, authorName: decision.conventionCode, categories: [decision.conventionCode],
                      language: decision.language)
        }
    }

    /// Published reports only: a draft is never in a feed.
    static func reports(site: SiteAddress, on db: any Database) async throws -> [AtomEntry] {
        try await ReportModel.query(on: db).filter(\.$status == .published).sort(\.$publishedAt, .descending).limit(100).with(\.$cycle).all()
            .map { report in
                AtomEntry(id: urn(try report.requireID()), title: "\(report.partyCode): \(report.cycle.title) (version \(report.version))",
                          updated: report.publishedAt ?? Date(timeIntervalSince1970: 0), published: report.publishedAt,
                          link: site.absolute(.report(try report.requireID())), summary: report.receiptSHA256.map { "SHA-256 \($0)" },
                          authorName: report.partyCode, categories: [report.cycle.conventionCode], language: nil)
            }
    }

    static func urn(_ id: UUID) -> String { "urn:uuid:\(id.uuidString.lowercased())" }
}
