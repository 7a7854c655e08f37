import Foundation

/// Why an answer does not fit its question. `catalogKey` names the message in the
/// localization catalog; rows are numbered from 1.
public enum AnswerProblem: Sendable, Equatable, Error {
    case wrongType(expected: QuestionType, got: QuestionType)
    case choiceUnknown(String)
    case choiceDuplicate(String)
    case numberNotFinite
    case dateInvalid(String)
    case urlInvalid(String)
    case fileReferenceEmpty
    case tableColumnUnknown(row: Int, column: String)
    indirect case tableCellInvalid(row: Int, column: String, problem: AnswerProblem)
    case seriesPeriodEmpty
    case seriesPeriodDuplicate(String)
    /// A period that is not a year (`2020`) or a range of years (`2016-2020`).
    case seriesPeriodInvalid(String)
    case seriesValueNotFinite(period: String)
    /// A text longer than the format allows.
    case tooLong(max: Int)

    public var catalogKey: String {
        switch self {
        case .wrongType: "error.answer.wrong-type"
        case .choiceUnknown: "error.answer.choice-unknown"
        case .choiceDuplicate: "error.answer.choice-duplicate"
        case .numberNotFinite: "error.answer.number-not-finite"
        case .dateInvalid: "error.answer.date-invalid"
        case .urlInvalid: "error.answer.url-invalid"
        case .fileReferenceEmpty: "error.answer.file-reference-empty"
        case .tableColumnUnknown: "error.answer.table-column-unknown"
        case .tableCellInvalid: "error.answer.table-cell-invalid"
        case .seriesPeriodEmpty: "error.answer.series-period-empty"
        case .seriesPeriodDuplicate: "error.answer.series-period-duplicate"
        case .seriesPeriodInvalid: "error.answer.series-period-invalid"
        case .seriesValueNotFinite: "error.answer.series-value-not-finite"
        case .tooLong: "error.answer.too-long"
        }
    }
}

/// Checks answers against their questions.
public enum AnswerValidation {
    /// The first problem of `value` as an answer to `question`, or nil when it fits.
    /// Checks: the type matches; choice ids are in the question's list (no repeats); numbers are
    /// finite; dates are real `YYYY-MM-DD` calendar dates; links are http(s) URLs with a host or
    /// non-empty file references; table cells are in known columns and fit the column type;
    /// series periods are non-empty and unique and their values finite; texts are within the format's limit.
    /// Emptiness is not a problem here: whether a required question is answered is checked at submission.
    public static func validate(_ value: AnswerValue, for question: TemplateQuestion) -> AnswerProblem? {
        guard value.type == question.type else { return .wrongType(expected: question.type, got: value.type) }
        switch value {
        case .shortText(let written), .longText(let written):
            // The original and each translation within the limit.
            guard let max = question.maxLength, written.allTexts.contains(where: { characterCount($0) > max }) else { return nil }
            return .tooLong(max: max)
        case .yesNo, .progressAssessment:
            return nil
        case .singleChoice(let id):
            return (question.choices ?? []).contains { $0.id == id } ? nil : .choiceUnknown(id)
        case .multipleChoice(let ids):
            let known = Set((question.choices ?? []).map(\.id))
            var seen = Set<String>()
            for id in ids {
                if !known.contains(id) { return .choiceUnknown(id) }
                if !seen.insert(id).inserted { return .choiceDuplicate(id) }
            }
            return nil
        case .number(let number):
            return number.isFinite ? nil : .numberNotFinite
        case .date(let text):
            return isCalendarDate(text) ? nil : .dateInvalid(text)
        case .link(.url(let text)):
            return isWebURL(text) ? nil : .urlInvalid(text)
        case .link(.file(let reference)):
            return reference.trimmingCharacters(in: .whitespaces).isEmpty ? .fileReferenceEmpty : nil
        case .table(let rows):
            let columns = Dictionary((question.columns ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (index, row) in rows.enumerated() {
                for key in row.keys.sorted() {
                    guard let column = columns[key] else { return .tableColumnUnknown(row: index + 1, column: key) }
                    let cellQuestion = TemplateQuestion(id: "\(question.id)#\(key)", type: column.type, title: column.title)
                    if let problem = validate(row[key]!, for: cellQuestion) {
                        return .tableCellInvalid(row: index + 1, column: key, problem: problem)
                    }
                }
            }
            return nil
        case .indicatorSeries(let points):
            var periods = Set<String>()
            for point in points {
                let period = point.period.trimmingCharacters(in: .whitespaces)
                if period.isEmpty { return .seriesPeriodEmpty }
                if IndicatorPeriod(period) == nil { return .seriesPeriodInvalid(period) }
                if !periods.insert(period).inserted { return .seriesPeriodDuplicate(period) }
                if !point.value.isFinite { return .seriesValueNotFinite(period: period) }
            }
            return nil
        }
    }

    /// Whether `text` is exactly `YYYY-MM-DD` naming a day that exists (leap years included).
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// The length of a text as a browser counts it against a field's `maxlength`: UTF-16 code
    /// units, a line break as one (a form sends it as CR LF).
    public static func characterCount(_ text: String) -> Int {
        text.replacingOccurrences(of: "\r\n", with: "\n").utf16.count
    }

    /// Whether `text` is an absolute http or https URL with a host and no spaces.
    public static func isWebURL(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return false }
        return true
    }
}
