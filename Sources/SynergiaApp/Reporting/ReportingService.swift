import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Reporting cycles, reports, answers stored once and reused through shared elements,
/// conflicts, the workflow, receipts — every change logged in the audit chain.
public enum ReportingService {
    /// The shipped templates and shared elements, by id.
    public struct Templates: Sendable {
        public let byID: [String: ReportTemplate]
        /// The information elements that templates share.
        public let elements: [SharedElement]
        public static func load() throws -> Templates {
            Templates(byID: Dictionary(uniqueKeysWithValues: try ReportTemplates.load().map { ($0.id, $0) }),
                      elements: try ReportTemplates.loadElements())
        }
        public func template(_ id: String) throws -> ReportTemplate {
            guard let template = byID[id] else { throw Abort(.notFound) }
            return template
        }
    }

    // MARK: Cycles

    /// The secretariat opens a cycle for one of its convention's templates; the convention's
    /// focal points are notified.
    @discardableResult
    public static func openCycle(template: ReportTemplate, title: String, opensOn: String, dueOn: String, by user: UserModel,
                                 on db: any Database) async throws -> ReportingCycleModel {
        guard AuthorizationPolicy.permits(user.actor, .manageReportingCycles(convention: template.convention)) else {
            throw Abort(.forbidden)
        }
        var errors = FieldErrors()
        if !MeetingService.isISODate(opensOn) { errors["opensOn"] = "error.meeting.date" }
        if !MeetingService.isISODate(dueOn) || dueOn < opensOn { errors["dueOn"] = "error.meeting.end-date" }
        guard errors.isEmpty else { throw errors }
        let cycle = ReportingCycleModel()
        cycle.templateID = template.id
        cycle.templateVersion = template.version
        cycle.conventionCode = template.convention
        cycle.title = title.isEmpty ? template.title.english : title
        cycle.opensOn = opensOn
        cycle.dueOn = dueOn
        cycle.status = "open"
        try await db.transaction { db in
            try await cycle.create(on: db)
            try await AuditLog.append(actor: user.email, action: "cycle.opened", subject: "cycle/\(try cycle.requireID())",
                                      after: "\(template.id) v\(template.version) due \(dueOn)", on: db)
            let focalPoints = try await UserModel.query(on: db).filter(\.$role == .focalPoint)
                .filter(\.$conventionCode == template.convention).all()
            for focalPoint in focalPoints {
                try await NotificationDelivery.enqueue(
                    kind: "cycle-opening", to: focalPoint.email, subject: "Reporting cycle open: \(cycle.title)",
                    body: "The \(template.convention) reporting cycle \"\(cycle.title)\" is open from \(opensOn); reports are due on \(dueOn).\n",
                    on: db)
            }
        }
        return cycle
    }

    public static func closeCycle(_ cycle: ReportingCycleModel, by user: UserModel, on db: any Database) async throws {
        guard AuthorizationPolicy.permits(user.actor, .manageReportingCycles(convention: cycle.conventionCode)) else { throw Abort(.forbidden) }
        cycle.status = "closed"
        try await db.transaction { db in
            try await cycle.update(on: db)
            try await AuditLog.append(actor: user.email, action: "cycle.closed", subject: "cycle/\(try cycle.requireID())", on: db)
        }
    }

    // MARK: Reports

    /// A focal point starts the Party's report for an open cycle.
    public static func startReport(cycle: ReportingCycleModel, by user: UserModel, on db: any Database) async throws -> ReportModel {
        let party = user.partyCode ?? ""
        guard AuthorizationPolicy.permits(user.actor, .startReport(party: party, convention: cycle.conventionCode)) else {
            throw Abort(.forbidden)
        }
        guard cycle.status == "open" else { throw Refusal("error.report.cycle-closed") }
        if let existing = try await ReportModel.query(on: db).filter(\.$cycle.$id == cycle.requireID())
            .filter(\.$partyCode == party).sort(\.$version, .descending).first() {
            return existing
        }
        let report = ReportModel()
        report.$cycle.id = try cycle.requireID()
        report.partyCode = party
        report.status = ReportStatus.draft.rawValue
        report.version = 1
        try await db.transaction { db in
            try await report.create(on: db)
            try await AuditLog.append(actor: user.email, action: "report.started", subject: "report/\(try report.requireID())",
                                      after: "\(party) \(cycle.templateID)", on: db)
        }
        return report
    }

    /// The current answer to a question of a report, and where it comes from.
    public struct CurrentAnswer: Sendable {
        public var revision: AnswerRevision
        /// The element's value was entered in another report (reused here).
        public var reusedFrom: UUID?
        public var elementID: String?
        public var detached: Bool
        /// The registry indicator whose Party data this answer shows (indicator-series questions).
        public var indicator: String? = nil
    }

    /// Every answered question of a report: its own answers, and the Party's element values for
    /// questions bound to elements (unless detached).
    public static func answers(of report: ReportModel, template: ReportTemplate, on db: any Database) async throws -> [String: CurrentAnswer] {
        // A submitted version shows what was submitted, even after shared values change later.
        if let content = report.submittedContent {
            struct Submitted: Decodable { var answers: [String: AnswerValue] }
            let submitted = try JSONDecoder().decode(Submitted.self, from: Data(content.utf8))
            return Dictionary(uniqueKeysWithValues: template.questions.compactMap { question in
                submitted.answers[question.id].map { value in
                    (question.id, CurrentAnswer(revision: AnswerRevision(questionID: question.id, value: value, version: 0, author: "",
                                                                         at: report.submittedAt ?? Date()),
                                                reusedFrom: nil, elementID: question.element, detached: false))
                }
            })
        }
        let reportID = try report.requireID()
        let own = try await AnswerModel.query(on: db).filter(\.$report.$id == reportID).all()
        let ownByQuestion = Dictionary(uniqueKeysWithValues: own.map { ($0.questionID, $0) })
        let elements = try await ElementValueModel.query(on: db).filter(\.$partyCode == report.partyCode).all()
        let elementByID = Dictionary(uniqueKeysWithValues: elements.map { ($0.elementID, $0) })
        let series = try await IndicatorSeriesStore.series(party: report.partyCode, indicators: Set(template.questions.compactMap(\.indicator)), on: db)
        var result: [String: CurrentAnswer] = [:]
        for question in template.questions {
            if let answer = ownByQuestion[question.id], (question.element == nil && question.indicator == nil) || answer.detached {
                guard let value = decode(answer.value) else { continue }
                result[question.id] = CurrentAnswer(
                    revision: AnswerRevision(questionID: question.id, value: value, version: answer.version,
                                             author: answer.updatedBy, at: answer.updatedAt ?? Date()),
                    reusedFrom: nil, elementID: question.element, detached: answer.detached)
            } else if let element = question.element, let shared = elementByID[element], let value = decode(shared.value) {
                result[question.id] = CurrentAnswer(
                    revision: AnswerRevision(questionID: question.id, value: value, version: shared.version,
                                             author: shared.updatedBy, at: shared.updatedAt ?? Date()),
                    reusedFrom: shared.sourceReportID == reportID ? nil : shared.sourceReportID, elementID: element, detached: false)
            } else if let indicator = question.indicator, let data = series[indicator] {
                result[question.id] = CurrentAnswer(
                    revision: AnswerRevision(questionID: question.id, value: .indicatorSeries(data.points), version: data.version,
                                             author: data.updatedBy, at: data.updatedAt ?? Date()),
                    reusedFrom: data.sourceReportID == reportID ? nil : data.sourceReportID, elementID: nil, detached: false,
                    indicator: indicator)
            }
        }
        return result
    }

    /// The current answer to one question of an unsubmitted report (what ``answers(of:template:on:)``
    /// gives for it), reading only what that question needs.
    static func answer(to question: TemplateQuestion, of report: ReportModel, on db: any Database) async throws -> CurrentAnswer? {
        let reportID = try report.requireID()
        let own = try await AnswerModel.query(on: db).filter(\.$report.$id == reportID).filter(\.$questionID == question.id).first()
        if let own, (question.element == nil && question.indicator == nil) || own.detached {
            guard let value = decode(own.value) else { return nil }
            return CurrentAnswer(revision: AnswerRevision(questionID: question.id, value: value, version: own.version, author: own.updatedBy,
                                                          at: own.updatedAt ?? Date()),
                                 reusedFrom: nil, elementID: question.element, detached: own.detached)
        }
        if let element = question.element {
            guard let shared = try await ElementValueModel.query(on: db).filter(\.$partyCode == report.partyCode)
                .filter(\.$elementID == element).first(), let value = decode(shared.value) else { return nil }
            return CurrentAnswer(revision: AnswerRevision(questionID: question.id, value: value, version: shared.version,
                                                          author: shared.updatedBy, at: shared.updatedAt ?? Date()),
                                 reusedFrom: shared.sourceReportID == reportID ? nil : shared.sourceReportID, elementID: element, detached: false)
        }
        if let indicator = question.indicator {
            guard let data = try await IndicatorSeriesStore.series(party: report.partyCode, indicators: [indicator], on: db)[indicator] else { return nil }
            return CurrentAnswer(revision: AnswerRevision(questionID: question.id, value: .indicatorSeries(data.points), version: data.version,
                                                          author: data.updatedBy, at: data.updatedAt ?? Date()),
                                 reusedFrom: data.sourceReportID == reportID ? nil : data.sourceReportID, elementID: nil, detached: false,
                                 indicator: indicator)
        }
        return nil
    }

    /// Saves an answer based on the version the editor loaded. A question bound to a shared
    /// element (and not detached) saves the Party's element value, so every report of the
    /// Party that asks for it has it; a question bound to an indicator saves the Party's data
    /// series of that indicator (what imports and dashboards use too).
    /// Party that asks for it has it. Refused on a locked report, a value of the wrong type,
    /// or another Party's report; returns the conflict when someone saved in between.
    public static func save(_ value: AnswerValue, question questionID: String, baseVersion: Int, report: ReportModel,
                            template: ReportTemplate, by user: UserModel, on db: any Database) async throws -> SaveOutcome {
        guard AuthorizationPolicy.permits(user.actor, .editReport(party: report.partyCode, convention: template.convention)) else {
            throw Abort(.forbidden)
        }
        guard let status = ReportStatus(rawValue: report.status), !status.isLocked else { throw Refusal("error.report.locked") }
        guard let question = template.question(questionID) else { throw Abort(.notFound) }
        if let problem = AnswerValidation.validate(value, for: question) { throw Refusal(problem.catalogKey) }
        let reportID = try report.requireID()
        let current = try await answer(to: question, of: report, on: db)
        let outcome = ConflictCheck.save(new: value, baseVersion: baseVersion, current: current?.revision)
        guard case .saved(let version) = outcome else { return outcome }
        let json = encode(value)
        try await db.transaction { db in
            let own = try await AnswerModel.query(on: db).filter(\.$report.$id == reportID).filter(\.$questionID == questionID).first()
            if let indicator = question.indicator, own?.detached != true, case .indicatorSeries(let points) = value {
                try await IndicatorSeriesStore.replace(party: report.partyCode, indicator: indicator, points: points,
                                                       defaultUnit: question.unit ?? "", version: version, report: reportID,
                                                       by: user.email, on: db)
            } else if let element = question.element, own?.detached != true {
                let shared = try await ElementValueModel.query(on: db).filter(\.$partyCode == report.partyCode)
                    .filter(\.$elementID == element).first() ?? ElementValueModel()
                shared.partyCode = report.partyCode
                shared.elementID = element
                shared.value = json
                shared.version = version
                shared.sourceReportID = reportID
                shared.updatedBy = user.email
                try await shared.save(on: db)
            } else {
                let answer = own ?? AnswerModel()
                answer.$report.id = reportID
                answer.questionID = questionID
                answer.value = json
                answer.version = version
                answer.detached = own?.detached ?? false
                answer.updatedBy = user.email
                try await answer.save(on: db)
            }
            let history = AnswerHistoryModel()
            history.partyCode = report.partyCode
            history.reportID = reportID
            history.questionID = questionID
            history.elementID = question.element
            history.value = json
            history.version = version
            history.author = user.email
            try await history.create(on: db)
            try await AuditLog.append(actor: user.email, action: "answer.saved", subject: "report/\(reportID)/\(questionID)",
                                      before: current.map { encode($0.revision.value) }, after: json, on: db)
        }
        return outcome
    }

    /// Gives this report its own value for an element-bound question (a copy of the shared one),
    /// so later changes here no longer change the other reports, and theirs no longer change this.
    public static func detach(question questionID: String, report: ReportModel, template: ReportTemplate, by user: UserModel,
                              on db: any Database) async throws {
        guard AuthorizationPolicy.permits(user.actor, .editReport(party: report.partyCode, convention: template.convention)) else {
            throw Abort(.forbidden)
        }
        guard let status = ReportStatus(rawValue: report.status), !status.isLocked else { throw Refusal("error.report.locked") }
        guard template.question(questionID)?.element != nil else { throw Refusal("error.report.not-shared") }
        let current = try await answers(of: report, template: template, on: db)[questionID]
        let reportID = try report.requireID()
        try await db.transaction { db in
            let answer = try await AnswerModel.query(on: db).filter(\.$report.$id == reportID).filter(\.$questionID == questionID).first() ?? AnswerModel()
            answer.$report.id = reportID
            answer.questionID = questionID
            answer.value = current.map { encode($0.revision.value) } ?? "null"
            answer.version = current?.revision.version ?? 0
            answer.detached = true
            answer.updatedBy = user.email
            try await answer.save(on: db)
            try await AuditLog.append(actor: user.email, action: "answer.detached", subject: "report/\(reportID)/\(questionID)", on: db)
        }
    }

    /// Moves a report through the workflow. Submitting locks it and issues the receipt (time
    /// and SHA-256 of the submitted content) and tells the convention's secretariat.
    public static func transition(_ report: ReportModel, to target: ReportStatus, template: ReportTemplate, by user: UserModel,
                                  on db: any Database) async throws {
        guard let status = ReportStatus(rawValue: report.status) else { throw Abort(.internalServerError) }
        switch ReportWorkflow.transition(from: status, to: target, by: user.actor, party: report.partyCode, convention: template.convention) {
        case .failure(let refusal): throw Refusal(refusal.catalogKey)
        case .success: break
        }
        let now = Date()
        if target == .submitted {
            let content = try await submittedContent(report, template: template, on: db)
            let receipt = SubmissionReceipt.make(content: content, submittedAt: now, party: report.partyCode,
                                                 convention: template.convention, template: template.id, version: report.version)
            report.receiptSHA256 = receipt.sha256
            report.submittedAt = now
            report.submittedContent = String(decoding: content, as: UTF8.self)
        }
        if target == .published { report.publishedAt = now }
        // The published content: its progress assessments go to the dashboards.
        let published = target == .published ? try await answers(of: report, template: template, on: db) : [:]
        let cycle = target == .published ? try await report.$cycle.get(on: db) : nil
        let before = report.status
        report.status = target.rawValue
        try await db.transaction { db in
            try await report.update(on: db)
            try await AuditLog.append(actor: user.email, action: "report.\(target.rawValue)", subject: "report/\(try report.requireID())",
                                      before: before, after: target.rawValue + (report.receiptSHA256.map { " sha256:\($0)" } ?? ""), on: db)
            if let cycle {
                try await ProgressFromReports.record(report, cycle: cycle, template: template, by: user, answers: published, on: db)
            }
            if target == .submitted {
                for secretariat in try await UserModel.query(on: db).filter(\.$role == .secretariat)
                    .filter(\.$conventionCode == template.convention).all() {
                    try await NotificationDelivery.enqueue(
                        kind: "report-submitted", to: secretariat.email,
                        subject: "Report submitted: \(report.partyCode), \(template.title.english)",
                        body: "\(report.partyCode) submitted version \(report.version) of its \(template.title.english). SHA-256: \(report.receiptSHA256 ?? "")\n",
                        on: db)
                }
            }
        }
    }

    /// The canonical content of a report: template, Party, version and every answer, as hashed.
    static func submittedContent(_ report: ReportModel, template: ReportTemplate, on db: any Database) async throws -> Data {
        struct Content: Encodable {
            var template: String; var templateVersion: Int; var party: String; var version: Int
            var answers: [String: AnswerValue]
        }
        let answers = try await answers(of: report, template: template, on: db).mapValues(\.revision.value)
        return try CanonicalJSON.encode(Content(template: template.id, templateVersion: template.version, party: report.partyCode,
                                                version: report.version, answers: answers))
    }

    static func encode(_ value: AnswerValue) -> String {
        (try? CanonicalJSON.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decode(_ json: String) -> AnswerValue? {
        try? JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8))
    }
}
