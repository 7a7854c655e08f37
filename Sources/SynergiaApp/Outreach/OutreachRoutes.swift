import Fluent
import Foundation
import Plot
import SynergiaCore
import Vapor

/// One news and events stream across conventions, and the Atom feeds of news, events,
/// decisions and published reports.
enum OutreachRoutes {
    static func register(_ app: Application) throws {
        app.get("news") { req in
            let items = try await NewsItemModel.query(on: req.db).sort(\.$publishedAt, .descending).limit(200).all()
            let conventions = try await ReferenceQueries.conventions(on: req.db)
            let postable = conventions.filter { AuthorizationPolicy.permits(req.actor, .publishNews(convention: $0.code)) }
            return Response.html(NewsView.render(req.page, items.map(NewsItemDTO.init), postable: postable))
        }
        app.on(.POST, "news", body: .collect(maxSize: "64kb"), use: post)
        app.get("api", "v1", "news") { req in
            let page = try Pagination.list(req)
            return try page.response(try await NewsItemModel.query(on: req.db).sort(\.$publishedAt, .descending).onPage(page).all()
                .map(NewsItemDTO.init), for: req)
        }
        app.get("feeds", "news.atom") { req in try await feed(req, kind: "news") }
        app.get("feeds", "events.atom") { req in try await feed(req, kind: "event") }
        app.get("feeds", "decisions.atom") { req in
            let decisions = try await DecisionModel.query(on: req.db).sort(\.$importedAt, .descending).limit(100).all()
            let entries = decisions.map { decision in
                AtomEntry(id: "urn:uuid:\(decision.id!.uuidString.lowercased())", title: "\(decision.conventionCode) decision \(decision.symbol): \(decision.title ?? "")",
                          updated: decision.importedAt ?? Date(timeIntervalSince1970: 0), published: decision.importedAt,
                          link: absolute(req, "/decisions/\(decision.slug)?version=\(decision.language)"),
                          summary: decision.meeting, authorName: decision.conventionCode, categories: [decision.conventionCode], language: decision.language)
            }
            return atom(req, name: "decisions", title: "Synergia — decisions", entries: entries)
        }
        app.get("feeds", "reports.atom") { req in
            let reports = try await ReportModel.query(on: req.db).filter(\.$status == .published)
                .sort(\.$publishedAt, .descending).limit(100).with(\.$cycle).all()
            let entries = reports.map { report in
                AtomEntry(id: "urn:uuid:\(report.id!.uuidString.lowercased())",
                          title: "\(report.partyCode): \(report.cycle.title) (version \(report.version))",
                          updated: report.publishedAt ?? Date(timeIntervalSince1970: 0), published: report.publishedAt,
                          link: absolute(req, "/reports/\(report.id!)"), summary: report.receiptSHA256.map { "SHA-256 \($0)" },
                          authorName: report.partyCode, categories: [report.cycle.conventionCode], language: nil)
            }
            return atom(req, name: "reports", title: "Synergia — published national reports", entries: entries)
        }
    }

    struct NewsForm: Content {
        var convention: String?; var kind: String?; var title: String?; var summary: String?
        var language: String?; var link: String?; var eventDate: String?
    }

    @Sendable static func post(req: Request) async throws -> Response {
        let form = try req.content.decode(NewsForm.self)
        let convention = (form.convention ?? "").uppercased()
        try req.authorize(.publishNews(convention: convention))
        guard let title = form.title?.nilIfEmpty, let summary = form.summary?.nilIfEmpty else { throw Refusal("error.news.incomplete") }
        let kind = form.kind == "event" ? "event" : "news"
        if kind == "event", !ISODate.isValid(form.eventDate ?? "") { throw Refusal("error.meeting.date") }
        if let link = form.link?.nilIfEmpty, !SafeLink.isWebURL(link) { throw Refusal("error.meeting.link") }
        let item = NewsItemModel()
        item.conventionCode = convention
        item.kind = kind
        item.title = String(title.prefix(500))
        item.summary = String(summary.prefix(10_000))
        item.language = Language(code: form.language ?? "")?.code ?? req.language.code
        item.link = form.link?.nilIfEmpty
        item.eventDate = kind == "event" ? form.eventDate : nil
        item.publishedAt = Date()
        let author = req.account?.email ?? "secretariat"
        try await req.db.write { tx in
            try await item.createInWrite(on: tx.db)
            try await AuditLog.record(tx, actor: author, action: "news.posted", subject: .other("news/\(try item.requireID())"))
        }
        return req.redirect(to: "/news")
    }

    static func feed(_ req: Request, kind: String) async throws -> Response {
        let items = try await NewsItemModel.query(on: req.db).filter(\.$kind == kind).sort(\.$publishedAt, .descending).limit(100).all()
        var entries = items.map { item in
            AtomEntry(id: "urn:uuid:\(item.id!.uuidString.lowercased())", title: item.title, updated: item.publishedAt,
                      published: item.publishedAt, link: item.link.flatMap { SafeLink.isWebURL($0) ? $0 : nil } ?? absolute(req, "/news#news-\(item.id!)"),
                      summary: item.summary,
                      authorName: item.conventionCode, categories: [item.conventionCode, item.kind], language: item.language)
        }
        if kind == "event" {
            let meetings = try await MeetingModel.query(on: req.db).sort(\.$startDate, .descending).limit(100).all()
            entries += meetings.map { meeting in
                AtomEntry(id: "urn:uuid:\(meeting.id!.uuidString.lowercased())", title: "\(meeting.code): \(meeting.title) (\(meeting.startDate) – \(meeting.endDate))",
                          updated: meeting.updatedAt ?? Date(timeIntervalSince1970: 0), published: nil,
                          link: absolute(req, "/meetings/\(meeting.code)"), summary: meeting.place ?? meeting.onlineLink,
                          authorName: meeting.conventionCode, categories: [meeting.conventionCode, meeting.kind.rawValue], language: nil)
            }
        }
        return atom(req, name: kind == "event" ? "events" : "news", title: kind == "event" ? "Synergia — events" : "Synergia — news", entries: entries)
    }

    static func atom(_ req: Request, name: String, title: String, entries: [AtomEntry]) -> Response {
        // An empty feed is as new as the server's start, not 1970.
        let updated = entries.map(\.updated).max() ?? req.application.synergia.startedAt
        let xml = AtomFeedWriter.feed(id: absolute(req, "/feeds/\(name).atom"), title: title, selfLink: absolute(req, "/feeds/\(name).atom"),
                                      alternateLink: absolute(req, "/"), updated: updated, authorName: "Synergia", entries: entries)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }

    /// An absolute URL on this site (Atom ids and links must be absolute), from the configured
    /// public URL (`SYNERGIA_PUBLIC_URL`), never from the request's `Host` header.
    static func absolute(_ req: Request, _ path: String) -> String {
        var base = req.application.synergia.settings.publicURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}

/// A news item as the API returns it.
public struct NewsItemDTO: Content, Equatable {
    public var id: UUID; public var convention: String; public var kind: String; public var title: String
    public var summary: String; public var language: String; public var link: String?; public var eventDate: String?
    public var publishedAt: Date
    init(_ row: NewsItemModel) {
        id = row.id!; convention = row.conventionCode; kind = row.kind; title = row.title; summary = row.summary
        language = row.language; link = row.link; eventDate = row.eventDate; publishedAt = row.publishedAt
    }
}

/// The stream of news and events, with the feeds and, for secretariats, a form to post.
enum NewsView {
    static func render(_ page: PageContext, _ items: [NewsItemDTO], postable: [ConventionDTO]) -> String {
        Layout.render(page, title: page.t("news.title"), main: [
            .h1(page.text("news.title")),
            .p(page.text("news.feeds"), .text(" "),
               .a(.href("/feeds/news.atom"), page.text("news.feed-news")), .text(" · "),
               .a(.href("/feeds/events.atom"), page.text("news.feed-events")), .text(" · "),
               .a(.href("/feeds/decisions.atom"), page.text("news.feed-decisions")), .text(" · "),
               .a(.href("/feeds/reports.atom"), page.text("news.feed-reports")), .text(" · "),
               .a(.href("/calendar.ics"), page.text("meetings.calendar-feed"))),
            .if(items.isEmpty, .p(page.text("news.none")), else: .ul(.class("news"), .forEach(items) { item in
                .li(.id("news-\(item.id)"), .attribute(named: "lang", value: item.language.attributeEscaped),
                    .h2(.unwrap(item.link.flatMap(SafeLink.href), { .a(.href($0), .text(item.title)) }, else: .text(item.title))),
                    .p(.small(.text("\(item.convention) · \(item.kind)"), .unwrap(item.eventDate) { .text(" · \($0)") })),
                    .p(.text(item.summary)))
            })),
            .if(!postable.isEmpty, .group(
                .h2(page.text("news.post")),
                .form(.method(.post), .action("/news"), Layout.csrfField(page),
                      .div(.class("field"), .label(.for("convention"), page.text("parties.convention")),
                           .select(.id("convention"), .attribute(named: "name", value: "convention"), Layout.options(postable.map { ($0.code, $0.shortName) }, selected: nil))),
                      .div(.class("field"), .label(.for("kind"), page.text("news.kind")),
                           .select(.id("kind"), .attribute(named: "name", value: "kind"), Layout.options([("news", page.t("news.kind-news")), ("event", page.t("news.kind-event"))], selected: "news"))),
                      Layout.field(page, name: "title", labelKey: "meetings.meeting-title"),
                      .div(.class("field"), .label(.for("summary"), page.text("news.summary")), .textarea(.id("summary"), .name("summary"), .rows(4))),
                      Layout.field(page, name: "eventDate", labelKey: "news.event-date", type: .date, required: false),
                      Layout.field(page, name: "link", labelKey: "meetings.link", type: .url, required: false),
                      .input(.type(.hidden), .name("language"), .value(page.language.code)),
                      .button(.type(.submit), page.text("news.post")))
            )),
        ])
    }
}
