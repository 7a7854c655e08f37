import Foundation
import SynergiaCore

/// Reads an answer from a plain HTML form (works without JavaScript): one field `value`
/// (several for multiple choice), interpreted by the question's type.
enum AnswerForm {
    /// The value, or the catalog key of why the input cannot be one.
    static func parse(_ question: TemplateQuestion, value raw: String?, values: [String]) -> Result<AnswerValue, Refusal> {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        switch question.type {
        // A text's language and translations are not in this form: the save keeps them.
        case .shortText: return .success(.shortText(WrittenText(text)))
        case .longText: return .success(.longText(WrittenText(raw ?? "")))
        case .yesNo:
            switch text { case "yes": return .success(.yesNo(true)); case "no": return .success(.yesNo(false))
            default: return .failure(Refusal("error.answer.wrong-type")) }
        case .singleChoice: return .success(.singleChoice(text))
        case .multipleChoice: return .success(.multipleChoice(values.filter { !$0.isEmpty }))
        case .number:
            guard let number = Double(text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: " ", with: "")) else {
                return .failure(Refusal("error.answer.wrong-type"))
            }
            return .success(.number(number))
        case .date: return .success(.date(text))
        // The field shows a cited file by its id: sent back unchanged it still cites the file (a web address is never a bare UUID).
        case .link: return .success(.link(UUID(uuidString: text) != nil ? .file(text) : .url(text)))
        case .progressAssessment:
            guard let rating = rating(text) else { return .failure(Refusal("error.answer.wrong-type")) }
            return .success(.progressAssessment(rating))
        case .indicatorSeries:
            // One point per line: period, value[, unit]
            var points: [SeriesPoint] = []
            for line in text.split(whereSeparator: \.isNewline) {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 2, let value = Double(cells[1]) else { return .failure(Refusal("error.answer.wrong-type")) }
                points.append(SeriesPoint(period: cells[0], value: value, unit: cells.count > 2 && !cells[2].isEmpty ? cells[2] : nil))
            }
            return .success(.indicatorSeries(points))
        case .table:
            // The rows as JSON: [{"column": value, ...}], cells typed by JSON (string, number, bool).
            let wrapped = "{\"type\":\"table\",\"value\":\(text.isEmpty ? "[]" : text)}"
            guard let value = try? JSONDecoder().decode(AnswerValue.self, from: Data(wrapped.utf8)) else {
                return .failure(Refusal("error.answer.wrong-type"))
            }
            return .success(value)
        }
    }

    /// A rating's code in a form's select: one character, so that a section of 23 targets'
    /// ratings stays small. Never to change: a page sent before a release means the same rating.
    /// (The API, exports and packages use the rating's name; a form may send either.)
    static func code(_ rating: ProgressRating) -> String {
        switch rating {
        case .onTrackToExceed: "1"
        case .onTrack: "2"
        case .insufficientRate: "3"
        case .noSignificantChange: "4"
        case .movingAway: "5"
        case .unknown: "0"
        }
    }

    /// The rating a form sent, by its name or its code.
    static func rating(_ text: String) -> ProgressRating? {
        ProgressRating(rawValue: text) ?? ProgressRating.allCases.first { code($0) == text }
    }

    /// The value as a form's control holds it: as ``formText(_:)``, a rating by its code.
    static func controlText(_ value: AnswerValue) -> String {
        if case .progressAssessment(let rating) = value { return code(rating) }
        return formText(value)
    }

    /// The value as the form shows it for editing.
    static func formText(_ value: AnswerValue) -> String {
        switch value {
        case .shortText(let written), .longText(let written): return written.text
        case .singleChoice(let s), .date(let s): return s
        case .yesNo(let b): return b ? "yes" : "no"
        case .multipleChoice(let ids): return ids.joined(separator: ", ")
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .link(.url(let url)): return url
        case .link(.file(let file)): return file
        case .progressAssessment(let rating): return rating.rawValue
        case .indicatorSeries(let points):
            return points.map { [$0.period, String($0.value), $0.unit ?? ""].joined(separator: ",") }.joined(separator: "\n")
        case .table:
            guard let data = try? CanonicalJSON.encode(value),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let rows = object["value"],
                  let json = try? JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]) else { return "[]" }
            return String(decoding: json, as: UTF8.self)
        }
    }
}
