import Fluent
import Foundation
import Plot
import SynergiaCore
import Vapor

/// The Party's national targets in one of its reports: those that serve a target the report's
/// template asks about (a GBF alignment, or a confirmed target of another convention), entered
/// once and shown in every such report with their progress. The public reader sees the
/// published ones; the Party's own users see its drafts too.
enum NationalTargetsInReport {
    struct Entry: Content, Sendable, Equatable {
        var code: String
        var title: String
        var language: String?
        var status: NationalTargetStatus
        var progress: ProgressRating?
        /// `FRAMEWORK/CODE` of the targets of this report it serves.
        var targets: [String]
    }

    static func query(party: String, template: ReportTemplate, actor: Actor, on db: any Database) async throws -> [Entry] {
        let asked = Set(template.questions.compactMap(\.target))
        guard !asked.isEmpty else { return [] }
        let rows = try await NationalTargetService.list(party: party, drafts: NationalTargetService.mayReadDrafts(actor, party: party), on: db)
        return rows.compactMap { row in
            let content = row.content
            let served = content.servedTargets.filter(asked.contains)
            guard !served.isEmpty else { return nil }
            return Entry(code: row.code, title: content.title, language: content.language?.code, status: row.status,
                         progress: content.progress, targets: served.map { "\($0.framework)/\($0.code)" })
        }
    }

    /// The list on the report's page: each target, what it serves in this report, its progress.
    static func section(_ page: PageContext, party: String, _ entries: [Entry]) -> Node<HTML.BodyContext> {
        .section(.id("national-targets"),
            .h2(.a(.href(SiteURL.nationalTargets(party: party).path), page.text("national-targets.title"))),
            .if(entries.isEmpty, .p(page.text("national-targets.none-in-report")), else: .ul(.forEach(entries) { entry in
                .li(link(page, party: party, entry), .text(" · "),
                    .forEach(entry.targets) { .group(Links.target(page, $0), .text(" ")) }, .text("· "),
                    NationalTargetViewParts.progress(page, entry.progress))
            })))
    }

    /// Under a question on a target: the national targets that serve it.
    static func forQuestion(_ page: PageContext, party: String, _ entries: [Entry], _ question: TemplateQuestion) -> Node<HTML.BodyContext> {
        guard question.type == .progressAssessment, let target = question.target else { return .empty }
        let key = "\(target.framework)/\(target.code)"
        let serving = entries.filter { $0.targets.contains(key) }
        return .if(!serving.isEmpty, .div(.class("national-targets"),
            .p(.strong(page.text("national-targets.serving"))),
            .ul(.forEach(serving) { entry in
                .li(link(page, party: party, entry), .text(" · "), NationalTargetViewParts.progress(page, entry.progress))
            })))
    }

    static func link(_ page: PageContext, party: String, _ entry: Entry) -> Node<HTML.BodyContext> {
        .group(.a(.href(SiteURL.nationalTarget(party: party, code: entry.code).path), .text(entry.code)), .text(" "),
               entry.language.flatMap(Language.init(rawValue:)).map { page.marked(LocalizedString(text: entry.title, language: $0)) }
                   ?? .escapedText(entry.title),
               .if(entry.status == .draft, .group(.text(" "), .span(.class("badge"), page.text("national-targets.draft")))))
    }
}
