import Fluent
import Foundation
import SynergiaCore

extension ReportingService {
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

    /// Every answered question of a report: what was submitted, for a submitted version;
    /// otherwise its own answers, and the Party's element values and indicator series for
    /// questions bound to them (unless detached). Callers have checked that the reader may read it.
    public static func answers(of report: ReportModel, template: ReportTemplate, on db: any Database) async throws -> [String: CurrentAnswer] {
        // A submitted version shows what was submitted, even after shared values change later.
        if let content = report.submittedContent {
            struct Submitted: Decodable { var answers: [String: AnswerValue] }
            let submitted = try JSONDecoder().decode(Submitted.self, from: Data(content.utf8))
            return Dictionary(uniqueKeysWithValues: template.questions.compactMap { question in
                submitted.answers[question.id].map { value in
                    (question.id, CurrentAnswer(revision: AnswerRevision(questionID: question.id, value: value, version: 0, author: "",
                                                                         at: report.submittedAt ?? Date()),
                                                reusedFrom: nil, elementID: question.element, detached: false,
                                                indicator: question.indicator))
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
            let answer = current(question, own: ownByQuestion[question.id], element: question.element.flatMap { elementByID[$0] },
                                 series: question.indicator.flatMap { series[$0] }, report: reportID)
            result[question.id] = answer
        }
        return result
    }

    /// The current answer to one question of an unsubmitted report (what ``answers(of:template:on:)``
    /// gives for it), reading only what that question needs.
    static func answer(to question: TemplateQuestion, of report: ReportModel, on db: any Database) async throws -> CurrentAnswer? {
        try await answer(to: question, of: report, own: try await ownAnswer(to: question.id, of: report, on: db), on: db)
    }

    /// The report's own stored answer to a question (nil: none).
    static func ownAnswer(to questionID: String, of report: ReportModel, on db: any Database) async throws -> AnswerModel? {
        try await AnswerModel.query(on: db).filter(\.$report.$id == report.requireID()).filter(\.$questionID == questionID).first()
    }

    /// ``answer(to:of:on:)`` with the report's own answer already read.
    static func answer(to question: TemplateQuestion, of report: ReportModel, own: AnswerModel?, on db: any Database) async throws -> CurrentAnswer? {
        let reportID = try report.requireID()
        var element: ElementValueModel?
        if let id = question.element, own?.detached != true {
            element = try await ElementValueModel.query(on: db).filter(\.$partyCode == report.partyCode).filter(\.$elementID == id).first()
        }
        var series: IndicatorSeriesStore.Series?
        if let indicator = question.indicator, own?.detached != true {
            series = try await IndicatorSeriesStore.series(party: report.partyCode, indicators: [indicator], on: db)[indicator]
        }
        return current(question, own: own, element: element, series: series, report: reportID)
    }

    /// Which stored value answers `question`: the report's own (for unbound or detached
    /// questions), else the shared element's, else the indicator series.
    private static func current(_ question: TemplateQuestion, own: AnswerModel?, element: ElementValueModel?,
                                series: IndicatorSeriesStore.Series?, report reportID: UUID) -> CurrentAnswer? {
        if let own, (question.element == nil && question.indicator == nil) || own.detached {
            guard let value = decode(own.value) else { return nil }
            return CurrentAnswer(revision: AnswerRevision(questionID: question.id, value: value, version: own.version, author: own.updatedBy,
                                                          at: own.updatedAt ?? Date()),
                                 reusedFrom: nil, elementID: question.element, detached: own.detached)
        }
        if let elementID = question.element, let shared = element, let value = decode(shared.value) {
            return CurrentAnswer(revision: AnswerRevision(questionID: question.id, value: value, version: shared.version,
                                                          author: shared.updatedBy, at: shared.updatedAt ?? Date()),
                                 reusedFrom: shared.sourceReportID == reportID ? nil : shared.sourceReportID, elementID: elementID, detached: false)
        }
        if let indicator = question.indicator, let data = series {
            return CurrentAnswer(revision: AnswerRevision(questionID: question.id, value: .indicatorSeries(data.points), version: data.version,
                                                          author: data.updatedBy, at: data.updatedAt ?? Date()),
                                 reusedFrom: data.sourceReportID == reportID ? nil : data.sourceReportID, elementID: nil, detached: false,
                                 indicator: indicator)
        }
        return nil
    }

    static func encode(_ value: AnswerValue) -> String {
        (try? CanonicalJSON.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decode(_ json: String) -> AnswerValue? {
        try? JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8))
    }
}
