import Foundation
import Testing
@testable import SynergiaCore

@Suite("Answer values")
struct AnswerValueTests {
    func json(_ value: AnswerValue) throws -> String { String(decoding: try CanonicalJSON.encode(value), as: UTF8.self) }

    @Test func encodesToStableJSON() throws {
        #expect(try json(.shortText("Ana")) == #"{"type":"shortText","value":"Ana"}"#)
        #expect(try json(.yesNo(true)) == #"{"type":"yesNo","value":true}"#)
        #expect(try json(.number(12.5)) == #"{"type":"number","value":12.5}"#)
        #expect(try json(.multipleChoice(["b", "a"])) == #"{"type":"multipleChoice","value":["b","a"]}"#)
        #expect(try json(.link(.url("https://example.org/a"))) == #"{"type":"link","value":{"url":"https://example.org/a"}}"#)
        #expect(try json(.link(.file("f-1"))) == #"{"type":"link","value":{"file":"f-1"}}"#)
        #expect(try json(.progressAssessment(.insufficientRate)) == #"{"type":"progressAssessment","value":"insufficientRate"}"#)
        #expect(try json(.indicatorSeries([SeriesPoint(period: "2020", value: 3, unit: "%")]))
                == #"{"type":"indicatorSeries","value":[{"period":"2020","unit":"%","value":3}]}"#)
        #expect(try json(.table([["b": .number(1), "a": .shortText("x")]]))
                == #"{"type":"table","value":[{"a":{"type":"shortText","value":"x"},"b":{"type":"number","value":1}}]}"#)
    }

    static let samples: [AnswerValue] = [
        .shortText("a"), .longText("# T\n\n*b*"), .yesNo(false), .singleChoice("x"), .multipleChoice(["x", "y"]),
        .number(-3.25), .date("2024-02-29"), .table([["c": .date("2020-01-01")], [:]]), .link(.file("doc-9")),
        .progressAssessment(.movingAway), .indicatorSeries([SeriesPoint(period: "2016-2020", value: 1.5)]),
    ]

    @Test func everyTypeHasASampleAndRoundTrips() throws {
        #expect(Set(Self.samples.map(\.type)) == Set(QuestionType.allCases))
        for value in Self.samples {
            #expect(try JSONDecoder().decode(AnswerValue.self, from: CanonicalJSON.encode(value)) == value)
        }
    }

    @Test func rejectsAValueOfTheWrongShape() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnswerValue.self, from: Data(#"{"type":"number","value":"12"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnswerValue.self, from: Data(#"{"type":"colour","value":"red"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnswerValue.self, from: Data(#"{"type":"link","value":{}}"#.utf8)) }
    }
}

@Suite("Answer validation")
struct AnswerValidationTests {
    func q(_ type: QuestionType, choices: [String]? = nil, columns: [(String, QuestionType)]? = nil) -> TemplateQuestion {
        TemplateQuestion(id: "q", type: type, title: LocalizedText(english: "Q"),
                         choices: choices?.map { TemplateChoice(id: $0, label: LocalizedText(english: $0)) },
                         columns: columns?.map { TemplateColumn(id: $0.0, title: LocalizedText(english: $0.0), type: $0.1) })
    }

    func check(_ value: AnswerValue, _ question: TemplateQuestion) -> AnswerProblem? {
        AnswerValidation.validate(value, for: question)
    }

    @Test func acceptsFittingValues() {
        #expect(check(.singleChoice("b"), q(.singleChoice, choices: ["a", "b"])) == nil)
        #expect(check(.multipleChoice(["a", "b"]), q(.multipleChoice, choices: ["a", "b"])) == nil)
        #expect(check(.date("2024-02-29"), q(.date)) == nil)
        #expect(check(.link(.url("http://example.org")), q(.link)) == nil)
        #expect(check(.table([["n": .number(1), "d": .date("2020-12-31")]]), q(.table, columns: [("n", .number), ("d", .date)])) == nil)
        #expect(check(.indicatorSeries([SeriesPoint(period: "2019", value: 1), SeriesPoint(period: "2020", value: 2)]), q(.indicatorSeries)) == nil)
    }

    @Test func wrongType() {
        let problem = check(.shortText("3"), q(.number))
        #expect(problem == .wrongType(expected: .number, got: .shortText))
        #expect(problem?.catalogKey == "error.answer.wrong-type")
    }

    @Test func choices() {
        #expect(check(.singleChoice("c"), q(.singleChoice, choices: ["a"]))?.catalogKey == "error.answer.choice-unknown")
        #expect(check(.multipleChoice(["a", "z"]), q(.multipleChoice, choices: ["a"])) == .choiceUnknown("z"))
        #expect(check(.multipleChoice(["a", "a"]), q(.multipleChoice, choices: ["a"])) == .choiceDuplicate("a"))
    }

    @Test func numbers() {
        #expect(check(.number(.nan), q(.number))?.catalogKey == "error.answer.number-not-finite")
        #expect(check(.number(.infinity), q(.number)) == .numberNotFinite)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024-1-01", "2024/01/01", "", "２０２４-01-01"])
    func badDates(_ text: String) {
        #expect(check(.date(text), q(.date)) == .dateInvalid(text))
    }

    @Test(arguments: ["example.org", "ftp://example.org/x", "https://", "https://exa mple.org", "javascript:alert(1)"])
    func badURLs(_ text: String) {
        #expect(check(.link(.url(text)), q(.link))?.catalogKey == "error.answer.url-invalid")
    }

    @Test func emptyFileReference() {
        #expect(check(.link(.file(" ")), q(.link)) == .fileReferenceEmpty)
    }

    @Test func tableRows() {
        let question = q(.table, columns: [("n", .number), ("d", .date)])
        #expect(check(.table([["n": .number(1)], ["x": .number(2)]]), question) == .tableColumnUnknown(row: 2, column: "x"))
        let wrong = check(.table([["n": .shortText("one")]]), question)
        #expect(wrong == .tableCellInvalid(row: 1, column: "n", problem: .wrongType(expected: .number, got: .shortText)))
        #expect(wrong?.catalogKey == "error.answer.table-cell-invalid")
        #expect(check(.table([["d": .date("2021-02-30")]]), question)
                == .tableCellInvalid(row: 1, column: "d", problem: .dateInvalid("2021-02-30")))
    }

    @Test func seriesPeriods() {
        let duplicate = [SeriesPoint(period: "2020", value: 1), SeriesPoint(period: " 2020", value: 2)]
        #expect(check(.indicatorSeries(duplicate), q(.indicatorSeries)) == .seriesPeriodDuplicate("2020"))
        #expect(check(.indicatorSeries(duplicate), q(.indicatorSeries))?.catalogKey == "error.answer.series-period-duplicate")
        #expect(check(.indicatorSeries([SeriesPoint(period: "", value: 1)]), q(.indicatorSeries)) == .seriesPeriodEmpty)
        #expect(check(.indicatorSeries([SeriesPoint(period: "2020", value: .nan)]), q(.indicatorSeries)) == .seriesValueNotFinite(period: "2020"))
    }

    @Test("a text the format limits is counted as a browser counts it: UTF-16 units, a line break (CR LF) as one")
    func lengthLimit() throws {
        var question = q(.longText)
        question.maxLength = 4
        #expect(check(.longText("a\r\nbc"), question) == nil)
        #expect(check(.longText("abcde"), question) == .tooLong(max: 4))
        #expect(check(.longText("ab😀"), question) == nil, "an emoji is two units, as in the browser")
        #expect(check(.longText("abc😀"), question)?.catalogKey == "error.answer.too-long")
        #expect(check(.longText(WrittenText(String(repeating: "x", count: 5000))), q(.longText)) == nil, "no limit unless the format sets one")
        let bad = #"{"id":"q","type":"number","title":{"en":"Q"},"maxLength":3}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TemplateQuestion.self, from: Data(bad.utf8)) }
        let zero = #"{"id":"q","type":"longText","title":{"en":"Q"},"maxLength":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TemplateQuestion.self, from: Data(zero.utf8)) }
    }
}
