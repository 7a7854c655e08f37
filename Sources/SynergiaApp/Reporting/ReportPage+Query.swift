import Fluent
import Foundation
import SynergiaCore

extension ReportPage {
    /// The report `loaded` as `actor` may see it (the caller has checked `actor` may read it:
    /// ``ReportAccess/readable(_:parameter:)``).
    /// `reader`, when signed in, sees what others changed since their last visit to each section
    /// and what others saved in the last few minutes (as of `now`).
    static func query(_ loaded: ReportAccess.Loaded, actor: Actor, reader: UserModel? = nil, templates: ReportingService.Templates,
                      now: Date = Date(), on db: any Database) async throws -> Model {
        let (report, cycle, template) = (loaded.report, loaded.cycle, loaded.template)
        let current = try await ReportingService.answers(of: report, template: template, on: db)
        let titles = try await reportTitles(Set(current.values.compactMap(\.reusedFrom)), templates: templates, on: db)
        let mayReadInternal = ReportAccess.mayReadInternal(report, convention: template.convention, by: actor)
        // Who works on what is internal: the public reader of a published report sees no marks.
        let marks = try await ChangeMarks(reader: mayReadInternal ? reader : nil, report: loaded.id, now: now, on: db)
        var changedInSection: [String: Int] = [:]
        let answers = template.sections.flatMap { section in
            section.questions.compactMap { question -> Model.Answer? in
                guard let stored = current[question.id] else { return nil }
                var answer = Model.Answer(question: question.id, stored, reusedFromTitle: stored.reusedFrom.flatMap { titles[$0] })
                answer.changedSinceVisit = marks.changedSinceVisit(stored.revision, section: section.id)
                answer.beingEdited = marks.beingEdited(stored.revision)
                if answer.changedSinceVisit { changedInSection[section.id, default: 0] += 1 }
                return answer
            }
        }

        let versions = try await ReportModel.query(on: db).filter(\.$cycle.$id == report.$cycle.id)
            .filter(\.$partyCode == report.partyCode).filter(\.$id != loaded.id).sort(\.$version).all()
            .filter { mayReadInternal || $0.status == .published }
        let comments = mayReadInternal ? try await QuestionCommentModel.query(on: db).filter(\.$report.$id == loaded.id).sort(\.$createdAt).all() : []
        let linked = try await LinkedAnswers.forReport(report, template: template, actor: actor, templates: templates, on: db)
        let partyNames = try await PartyModel.query(on: db).filter(\.$alpha2 == report.partyCode).first()?.names ?? [:]
        let nationalTargets = try await NationalTargetsInReport.forReport(report, template: template, actor: actor, on: db)
        let notAsked = template.notAsked(answers: current.mapValues(\.revision.value), nationalTargets: NationalTargetsInReport.coverage(nationalTargets))
        // In a section written per national target, each published target the report states progress for is required too.
        let reported = template.reportedNationalTargets(NationalTargetsInReport.coverage(nationalTargets))
        func completeness(_ questions: [TemplateQuestion], byNationalTarget: Bool) -> Model.Completeness {
            let required = questions.filter { $0.required && !notAsked.contains($0.id) }
            let targets = byNationalTarget ? reported : []
            return .init(answered: required.filter { current[$0.id] != nil }.count + targets.filter(\.assessed).count,
                         required: required.count + targets.count)
        }
        return Model(
            id: loaded.id, cycle: CycleDTO(cycle), party: report.partyCode, partyNames: partyNames, status: report.status, version: report.version,
            submittedAt: report.submittedAt, receiptSHA256: report.receiptSHA256, answers: answers,
            completeness: completeness(template.questions, byNationalTarget: template.sections.contains { $0.byNationalTarget == true }),
            sections: template.sections.map {
                .init(id: $0.id, completeness: completeness($0.questions, byNationalTarget: $0.byNationalTarget == true),
                      changedSinceVisit: changedInSection[$0.id] ?? 0, seenAt: marks.seen[$0.id])
            },
            actions: actions(report, convention: template.convention, isLatest: !versions.contains { $0.version > report.version },
                             mayReadInternal: mayReadInternal, by: actor, reader: reader, now: now,
                             authorityNamed: report.status == .inReview && actor.role == .focalPoint
                                 ? try await ReportingService.authorityNamed(party: report.partyCode, convention: template.convention, on: db) : false),
            versions: try versions.map { .init(id: try $0.requireID(), version: $0.version, status: $0.status) },
            assignments: mayReadInternal ? try await CollaborationService.assignments(of: loaded.id, on: db) : [:],
            comments: comments.map { .init(question: $0.questionID, author: $0.author, text: $0.text, createdAt: $0.createdAt,
                                           language: $0.language.flatMap(Language.init(rawValue:))) },
            linked: linked.mapValues { links in
                links.map { link in
                    .init(target: link.target, relation: link.relation, answers: link.answers.map {
                        .init(report: $0.reportID, template: $0.template.values, question: $0.question.id, questionTitle: $0.question.title.values,
                              value: $0.value)
                    })
                }
            },
            notAsked: template.questions.map(\.id).filter(notAsked.contains),
            publicationRequest: mayReadInternal && report.status == .inReview
                ? .init(requestedBy: report.reviewRequestedBy, requestedAt: report.reviewRequestedAt,
                        expiresAt: report.reviewRequestedAt.map(PublicationRequest.expires(requestedAt:)),
                        expired: PublicationRequest.isExpired(requestedAt: report.reviewRequestedAt, now: now)) : nil,
            rejection: mayReadInternal && report.status == .draft ? report.reviewNote : nil,
            nationalTargets: nationalTargets,
            // Who attached a file is internal, as who wrote an answer is.
            attachments: try await AttachmentService.referenced(by: current.values.map(\.revision.value), on: db)
                .mapValues { mayReadInternal ? $0 : $0.withoutUploader })
    }

    /// What `actor` may do with `report` now.
    /// `authorityNamed`: the Party has a publishing authority for the convention, which alone decides its requests.
    static func actions(_ report: ReportModel, convention: String, isLatest: Bool, mayReadInternal: Bool, by actor: Actor,
                        reader: UserModel? = nil, now: Date = Date(), authorityNamed: Bool = false) -> Model.Actions {
        // As ReportingService.requireEditable: once approved, only those who submit may still change it.
        let canEdit = AuthorizationPolicy.permits(actor, .editReport(party: report.partyCode, convention: convention)) && !report.status.isLocked
            && (report.status != .approved || AuthorizationPolicy.permits(actor, .submitReport(party: report.partyCode, convention: convention)))
        return Model.Actions(
            canEdit: canEdit,
            canAmend: isLatest && ReportWorkflow.canAmend(report.status, by: actor, party: report.partyCode, convention: convention),
            canAssign: canEdit && AuthorizationPolicy.permits(actor, .startReport(party: report.partyCode, convention: convention)),
            canComment: mayReadInternal && actor.isSignedIn && !report.status.isLocked,
            seesWork: mayReadInternal && actor.isSignedIn,
            transitions: ReportStatus.allCases.filter {
                if report.status == .inReview, $0 == .approved || $0 == .draft, authorityNamed, actor.role != .publishingAuthority { return false }
                // An expired request cannot be approved (it can be rejected).
                if report.status == .inReview, $0 == .approved, PublicationRequest.isExpired(requestedAt: report.reviewRequestedAt, now: now) { return false }
                if case .success = ReportWorkflow.transition(from: report.status, to: $0, by: actor, party: report.partyCode,
                                                             convention: convention) { return true }
                return false
            },
            canWithdrawRequest: report.status == .inReview && reader != nil && reader?.email == report.reviewRequestedBy
                && AuthorizationPolicy.permits(actor, .editReport(party: report.partyCode, convention: convention)))
    }

    /// The titles of the reports `ids` (the template's, in the six languages, else the cycle's, in English).
    static func reportTitles(_ ids: Set<UUID>, templates: ReportingService.Templates, on db: any Database) async throws -> [UUID: LocalizedText] {
        guard !ids.isEmpty else { return [:] }
        var titles: [UUID: LocalizedText] = [:]
        for source in try await ReportModel.query(on: db).filter(\.$id ~~ Array(ids)).with(\.$cycle).all() {
            titles[try source.requireID()] = (try? templates.template(of: source.cycle).title) ?? LocalizedText(["en": source.cycle.title])
        }
        return titles
    }
}

extension ReportPage.Model.Answer {
    init(question: String, _ current: ReportingService.CurrentAnswer, reusedFromTitle: LocalizedText? = nil) {
        self.init(question: question, value: current.revision.value, version: current.revision.version, author: current.revision.author,
                  changedAt: current.revision.at, element: current.elementID, reusedFrom: current.reusedFrom,
                  reusedFromTitle: reusedFromTitle.map { $0.resolved(in: .english).text }, detached: current.detached,
                  indicator: current.indicator, reusedFromTitles: reusedFromTitle)
    }

    /// `current` as the report's JSON shows it, with the title of the report it was reused from
    /// (one read, only for an answer given in another report).
    static func read(question: String, _ current: ReportingService.CurrentAnswer, templates: ReportingService.Templates,
                     on db: any Database) async throws -> Self {
        let titles = try await ReportPage.reportTitles(Set([current.reusedFrom].compactMap { $0 }), templates: templates, on: db)
        return Self(question: question, current, reusedFromTitle: current.reusedFrom.flatMap { titles[$0] })
    }
}

extension ReportPage {
    /// What a signed-in reader is shown as changed by others: since their last visit to the
    /// section (or, for a section they never opened, since they first opened any section of the
    /// report; nothing before their first visit), and in the last few minutes.
    struct ChangeMarks {
        var reader: String?
        var seen: [String: Date] = [:]
        var firstVisit: Date?
        var now: Date

        init(reader: UserModel?, report: UUID, now: Date, on db: any Database) async throws {
            self.now = now
            guard let reader, let id = reader.id else { return }
            self.reader = reader.email
            seen = try await ReportVisits.seen(by: id, report: report, on: db)
            firstVisit = seen.values.min()
        }

        /// Saved by someone else (a submitted version's answers, shown as submitted, have no author: never).
        func byOther(_ revision: AnswerRevision) -> Bool { reader != nil && !revision.author.isEmpty && revision.author != reader }

        func changedSinceVisit(_ revision: AnswerRevision, section: String) -> Bool {
            guard byOther(revision), let since = seen[section] ?? firstVisit else { return false }
            return revision.at > since
        }

        func beingEdited(_ revision: AnswerRevision) -> Bool {
            byOther(revision) && now.timeIntervalSince(revision.at) < ReportVisits.editingWindow
        }
    }
}
