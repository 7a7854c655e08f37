import CSV
import Foundation

/// The CSV form of an offline package, for spreadsheet users.
///
/// Header `question_id,section,type,title,value,version`, then five metadata rows whose
/// `question_id` starts with `@` (`@template`, `@template-version`, `@party`, `@convention`,
/// `@exported-at`, value in the `value` column), then one row per template question in template
/// order. `section`, `type` and `title` (English) are for reading only. `value` is plain text for
/// shortText, longText, singleChoice (choice id), number, date, yesNo (`yes`/`no`) and
/// progressAssessment (scale value); JSON for multipleChoice (array of ids), table (array of
/// row objects of typed values), link (`{"url": ...}` or `{"file": ...}`) and indicatorSeries.
/// An empty value means "no answer"; an empty version means 0. A text's `value` is the text as
/// written; its language and translations are not in the CSV (the JSON package carries them), and a
/// CSV imported over an answer leaves them as they are (``WrittenText/keeping(_:writtenIn:)``).
extension ReportPackage {
    static let csvHeader = ["question_id", "section", "type", "title", "value", "version"]

    /// The rows of the CSV form (and of the workbook), header first, cells as written.
    public func rows(template: ReportTemplate) throws -> [[String]] {
        var rows = [Self.csvHeader]
        for (key, value) in [("@template", self.template), ("@template-version", String(templateVersion)), ("@party", party),
                             ("@convention", convention), ("@exported-at", CanonicalJSON.timestamp(exportedAt))] {
            rows.append([key, "", "", "", value, ""])
        }
        for section in template.sections {
            for question in section.questions {
                let answer = answers[question.id]
                rows.append([question.id, section.id, question.type.rawValue, question.title.english,
                             try answer.map { try CSVValue.text(of: $0.value) } ?? "",
                             answer.map { String($0.version) } ?? ""])
            }
        }
        return rows
    }

    /// The package as an `.xlsx` workbook: the CSV form's rows on one sheet (a workbook's cells are
    /// never formulas, so nothing needs neutralizing), for reading and sharing in a spreadsheet.
    public func xlsx(template: ReportTemplate) throws -> Data {
        try XLSXWriter.write([SpreadsheetSheet(name: self.template, rows: try rows(template: template).map { $0.map { .text($0) } })])
    }

    /// The CSV text of this package, one row per question of `template`.
    public func csv(template: ReportTemplate) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        // Every cell is neutralized so that a spreadsheet never runs it as a formula, in a form the
        // reader reverses exactly (``SpreadsheetCSV/reversiblyNeutralized(_:)``).
        for row in try rows(template: template) { try writer.write(row: row.map(SpreadsheetCSV.reversiblyNeutralized)) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads the CSV form, with the same checks as `parseJSON`.
    public static func parseCSV(_ text: String, expecting expected: PackageExpectation) -> PackageReading {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            return .problems([PackageProblem(.malformed("not valid CSV: \(error)"), line: 1)])
        }
        let header = reader.headerRow ?? []
        var index: [String: Int] = [:]
        for (position, name) in header.enumerated() { index[name.trimmingCharacters(in: .whitespaces)] = position }
        guard let idColumn = index["question_id"], let valueColumn = index["value"], let versionColumn = index["version"] else {
            return .problems([PackageProblem(.malformed("header needs question_id, value and version"), line: 1)])
        }
        var meta: [String: (value: String, line: Int)] = [:]
        var problems: [PackageProblem] = []
        var answers: [String: PackageAnswer] = [:]
        var seen = Set<String>()
        var line = 1
        while let row = reader.next() {
            line += 1
            func field(_ column: Int) -> String { column < row.count ? SpreadsheetCSV.restored(row[column]) : "" }
            let questionID = field(idColumn).trimmingCharacters(in: .whitespaces)
            if questionID.isEmpty, row.allSatisfy({ $0.isEmpty }) { continue }
            if questionID.hasPrefix("@") {
                meta[questionID] = (field(valueColumn), line)
                continue
            }
            guard seen.insert(questionID).inserted else {
                problems.append(PackageProblem(.duplicateQuestion, questionID: questionID, line: line))
                continue
            }
            guard let question = expected.template.question(questionID) else {
                problems.append(PackageProblem(.unknownQuestion, questionID: questionID, line: line))
                continue
            }
            let versionText = field(versionColumn).trimmingCharacters(in: .whitespaces)
            guard let version = versionText.isEmpty ? 0 : Int(versionText), version >= 0 else {
                problems.append(PackageProblem(.malformed("version is not a whole number"), questionID: questionID, line: line))
                continue
            }
            let valueText = field(valueColumn)
            if valueText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            guard let value = CSVValue.parse(valueText, as: question.type) else {
                problems.append(PackageProblem(.wrongType, questionID: questionID, line: line))
                continue
            }
            if let problem = valueProblem(value, for: question) {
                problems.append(PackageProblem(problem, questionID: questionID, line: line))
                continue
            }
            answers[questionID] = PackageAnswer(value: value, version: version)
        }
        if let error = reader.error { problems.append(PackageProblem(.malformed("not valid CSV: \(error)"), line: line)) }
        guard let template = meta["@template"], let versionRow = meta["@template-version"], let party = meta["@party"],
              let convention = meta["@convention"], let exported = meta["@exported-at"] else {
            return .problems([PackageProblem(.malformed("rows @template, @template-version, @party, @convention and @exported-at are required"))] + problems)
        }
        guard let templateVersion = Int(versionRow.value.trimmingCharacters(in: .whitespaces)) else {
            return .problems([PackageProblem(.malformed("@template-version is not a number"), line: versionRow.line)] + problems)
        }
        guard let exportedAt = PackageTimestamp.parse(exported.value.trimmingCharacters(in: .whitespaces)) else {
            return .problems([PackageProblem(.malformed("@exported-at is not an ISO 8601 timestamp"), line: exported.line)] + problems)
        }
        var header_ = headerProblems(template: template.value, version: templateVersion, party: party.value,
                                     expected: expected, line: nil)
        for i in header_.indices {
            if case .wrongParty = header_[i].kind { header_[i].line = party.line } else { header_[i].line = template.line }
        }
        problems = header_ + problems
        if !problems.isEmpty { return .problems(problems) }
        return .package(ReportPackage(template: template.value, templateVersion: templateVersion, party: party.value,
                                      convention: convention.value, exportedAt: exportedAt, answers: answers))
    }
}

/// Values in the CSV `value` column.
enum CSVValue {
    static func text(of value: AnswerValue) throws -> String {
        switch value {
        case .shortText(let written), .longText(let written): return written.text
        case .singleChoice(let s), .date(let s): return s
        case .yesNo(let b): return b ? "yes" : "no"
        case .number(let n): return number(n)
        case .progressAssessment(let rating): return rating.rawValue
        case .multipleChoice(let ids): return try json(ids)
        case .table(let rows): return try json(rows)
        case .link(let link): return try json(link)
        case .indicatorSeries(let points): return try json(points)
        }
    }

    static func number(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
    }

    /// The value of `type` written as `text`, or nil when it cannot be read as that type.
    static func parse(_ text: String, as type: QuestionType) -> AnswerValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        func decode<T: Decodable>(_: T.Type) -> T? { try? JSONDecoder().decode(T.self, from: Data(trimmed.utf8)) }
        switch type {
        case .shortText: return .shortText(WrittenText(text))
        case .longText: return .longText(WrittenText(text))
        case .singleChoice: return .singleChoice(trimmed)
        case .date: return .date(trimmed)
        case .number: return Double(trimmed).map { .number($0) }
        case .yesNo:
            switch trimmed.lowercased() {
            case "yes", "true": return .yesNo(true)
            case "no", "false": return .yesNo(false)
            default: return nil
            }
        case .progressAssessment: return ProgressRating(rawValue: trimmed).map { .progressAssessment($0) }
        case .multipleChoice: return decode([String].self).map { .multipleChoice($0) }
        case .table: return decode([[String: AnswerValue]].self).map { .table($0) }
        case .link: return decode(LinkTarget.self).map { .link($0) }
        case .indicatorSeries: return decode([SeriesPoint].self).map { .indicatorSeries($0) }
        }
    }
}
