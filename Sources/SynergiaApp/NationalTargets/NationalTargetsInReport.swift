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
        /// What has been done and achieved (Markdown), in `language`.
        var summary: String = ""
        /// `FRAMEWORK/CODE` of the targets of this report it serves.
        var targets: [String]
        /// The version a submitted report sealed (nil: the target as it is now, in a report not submitted).
        var sealedVersion: Int? = nil
        /// Whether the reader may change it as it is (and so assess its progress), in a report not submitted.
        var mayChange: Bool? = nil
        /// Its title and progress in other languages, as the target now has them (none in a submitted
        /// report: it states what was sealed, as written).
        var translations: CodedTranslations? = nil

        /// `title` or `summary` in `reader`'s language when translated into it, else as written.
        func shown(_ field: String, to reader: Language) -> WrittenText.Shown {
            TranslatedField.shown(field == "summary" ? summary : title, language: language,
                                  field: field == "summary" ? "progressSummary" : field, translations ?? [:], to: reader)
        }

        /// What a published target answers for in a section written per national target (a draft answers for nothing).
        var coverage: NationalTargetCoverage? {
            guard status == .published else { return nil }
            return NationalTargetCoverage(code: code, targets: targets.compactMap(NationalTargetsInReport.reference), assessed: progress != nil)
        }
    }

    /// `FRAMEWORK/CODE` as a reference (the framework's code has no slash).
    static func reference(_ key: String) -> TargetReference? {
        guard let slash = key.firstIndex(of: "/") else { return nil }
        return TargetReference(framework: String(key[..<slash]), code: String(key[key.index(after: slash)...]))
    }

    /// The published targets among `entries`, as a report's check counts them.
    static func coverage(_ entries: [Entry]) -> [NationalTargetCoverage] { entries.compactMap(\.coverage) }

    /// For a report not submitted, the Party's national targets as they are now (its drafts only
    /// for the Party's users); for a submitted one, those its content sealed, as they were then.
    static func forReport(_ report: ReportModel, template: ReportTemplate, actor: Actor, on db: any Database) async throws -> [Entry] {
        guard report.submittedContent != nil else { return try await query(party: report.partyCode, template: template, actor: actor, on: db) }
        let sealed = try sealedTargets(of: report)
        let asked = Set(template.questions.compactMap(\.target))
        return sealed.compactMap { entry(code: $0.code, $0.content, status: .published, asked: asked, sealedVersion: $0.version) }
    }

    /// The national targets a submitted report sealed (none for one not submitted, or submitted before they were sealed).
    static func sealedTargets(of report: ReportModel) throws -> [SealedNationalTarget] {
        struct Sealed: Decodable { var nationalTargets: [SealedNationalTarget]? }
        guard let content = report.submittedContent else { return [] }
        return try JSONDecoder().decode(Sealed.self, from: Data(content.utf8)).nationalTargets ?? []
    }

    static func query(party: String, template: ReportTemplate, actor: Actor, on db: any Database) async throws -> [Entry] {
        let asked = Set(template.questions.compactMap(\.target))
        guard !asked.isEmpty else { return [] }
        let rows = try await NationalTargetService.list(party: party, drafts: NationalTargetService.mayReadDrafts(actor, party: party), on: db)
        let translations = try await ContentTranslationStore.load(.nationalTarget, subjects: rows.map(\.translationSubject), on: db)
        return rows.compactMap { row in
            var entry = entry(code: row.code, row.content, status: row.status, asked: asked)
            entry?.translations = translations[row.translationSubject]?.coded
            entry?.mayChange = AuthorizationPolicy.permits(actor, NationalTargetService.changing(row))
            return entry
        }
    }

    /// What a report being submitted seals: the Party's published national targets that serve a target its template asks about,
    /// with their documents, read under a lock on the Party's targets (a target and its documents as of one moment).
    static func sealed(party: String, template: ReportTemplate, in tx: WriteContext) async throws -> [SealedNationalTarget] {
        let asked = Set(template.questions.compactMap(\.target))
        guard !asked.isEmpty else { return [] }
        try await tx.lock(NationalTargetModel.schema, where: "party_code", equals: party)
        let db = tx.db
        var sealed: [SealedNationalTarget] = []
        for row in try await NationalTargetService.list(party: party, drafts: false, on: db)
        where row.content.servedTargets.contains(where: asked.contains) {
            let documents = try await NationalTargetDocuments.list(try row.requireID(), on: db).map {
                AttachmentDigest(filename: $0.filename, mediaType: $0.mediaType, size: $0.size, sha256: $0.sha256)
            }
            sealed.append(SealedNationalTarget(code: row.code, version: row.version, content: row.content,
                                               documents: documents.isEmpty ? nil : documents))
        }
        return sealed
    }

    static func entry(code: String, _ content: NationalTargetContent, status: NationalTargetStatus, asked: Set<TargetReference>,
                      sealedVersion: Int? = nil) -> Entry? {
        let served = content.servedTargets.filter(asked.contains)
        guard !served.isEmpty else { return nil }
        return Entry(code: code, title: content.title, language: content.language?.code, status: status, progress: content.progress,
                     summary: content.progressSummary, targets: served.map { "\($0.framework)/\($0.code)" }, sealedVersion: sealedVersion)
    }

    /// The list on the report's page: each target, what it serves in this report, its progress.
    /// `perTarget`: the report has a section written per national target, which lists those it reports
    /// on; this list then holds only the others (aligned, say, to a GBF goal the binary questions ask
    /// about), and is left out when there are none.
    static func section(_ page: PageContext, party: String, _ entries: [Entry], perTarget: Bool = false) -> Node<HTML.BodyContext> {
        guard !(perTarget && entries.isEmpty) else { return .empty }
        return .section(.id("national-targets"),
            .h2(.a(.href(SiteURL.nationalTargets(party: party).path), page.text("national-targets.title"))),
            .if(entries.contains { $0.sealedVersion != nil }, .p(.class("note"), page.text("national-targets.sealed"))),
            .if(entries.isEmpty, .p(page.text("national-targets.none-in-report")), else: .ul(.forEach(entries) { entry in
                .li(link(page, party: party, entry), .escapedText(" · "),
                    .forEach(entry.targets) { .group(Links.target(page, $0), .escapedText(" ")) }, .escapedText("· "),
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
                .li(link(page, party: party, entry), .escapedText(" · "), NationalTargetViewParts.progress(page, entry.progress))
            })))
    }

    static func link(_ page: PageContext, party: String, _ entry: Entry) -> Node<HTML.BodyContext> {
        .group(.a(.href(SiteURL.nationalTarget(party: party, code: entry.code).path), .escapedText(entry.code)), .escapedText(" "),
               NationalTargetViewParts.written(page, entry.shown("title", to: page.language)),
               .if(entry.status == .draft, .group(.escapedText(" "), .span(.class("badge"), page.text("national-targets.draft")))))
    }
}
