import Foundation

extension ReportPackage {
    /// Reads the JSON form and checks it against `expected`: valid JSON with every field; same
    /// template id and version; same Party; each answer for a known, not repeated question, with
    /// a value of the question's type that passes `AnswerValidation`. Collects every problem.
    public static func parseJSON(_ data: Data, expecting expected: PackageExpectation) -> PackageReading {
        // JSONSerialization also reads UTF-16 and UTF-32 (found from NUL bytes at the start),
        // which `JSONKeyLines` cannot scan. UTF-8 JSON never has a NUL byte (control characters
        // in strings are escaped); JSON in those encodings always has.
        if let nul = data.firstIndex(of: 0) {
            return .problems([PackageProblem(.malformed("not valid JSON: not UTF-8"),
                                             line: JSONKeyLines.line(ofOffset: nul - data.startIndex, in: data))])
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return .problems([PackageProblem(.malformed("not valid JSON"), line: JSONKeyLines.line(of: error, in: data))])
        }
        guard let root = object as? [String: Any] else { return .problems([PackageProblem(.malformed("not a JSON object"))]) }
        guard let template = root["template"] as? String, let templateVersion = root["templateVersion"] as? Int,
              let party = root["party"] as? String, let convention = root["convention"] as? String,
              let exportedText = root["exportedAt"] as? String, let answers = root["answers"] as? [String: Any] else {
            return .problems([PackageProblem(.malformed("template, templateVersion, party, convention, exportedAt and answers are required"))])
        }
        guard let exportedAt = PackageTimestamp.parse(exportedText) else {
            return .problems([PackageProblem(.malformed("exportedAt is not an ISO 8601 timestamp"))])
        }
        var problems = headerProblems(template: template, version: templateVersion, party: party, expected: expected, line: nil)
        var parsed: [String: PackageAnswer] = [:]
        var seen = Set<String>()
        for (questionID, line) in JSONKeyLines.answerKeys(in: data) {
            guard seen.insert(questionID).inserted else {
                problems.append(PackageProblem(.duplicateQuestion, questionID: questionID, line: line))
                continue
            }
            guard let question = expected.template.question(questionID) else {
                problems.append(PackageProblem(.unknownQuestion, questionID: questionID, line: line))
                continue
            }
            guard let entry = answers[questionID],
                  let entryData = try? JSONSerialization.data(withJSONObject: entry, options: .fragmentsAllowed),
                  let answer = try? JSONDecoder().decode(PackageAnswer.self, from: entryData) else {
                problems.append(PackageProblem(.wrongType, questionID: questionID, line: line))
                continue
            }
            if let problem = valueProblem(answer.value, for: question) {
                problems.append(PackageProblem(problem, questionID: questionID, line: line))
                continue
            }
            parsed[questionID] = answer
        }
        if !problems.isEmpty { return .problems(problems) }
        return .package(ReportPackage(template: template, templateVersion: templateVersion, party: party,
                                      convention: convention, exportedAt: exportedAt, answers: parsed))
    }

    static func headerProblems(template: String, version: Int, party: String, expected: PackageExpectation,
                               line: Int?) -> [PackageProblem] {
        var problems: [PackageProblem] = []
        if template != expected.template.id || version != expected.template.version {
            problems.append(PackageProblem(.wrongTemplate(found: "\(template) v\(version)",
                                                          expected: "\(expected.template.id) v\(expected.template.version)"), line: line))
        }
        if party != expected.party {
            problems.append(PackageProblem(.wrongParty(found: party, expected: expected.party), line: line))
        }
        return problems
    }

    static func valueProblem(_ value: AnswerValue, for question: TemplateQuestion) -> PackageProblem.Kind? {
        if value.type != question.type { return .wrongType }
        return AnswerValidation.validate(value, for: question).map { .invalidValue($0) }
    }
}

/// Timestamps in packages: RFC 3339, with or without a fraction of a second.
enum PackageTimestamp {
    static func parse(_ text: String) -> Date? { RFC3339.parse(text) }
}
