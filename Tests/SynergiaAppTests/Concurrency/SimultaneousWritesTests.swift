import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor

/// Many requests at the same moment, over real connections, on the database the tests run on
/// (SQLite, and PostgreSQL in CI's second run): no acknowledged write is lost, no write slips
/// past a check made for it, and concurrency never becomes a 500.
@Suite("Simultaneous writes: nothing lost, nothing past its checks")
struct SimultaneousWritesTests {
    static func answerBody(_ value: String, _ base: Int) -> String { #"{"value":\#(value),"baseVersion":\#(base)}"# }

    /// Questions of the CBD 7th report stored three ways: the report's own answer, a shared element, an indicator series.
    @Test("twenty saves of one answer on the same version: exactly one is kept, the others are conflicts", arguments: [
        ("cbd-7nr.s1.q2", "longText"), ("cbd-7nr.s3.q2", "element"), ("cbd-7nr.s3.q3", "series"),
    ])
    func lostUpdate(_ question: String, _ storage: String) async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signInWithToken("fp@example.org")
                let path = "/api/v1/reports/\(report.id!)/answers/\(question)"
                let first = try await client.api(.PUT, path, json: Self.answerBody(value(question, 0), 0))
                #expect(first.status == .ok)
                let results = try await simultaneously(20) { index in
                    try await client.api(.PUT, path, json: Self.answerBody(value(question, index + 1), 1)).status
                }
                #expect(results.filter { $0 == .ok }.count == 1, "\(storage): \(results)")
                #expect(results.filter { $0 == .conflict }.count == 19, "\(storage): \(results)")
                let winner = try #require(results.firstIndex(of: .ok))
                let stored = try await client.api(.GET, "/api/v1/reports/\(report.id!)").json(ReportPage.Model.self)
                let answer = try #require(stored.answers.first { $0.question == question })
                #expect(answer.version == 2)
                let expected = try JSONDecoder().decode(AnswerValue.self, from: Data(value(question, winner + 1).utf8))
                #expect(answer.value == expected, "the kept value is the one that was answered 200")
                let history = try await AnswerHistoryModel.query(on: app.db).filter(\.$questionID == question).all()
                #expect(history.map(\.version).sorted() == [1, 2], "one history row per kept version")
            }
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
        }
    }

    @Test("twenty first saves of an unanswered question: exactly one is kept")
    func firstSaveRace() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signInWithToken("fp@example.org")
                for question in ["cbd-7nr.s1.q2", "cbd-7nr.s3.q2", "cbd-7nr.s3.q3"] {
                    let results = try await simultaneously(20) { index in
                        try await client.api(.PUT, "/api/v1/reports/\(report.id!)/answers/\(question)",
                                             json: Self.answerBody(value(question, index), 0)).status
                    }
                    #expect(results.filter { $0 == .ok }.count == 1 && results.filter { $0 == .conflict }.count == 19, "\(question): \(results)")
                    #expect(try await AnswerHistoryModel.query(on: app.db).filter(\.$questionID == question).count() == 1)
                }
            }
        }
    }

    @Test("saves of different questions at once, and the audit entries they make, all succeed in one unbroken chain")
    func differentQuestionsAtOnce() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let template = try app.synergia.templates.template("cbd-7nr")
            let questions = template.questions.filter { $0.type == .longText && $0.element == nil }.prefix(19).map(\.id)
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signInWithToken("fp@example.org")
                let results = try await simultaneously(questions.count) { index in
                    try await client.api(.PUT, "/api/v1/reports/\(report.id!)/answers/\(questions[index])",
                                         json: Self.answerBody(#"{"type":"longText","value":"answer \#(index)"}"#, 0)).status
                }
                #expect(results.allSatisfy { $0 == .ok }, "\(results)")
            }
            let saved = try await AuditEntryModel.query(on: app.db).filter(\.$action == "answer.saved").count()
            #expect(saved == questions.count)
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
        }
    }

    @Test("saves racing a submission: every save that was accepted is in the submitted content, none lands after it")
    func submitRace() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            let template = try app.synergia.templates.template("cbd-7nr")
            let questions = template.questions.filter { $0.type == .longText && $0.element == nil && !$0.required }.prefix(12).map(\.id)
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signInWithToken("fp@example.org")
                for step in ["in-review", "approved"] {
                    #expect(try await client.api(.POST, "/api/v1/reports/\(report.id!)/transition", json: #"{"to":"\#(step)"}"#).status == .ok)
                }
                let results = try await simultaneously(questions.count + 1) { index -> (String?, HTTPStatus) in
                    if index == questions.count / 2 {
                        return (nil, try await client.api(.POST, "/api/v1/reports/\(report.id!)/transition", json: #"{"to":"submitted"}"#).status)
                    }
                    let question = questions[index < questions.count / 2 ? index : index - 1]
                    return (question, try await client.api(.PUT, "/api/v1/reports/\(report.id!)/answers/\(question)",
                                                           json: Self.answerBody(#"{"type":"longText","value":"racing \#(question)"}"#, 0)).status)
                }
                #expect(results.first { $0.0 == nil }?.1 == .ok, "the submission went through")
                #expect(results.allSatisfy { [.ok, .unprocessableEntity].contains($0.1) }, "\(results)")
                let stored = try #require(try await ReportModel.find(report.id, on: app.db))
                let content = try #require(stored.submittedContent)
                // The value with its quotes: "racing …s2.q2" must not match inside "racing …s2.q22".
                for (question, status) in results where question != nil {
                    let included = content.contains("\"racing \(question!)\"")
                    #expect(included == (status == .ok), "\(question!): \(status), in the submitted content: \(included)")
                }
                // Nothing in the locked report's own answers differs from what was submitted.
                let own = try await AnswerModel.query(on: app.db).filter(\.$report.$id == report.id!).all()
                for answer in own where questions.contains(answer.questionID) {
                    #expect(content.contains("\"racing \(answer.questionID)\""), "\(answer.questionID) changed after the submission")
                }
            }
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
        }
    }

    @Test("an offline package applied while the report is submitted: all of it before the submission, or none of it")
    func packageApplyVersusSubmit() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signInWithToken("fp@example.org")
                let package = try await client.get("/reports/\(report.id!)/package.json").body
                var object = try #require(try JSONSerialization.jsonObject(with: Data(package.utf8)) as? [String: Any])
                var answers = try #require(object["answers"] as? [String: Any])
                let template = try app.synergia.templates.template("cbd-7nr")
                let questions = template.questions.filter { $0.type == .longText && $0.element == nil && !$0.required }.map(\.id)
                for question in questions {
                    answers[question] = ["value": ["type": "longText", "value": "from the package \(question)"], "version": 0]
                }
                object["answers"] = answers
                let edited = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
                for step in ["in-review", "approved"] {
                    #expect(try await client.api(.POST, "/api/v1/reports/\(report.id!)/transition", json: #"{"to":"\#(step)"}"#).status == .ok)
                }
                let (applied, submitted) = try await withThrowingTaskGroup(of: (Int, HTTPStatus).self) { group in
                    group.addTask { (0, try await client.api(.POST, "/api/v1/reports/\(report.id!)/package/apply", json: edited).status) }
                    group.addTask { (1, try await client.api(.POST, "/api/v1/reports/\(report.id!)/transition", json: #"{"to":"submitted"}"#).status) }
                    var statuses: [Int: HTTPStatus] = [:]
                    for try await (index, status) in group { statuses[index] = status }
                    return (statuses[0]!, statuses[1]!)
                }
                #expect(submitted == .ok)
                #expect(applied == .ok || applied == .unprocessableEntity, "\(applied)")
                let content = try #require(try await ReportModel.find(report.id, on: app.db)?.submittedContent)
                let inContent = questions.filter { content.contains("from the package \($0)") }.count
                let stored = try await AnswerModel.query(on: app.db).filter(\.$report.$id == report.id!).all()
                    .filter { $0.value.contains("from the package") }.count
                if applied == .ok {
                    #expect(inContent == questions.count && stored == questions.count, "applied before the submission: all of it submitted")
                } else {
                    #expect(inContent == 0 && stored == 0, "refused: none of it stored")
                }
            }
        }
    }
}

/// A JSON answer value for the question, different for each `n`.
func value(_ question: String, _ n: Int) -> String {
    switch question {
    case "cbd-7nr.s3.q2": #"{"type":"number","value":\#(1000 + n)}"#
    case "cbd-7nr.s3.q3": #"{"type":"indicatorSeries","value":[{"period":"2020","value":\#(Double(n) / 100)}]}"#
    case "cbd-7nr.s1.q1": #"{"type":"shortText","value":"Focal point \#(n)"}"#
    default: #"{"type":"longText","value":"text \#(n)"}"#
    }
}
