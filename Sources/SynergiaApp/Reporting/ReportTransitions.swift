import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A report could not be sent for review or submitted: what is missing or invalid, question by
/// question (the rules of ``SubmissionCheck``, the list "Check the report" shows).
public struct SubmissionRefused: Error, AbortError, Sendable {
    public let problems: [SubmissionProblem]
    /// The status the report was to move to: `inReview`, `approved` or `submitted`.
    public var target: ReportStatus = .submitted
    public var status: HTTPResponseStatus { .unprocessableEntity }
    public var reason: String {
        switch target {
        case .submitted: "error.submission.incomplete"
        case .approved: "error.approval.incomplete"
        default: "error.review.incomplete"
        }
    }
}

extension ReportingService {
    /// Moves a report through the workflow, in one transaction that re-reads and locks the
    /// report, so a save, a package or another transition cannot interleave. Submitting checks
    /// that every required answer is there and every answer is valid against the cycle's template
    /// version (and so do sending it for review and approving it: an answer emptied during the
    /// review stops the approval), locks the report, issues the receipt (time and SHA-256 of the submitted content)
    /// and tells the convention's secretariat. Publishing records the report's assessments and
    /// indicator series on the public dashboards.
    @discardableResult
    public static func transition(_ reportID: UUID, to target: ReportStatus, templates: Templates, by user: UserModel,
                                  reason: String? = nil, now: Date = Date(), on db: any Database) async throws -> ReportModel {
        try await db.write { tx in
            let report = try await lockedReport(reportID, in: tx)
            let cycle = try await report.$cycle.get(on: tx.db)
            let template = try templates.template(of: cycle)
            let from = report.status
            if case .failure(let refusal) = ReportWorkflow.transition(from: from, to: target, by: user.actor, party: report.partyCode,
                                                                     convention: template.convention) {
                throw Refusal(refusal.catalogKey)
            }
            var audited = target.rawValue
            switch (from, target) {
            case (.draft, .inReview):
                // A request to publish: its maker and time; a rejection's reason goes with the new request.
                report.reviewRequestedAt = now
                report.reviewRequestedBy = user.email
                report.reviewNote = nil
            case (.inReview, .approved):
                try await requireDecider(user, party: report.partyCode, convention: template.convention, on: tx.db)
                guard !PublicationRequest.isExpired(requestedAt: report.reviewRequestedAt, now: now) else {
                    throw Refusal("error.workflow.request-expired")
                }
            case (.inReview, .draft):
                try await requireDecider(user, party: report.partyCode, convention: template.convention, on: tx.db)
                guard let reason = PublicationRequest.reason(reason) else { throw Refusal("error.workflow.reason-required") }
                report.reviewNote = reason
                report.reviewRequestedAt = nil
                audited += " (rejected: \(reason))"
            default: break
            }
            if target == .inReview || target == .approved || target == .submitted {
                // What is submitted: the answers to the questions asked (an answer to a question an
                // earlier answer no longer enables stays in the draft, and out of the receipt).
                // The Party's published national targets, locked: in a section written per national target they answer for
                // the questions on the global targets they report on, and each needs its progress assessed.
                let nationalTargets = try await NationalTargetsInReport.sealed(party: report.partyCode, template: template, in: tx)
                let coverage = nationalTargets.map { NationalTargetCoverage(code: $0.code, $0.content) }
                let answers = template.askedAnswers(try await answers(of: report, template: template, on: tx.db).mapValues(\.revision.value),
                                                    nationalTargets: coverage)
                let problems = SubmissionCheck.problems(template: template, answers: answers, nationalTargets: coverage)
                guard problems.isEmpty else { throw SubmissionRefused(problems: problems, target: target) }
                if target == .submitted {
                    try seal(report, template: template, answers: answers, attachments: try await AttachmentService.digests(of: answers, on: tx.db),
                             nationalTargets: nationalTargets, at: now)
                }
            }
            if target == .published { report.publishedAt = now }
            report.status = target
            try await report.update(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "report.\(target.rawValue)", subject: .report(reportID),
                                      before: from.rawValue, after: audited + (report.receiptSHA256.map { " sha256:\($0)" } ?? ""))
            if target == .published {
                // Every version of the Party's report in the cycle is locked: two publications take turns, and
                // what an older version states never replaces what a later published version stated.
                try await tx.lock(ReportModel.schema, where: "cycle_id", equals: cycle.requireID(), and: "party_code", equals: report.partyCode)
                let laterPublished = try await ReportModel.query(on: tx.db).filter(\.$cycle.$id == cycle.requireID())
                    .filter(\.$partyCode == report.partyCode).filter(\.$version > report.version).filter(\.$status == .published).count()
                if laterPublished == 0 {
                    // What was submitted: the answers to the questions asked, as the seal states them (an answer kept in the
                    // report to a question not asked, or one its national targets answer for, is not published).
                    let nationalTargets = try NationalTargetsInReport.sealedTargets(of: report)
                    let stored = try await answers(of: report, template: template, on: tx.db)
                    let notAsked = template.notAsked(answers: stored.mapValues(\.revision.value),
                                                     nationalTargets: nationalTargets.map { NationalTargetCoverage(code: $0.code, $0.content) })
                    let published = stored.filter { !notAsked.contains($0.key) }
                    try await ProgressFromReports.record(report, cycle: cycle, template: template, by: user, answers: published,
                                                         nationalTargets: nationalTargets, in: tx)
                    try await publishIndicatorSeries(report, template: template, answers: published, by: user, in: tx)
                    try await SearchIndex.replace(SearchDocuments.reportSource(cycle: cycle.requireID(), party: report.partyCode),
                                                  with: SearchDocuments.publishedReport(report, cycle: cycle, template: template,
                                                                                        answers: published, on: tx.db), on: tx.db)
                }
            }
            if target == .submitted {
                for secretariat in try await UserModel.query(on: tx.db).filter(\.$role == .secretariat)
                    .filter(\.$conventionCode == template.convention).all() {
                    let language = MailText.language(of: secretariat)
                    let mail = MailText("report-submitted", ["party": try await MailText.party(report.partyCode, in: language, on: tx.db),
                                                             "report": template.title.resolved(in: language).text,
                                                             "version": LanguageFormats[language].number(report.version),
                                                             "sha256": report.receiptSHA256 ?? ""], in: language)
                    try await NotificationDelivery.enqueue(kind: .reportSubmitted, to: secretariat.email, subject: mail.subject, body: mail.body,
                                                           causedBy: user.email, on: tx.db)
                }
            }
            return report
        }
    }

    /// Where a Party has named a publishing authority for the convention, it alone decides the
    /// requests to publish; else its focal point does (the policy permits both).
    static func requireDecider(_ user: UserModel, party: String, convention: String, on db: any Database) async throws {
        guard user.role != .publishingAuthority else { return }
        if try await authorityNamed(party: party, convention: convention, on: db) { throw Refusal("error.workflow.authority-decides") }
    }

    static func authorityNamed(party: String, convention: String, on db: any Database) async throws -> Bool {
        try await UserModel.query(on: db).filter(\.$role == .publishingAuthority).filter(\.$partyCode == party)
            .filter(\.$conventionCode == convention).count() > 0
    }

    /// The maker of a request to publish withdraws it while it waits: the report is a draft again.
    /// Locked and re-read, and who may is checked, in the write.
    public static func withdrawRequest(_ reportID: UUID, templates: Templates, by user: UserModel, on db: any Database) async throws {
        try await db.write { tx in
            let report = try await lockedReport(reportID, in: tx)
            let template = try templates.template(of: try await report.$cycle.get(on: tx.db))
            try Authorize.require(user.actor, .editReport(party: report.partyCode, convention: template.convention))
            guard report.status == .inReview else { throw Refusal("error.workflow.no-such-transition") }
            guard report.reviewRequestedBy == user.email else { throw Refusal("error.workflow.not-your-request") }
            report.status = .draft
            report.reviewRequestedAt = nil
            try await report.update(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "report.request-withdrawn", subject: .report(reportID),
                                      before: ReportStatus.inReview.rawValue, after: ReportStatus.draft.rawValue)
        }
    }

    /// Seals a report being submitted: its canonical content, the receipt's time and SHA-256.
    /// `attachments`: the files its answers cite, by reference: their names, types, sizes and SHA-256 are sealed with it.
    /// `nationalTargets`: the Party's published national targets the report shows, as they are now.
    static func seal(_ report: ReportModel, template: ReportTemplate, answers: [String: AnswerValue],
                     attachments: [String: AttachmentDigest] = [:], nationalTargets: [SealedNationalTarget] = [], at now: Date) throws {
        let content = try submittedContent(report, template: template, answers: answers, attachments: attachments,
                                           nationalTargets: nationalTargets)
        let receipt = SubmissionReceipt.make(content: content, submittedAt: now, party: report.partyCode,
                                             convention: template.convention, template: template.id, version: report.version)
        report.receiptSHA256 = receipt.sha256
        report.submittedAt = now
        report.submittedContent = String(decoding: content, as: UTF8.self)
    }

    /// The indicator series a published report states become the Party's published data.
    static func publishIndicatorSeries(_ report: ReportModel, template: ReportTemplate, answers: [String: CurrentAnswer], by user: UserModel,
                                       in tx: WriteContext) async throws {
        let reportID = try report.requireID()
        for question in template.questions {
            guard let indicator = question.indicator, case .indicatorSeries(let points)? = answers[question.id]?.revision.value else { continue }
            try await IndicatorSeriesStore.publish(party: report.partyCode, indicator: indicator, points: points, defaultUnit: question.unit ?? "",
                                                   report: reportID, by: user.email, in: tx)
            try await AuditLog.record(tx, actor: user.email, action: "series.published", subject: .series(party: report.partyCode, indicator: indicator),
                                      after: "report/\(reportID)")
        }
    }

    /// The canonical content of a report: template and its version, Party, version and every
    /// answer, as hashed for the receipt.
    /// A report that cites files has `attachments` too (one without keeps the content it always had).
    static func submittedContent(_ report: ReportModel, template: ReportTemplate, answers: [String: AnswerValue],
                                 attachments: [String: AttachmentDigest] = [:], nationalTargets: [SealedNationalTarget] = []) throws -> Data {
        struct Content: Encodable {
            var template: String; var templateVersion: Int; var party: String; var version: Int
            var answers: [String: AnswerValue]
            var attachments: [String: AttachmentDigest]?
            var nationalTargets: [SealedNationalTarget]?
        }
        return try CanonicalJSON.encode(Content(template: template.id, templateVersion: template.version, party: report.partyCode,
                                                version: report.version, answers: answers, attachments: attachments.isEmpty ? nil : attachments,
                                                nationalTargets: nationalTargets.isEmpty ? nil : nationalTargets))
    }
}
