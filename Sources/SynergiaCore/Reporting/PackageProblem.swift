/// A problem in an uploaded offline package, naming the question and the line when known.
/// Lines count from 1; in the CSV form a "line" is a CSV record (the header is line 1), which
/// differs from the physical line only after a multi-line quoted value.
public struct PackageProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not valid JSON or CSV, or a required field or column is missing.
        case malformed(String)
        /// The file is not UTF-8 text.
        case notUTF8
        case unknownQuestion
        case duplicateQuestion
        /// The value's type differs from the question's, or cannot be read as that type.
        case wrongType
        /// The value has the right type but does not fit the question.
        case invalidValue(AnswerProblem)
        /// The package is for another template, or another version of it.
        case wrongTemplate(found: String, expected: String)
        case wrongParty(found: String, expected: String)
    }

    public var kind: Kind
    public var questionID: String?
    public var line: Int?

    public init(_ kind: Kind, questionID: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.questionID = questionID
        self.line = line
    }

    public var catalogKey: String {
        switch kind {
        case .malformed: "error.package.malformed"
        case .notUTF8: "error.import.not-utf8"
        case .unknownQuestion: "error.package.unknown-question"
        case .duplicateQuestion: "error.package.duplicate-question"
        case .wrongType: "error.package.wrong-type"
        case .invalidValue(let problem): problem.catalogKey
        case .wrongTemplate: "error.package.wrong-template"
        case .wrongParty: "error.package.wrong-party"
        }
    }

    public var description: String {
        "\(catalogKey)\(questionID.map { " [\($0)]" } ?? "")\(line.map { " line \($0)" } ?? "")"
    }
}
