import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Reporting cycles, reports, answers stored once and reused through shared elements,
/// conflicts — every change logged in the audit chain. Every write runs in one transaction
/// (``FluentKit/Database/write(_:)``) that re-reads and locks what it depends on and checks
/// permissions and locks there, so no concurrent request can slip in between.
public enum ReportingService {
    // MARK: Cycles

    /// The secretariat opens a cycle for one of its convention's templates; the convention's
    /// focal points are notified.
    @discardableResult
    public static func openCycle(template: ReportTemplate, title: String, opensOn: String, dueOn: String, by user: UserModel,
                                 on db: any Database) async throws -> ReportingCycleModel {
        try Authorize.require(user.actor, .manageReportingCycles(convention: template.convention))
        var errors = FieldErrors()
        if !ISODate.isValid(opensOn) { errors["opensOn"] = "error.meeting.date" }
        if !ISODate.isValid(dueOn) || dueOn < opensOn { errors["dueOn"] = "error.meeting.end-date" }
        guard errors.isEmpty else { throw errors }
        let cycle = ReportingCycleModel()
        cycle.templateID = template.id
        cycle.templateVersion = template.version
        cycle.conventionCode = template.convention
        cycle.title = title.isEmpty ? template.title.english : String(title.prefix(300))
        cycle.opensOn = opensOn
        cycle.dueOn = dueOn
        cycle.status = .open
        try await db.write { tx in
            try await cycle.createInWrite(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "cycle.opened", subject: .cycle(try cycle.requireID()),
                                      after: "\(template.id) v\(template.version) due \(dueOn)")
            let focalPoints = try await UserModel.query(on: tx.db).filter(\.$role == .focalPoint)
                .filter(\.$conventionCode == template.convention).all()
            for focalPoint in focalPoints {
                // A cycle named after its template is named in each reader's language.
                let language = MailText.language(of: focalPoint)
                let mail = MailText("cycle-opening", ["convention": template.convention, "opens": opensOn, "due": dueOn,
                                                      "cycle": title.isEmpty ? template.title.resolved(in: language).text : cycle.title], in: language)
                try await NotificationDelivery.enqueue(kind: .cycleOpening, to: focalPoint.email, subject: mail.subject, body: mail.body,
                                                       causedBy: user.email, on: tx.db)
            }
        }
        return cycle
    }

    /// The secretariat closes a cycle: no new reports start in it.
    public static func closeCycle(_ cycleID: UUID, by user: UserModel, on db: any Database) async throws -> ReportingCycleModel {
        try await db.write { tx in
            let cycle = try await lockedCycle(cycleID, in: tx)
            try Authorize.require(user.actor, .manageReportingCycles(convention: cycle.conventionCode))
            guard cycle.status == .open else { return cycle }
            cycle.status = .closed
            try await cycle.update(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "cycle.closed", subject: .cycle(cycleID))
            return cycle
        }
    }

    // MARK: Reports

    /// A focal point starts the Party's report for an open cycle (or gets the one that exists).
    public static func startReport(cycle cycleID: UUID, by user: UserModel, on db: any Database) async throws -> ReportModel {
        try await startOrFindReport(cycle: cycleID, by: user, on: db).report
    }

    /// ``startReport(cycle:by:on:)``, saying whether the report was made now or existed already.
    static func startOrFindReport(cycle cycleID: UUID, by user: UserModel, on db: any Database) async throws -> (report: ReportModel, created: Bool) {
        try await db.write { tx in
            // Locking the cycle makes two simultaneous starts take turns: one creates, the other finds it.
            let cycle = try await lockedCycle(cycleID, in: tx)
            let party = user.partyCode ?? ""
            try Authorize.require(user.actor, .startReport(party: party, convention: cycle.conventionCode))
            if let existing = try await ReportModel.query(on: tx.db).filter(\.$cycle.$id == cycleID)
                .filter(\.$partyCode == party).sort(\.$version, .descending).first() {
                return (existing, false)
            }
            guard cycle.status == .open else { throw Refusal("error.report.cycle-closed") }
            let report = ReportModel()
            report.$cycle.id = cycleID
            report.partyCode = party
            report.status = .draft
            report.version = 1
            try await report.create(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "report.started", subject: .report(try report.requireID()),
                                      after: "\(party) \(cycle.templateID)")
            return (report, true)
        }
    }

    /// The report, re-read and locked for the rest of the transaction.
    static func lockedReport(_ id: UUID, in tx: WriteContext) async throws -> ReportModel {
        try await tx.lock(ReportModel.schema, where: "id", equals: id)
        guard let report = try await ReportModel.find(id, on: tx.db) else { throw Abort(.notFound) }
        return report
    }

    /// The report, re-read and locked for the rest of the transaction, with the template version
    /// of its cycle and the report's own stored answer to `questionID` (one read).
    static func lockedReport(_ id: UUID, templates: Templates, answer questionID: String,
                             in tx: WriteContext) async throws -> (ReportModel, ReportTemplate, AnswerModel?) {
        // Locked first, read after, in a statement of its own: read in the locking statement,
        // the joined answer would be as of that statement's start (READ COMMITTED), before a
        // detach or save that committed while it waited for the lock.
        try await tx.lock(ReportModel.schema, where: "id", equals: id)
        guard let row = try await tx.sql.raw("""
            SELECT r.*, c.template_id AS cycle_template_id, c.template_version AS cycle_template_version,
                a.id AS own_id, a.value AS own_value, a.version AS own_version, a.detached AS own_detached,
                a.updated_by AS own_updated_by, a.updated_at AS own_updated_at
            FROM \(ident: ReportModel.schema) r JOIN \(ident: ReportingCycleModel.schema) c ON c.id = r.cycle_id
            LEFT JOIN \(ident: AnswerModel.schema) a ON a.report_id = r.id AND a.question_id = \(bind: questionID)
            WHERE r.id = \(bind: id)
            """).first() else { throw Abort(.notFound) }
        let template = try templates.template(try row.decode(column: "cycle_template_id", as: String.self),
                                              version: try row.decode(column: "cycle_template_version", as: Int.self))
        struct Own: Decodable {
            var own_id: UUID?, own_value: String?, own_version: Int?, own_detached: Bool?, own_updated_by: String?, own_updated_at: Date?
        }
        let own = try row.decode(model: Own.self)
        var answer: AnswerModel?
        if let ownID = own.own_id, let value = own.own_value, let version = own.own_version, let detached = own.own_detached,
           let author = own.own_updated_by {
            let model = AnswerModel()
            model.id = ownID
            model.$report.id = id
            model.questionID = questionID
            model.value = value
            model.version = version
            model.detached = detached
            model.updatedBy = author
            model.updatedAt = own.own_updated_at
            answer = model
        }
        return (try row.decode(fluentModel: ReportModel.self), template, answer)
    }

    /// The cycle, re-read and locked for the rest of the transaction.
    static func lockedCycle(_ id: UUID, in tx: WriteContext) async throws -> ReportingCycleModel {
        try await tx.lock(ReportingCycleModel.schema, where: "id", equals: id)
        guard let cycle = try await ReportingCycleModel.find(id, on: tx.db) else { throw Abort(.notFound) }
        return cycle
    }

    /// Refuses a change to `report` unless `user` may edit it and it is not locked. Once approved,
    /// only the focal point who submits it may still change it (what was approved is what goes).
    static func requireEditable(_ report: ReportModel, template: ReportTemplate, by user: UserModel) throws {
        try Authorize.require(user.actor, .editReport(party: report.partyCode, convention: template.convention))
        guard !report.status.isLocked else { throw Refusal("error.report.locked") }
        if report.status == .approved {
            try Authorize.require(user.actor, .submitReport(party: report.partyCode, convention: template.convention))
        }
    }

    // MARK: Answers

    /// Saves an answer based on the version the editor loaded, in one transaction. A question
    /// bound to a shared element (and not detached) saves the Party's element value, so every
    /// report of the Party that asks for it has it; a question bound to an indicator saves the
    /// Party's draft series of that indicator (published with the report). Refused on a locked
    /// report, a value of the wrong type, or another Party's report; returns the conflict when
    /// someone saved in between.
    /// A text whose language the value does not say, nor the answer before, is taken to be in `language`;
    /// its translations into `confirming` are said to match the text (none stays outdated).
    public static func save(_ value: AnswerValue, question questionID: String, baseVersion: Int, report reportID: UUID,
                            template: ReportTemplate, by user: UserModel, writtenIn language: Language? = nil,
                            confirming: Set<Language> = [], on db: any Database) async throws -> SaveOutcome {
        try await db.write { tx in
            try await save(value, question: questionID, baseVersion: baseVersion, report: reportID, template: template, by: user,
                           writtenIn: language, confirming: confirming, in: tx)
        }
    }

    /// An answer as a save left it: the answer now current (nil only when there is none), or
    /// the conflict to show.
    enum Saved: Sendable {
        case saved(CurrentAnswer?)
        case conflict(mine: AnswerValue, theirs: AnswerRevision)

        var outcome: SaveOutcome {
            switch self {
            case .saved(let current): .saved(version: current?.revision.version ?? 0)
            case .conflict(let mine, let theirs): .conflict(mine: mine, theirs: theirs)
            }
        }
    }

    /// ``save(_:question:baseVersion:report:template:by:on:)`` for a report known by its id only:
    /// the report and its template are read once, inside the write. Gives the answer as saved.
    static func save(_ value: AnswerValue, question questionID: String, baseVersion: Int, report reportID: UUID,
                     templates: Templates, by user: UserModel, writtenIn language: Language? = nil, on db: any Database) async throws -> Saved {
        try await db.write { tx in
            let (report, template, own) = try await lockedReport(reportID, templates: templates, answer: questionID, in: tx)
            return try await save(value, question: questionID, baseVersion: baseVersion, report: report, own: own, template: template,
                                  by: user, writtenIn: language, readBack: true, in: tx)
        }
    }

    /// ``save(_:question:baseVersion:report:template:by:on:)`` inside a write that is already open.
    static func save(_ value: AnswerValue, question questionID: String, baseVersion: Int, report reportID: UUID,
                     template: ReportTemplate, by user: UserModel, writtenIn language: Language? = nil,
                     confirming: Set<Language> = [], in tx: WriteContext) async throws -> SaveOutcome {
        let report = try await lockedReport(reportID, in: tx)
        let own = try await ownAnswer(to: questionID, of: report, on: tx.db)
        return try await save(value, question: questionID, baseVersion: baseVersion, report: report, own: own, template: template,
                              by: user, writtenIn: language, confirming: confirming, readBack: false, in: tx).outcome
    }

    /// The save itself, on `report` as re-read and locked in this write, with its own stored
    /// answer to the question as read in it. `readBack`: a saved series is read back for the
    /// answer (otherwise it is given without it, for callers that need only the version). A text
    /// keeps the language and translations it does not say from the answer as read here, in this
    /// write (``WrittenText/keeping(_:writtenIn:)``), so a translation added meanwhile is never lost.
    private static func save(_ value: AnswerValue, question questionID: String, baseVersion: Int, report: ReportModel, own: AnswerModel?,
                             template: ReportTemplate, by user: UserModel, writtenIn language: Language?, confirming: Set<Language> = [],
                             readBack: Bool, in tx: WriteContext) async throws -> Saved {
        let reportID = try report.requireID()
        try requireEditable(report, template: template, by: user)
        guard let question = template.question(questionID) else { throw Abort(.notFound) }
        if let problem = AnswerValidation.validate(value, for: question) { throw Refusal(problem.catalogKey) }
        // A file is cited only where it was attached: to this question of the Party's report of this cycle.
        if case .link(.file(let reference)) = value, try await !AttachmentService.isAttached(reference, question: questionID, report: report, on: tx.db) {
            throw Refusal("error.attachment.unknown")
        }
        let current = try await answer(to: question, of: report, own: own, on: tx.db)
        let value = value.keepingLanguages(of: current?.revision.value, writtenIn: language).confirming(confirming)
        if let current, current.revision.version != baseVersion {
            // The same save arriving twice (a client or a proxy retrying a PUT whose answer was
            // lost) is answered as it was the first time, not as a conflict with itself.
            if current.revision.version == baseVersion + 1, current.revision.value == value, current.revision.author == user.email {
                return .saved(current)
            }
            return .conflict(mine: value, theirs: current.revision)
        }
        let json = encode(value)
        let party = report.partyCode
        let ownVersion = own?.version
        let detached = own?.detached ?? false
        let version: Int
        let subject: AuditSubject
        // The hash of the row as the write returned it, for the audit log (nil: the log reads it).
        let stateHash: String?
        if let indicator = question.indicator, !detached, case .indicatorSeries(let points) = value {
            let stored = try await IndicatorSeriesStore.storedVersion(party: party, indicator: indicator, on: tx.sql)
            let expected = current?.revision.version ?? stored ?? 0
            guard let written = try await IndicatorSeriesStore.replaceDraft(party: party, indicator: indicator, points: points,
                                                                            defaultUnit: question.unit ?? "", expectedVersion: expected,
                                                                            report: reportID, by: user.email, in: tx)
            else { return try await lostRace(value, question, report, in: tx) }
            try await AnswerStore.keepHistory(party: party, report: reportID, question: questionID, element: question.element, json: json,
                                              version: written, by: user.email, in: tx)
            (version, subject, stateHash) = (written, .series(party: party, indicator: indicator), nil)
        } else if let element = question.element, !detached {
            let stored = try await AnswerStore.elementVersion(party: party, element: element, on: tx.sql)
            let expected = current?.revision.version ?? stored ?? 0
            let history = AnswerStore.History(party: party, report: reportID, question: questionID, element: element)
            guard let written = try await AnswerStore.writeElement(json: json, expectedVersion: expected, by: user.email, history: history, in: tx)
            else { return try await lostRace(value, question, report, in: tx) }
            (version, subject, stateHash) = (written.version, .element(party: party, element: element), try AuditedState.hash(written))
        } else {
            let history = AnswerStore.History(party: party, report: reportID, question: questionID, element: question.element)
            guard let written = try await AnswerStore.writeOwn(json: json, detached: detached, expectedVersion: current?.revision.version ?? ownVersion ?? 0,
                                                               by: user.email, history: history, in: tx)
            else { return try await lostRace(value, question, report, in: tx) }
            (version, subject, stateHash) = (written.version, .answer(report: reportID, question: questionID), try AuditedState.hash(written))
        }
        try await AuditLog.record(tx, actor: user.email, action: "answer.saved", subject: subject,
                                  before: current.map { encode($0.revision.value) }, after: json, stateHash: stateHash)
        let isSeries = if case .series = subject { true } else { false }
        if isSeries, readBack {
            // A series is stored as points (units filled in): what the reader gets is read back.
            return .saved(try await answer(to: question, of: report, on: tx.db))
        }
        // An own or shared value is stored as given, entered in this report.
        return .saved(CurrentAnswer(revision: AnswerRevision(questionID: questionID, value: value, version: version, author: user.email, at: Date()),
                                    reusedFrom: nil, elementID: question.element, detached: detached,
                                    indicator: isSeries ? question.indicator : nil))
    }

    /// Someone else's save won the race: show theirs, change nothing.
    private static func lostRace(_ value: AnswerValue, _ question: TemplateQuestion, _ report: ReportModel,
                                 in tx: WriteContext) async throws -> Saved {
        guard let theirs = try await answer(to: question, of: report, on: tx.db) else { throw Refusal("error.answer.changed-meanwhile") }
        return .conflict(mine: value, theirs: theirs.revision)
    }

    /// Gives this report its own value for an element-bound question (a copy of the shared one),
    /// so later changes here no longer change the other reports, and theirs no longer change this.
    public static func detach(question questionID: String, report reportID: UUID, template: ReportTemplate, by user: UserModel,
                              on db: any Database) async throws {
        try await db.write { tx in
            let report = try await lockedReport(reportID, in: tx)
            try requireEditable(report, template: template, by: user)
            guard let question = template.question(questionID), question.element != nil else {
                throw Refusal("error.report.not-shared")
            }
            let current = try await answer(to: question, of: report, on: tx.db)
            guard current?.detached != true else { return }
            let existing = try await AnswerModel.query(on: tx.db).filter(\.$report.$id == reportID).filter(\.$questionID == questionID).first()
            let answer = existing ?? AnswerModel()
            answer.$report.id = reportID
            answer.questionID = questionID
            answer.value = current.map { encode($0.revision.value) } ?? "null"
            answer.version = max(current?.revision.version ?? 0, 1)
            answer.detached = true
            answer.updatedBy = user.email
            try await answer.save(on: tx.db)
            try await AuditLog.record(tx, actor: user.email, action: "answer.detached", subject: .answer(report: reportID, question: questionID))
        }
    }
}
