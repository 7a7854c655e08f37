import Foundation

/// A defect found in a template by `ReportTemplates.validate`.
public struct TemplateProblem: Sendable, Equatable, CustomStringConvertible {
    /// Template id (or `elements` for the element list).
    public var template: String
    /// The section, question or choice id concerned.
    public var subject: String
    public var reason: String
    public init(template: String, subject: String, reason: String) {
        self.template = template
        self.subject = subject
        self.reason = reason
    }
    public var description: String { "\(template): \(subject): \(reason)" }
}

/// Loads and checks the shipped templates in `Resources/Templates`.
public enum ReportTemplates {
    static let folder = "Resources/Templates"
    static let elementsFile = "elements"

    /// All shipped templates, sorted by id. Throws `ResourceError` when a file is missing,
    /// unreadable, or `validate` finds any problem.
    public static func load() throws -> [ReportTemplate] {
        let elements = try loadElements()
        let directory = try elementsURL().deletingLastPathComponent()
        let urls: [URL]
        do {
            urls = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        } catch {
            throw ResourceError(file: folder, reason: "\(error)")
        }
        var templates: [ReportTemplate] = []
        for url in urls where url.pathExtension == "json" && url.deletingPathExtension().lastPathComponent != elementsFile {
            templates.append(try withParts(try decode(ReportTemplate.self, from: url)))
        }
        templates.sort { $0.id < $1.id }
        try check(validate(templates, elements: elements))
        return templates
    }

    /// Earlier versions of the shipped templates, kept in `Resources/Templates/archive/<id>.v<version>.json`
    /// so that a cycle opened with one is still shown, checked and exported against it. Each must
    /// be valid on its own and older than the shipped version of its template.
    public static func loadArchived(current: [ReportTemplate]) throws -> [ReportTemplate] {
        let elements = try loadElements()
        let directory = try elementsURL().deletingLastPathComponent().appendingPathComponent("archive")
        let urls = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        let newest = Dictionary(current.map { ($0.id, $0.version) }, uniquingKeysWith: max)
        var archived: [ReportTemplate] = []
        for url in urls.sorted(by: { $0.path < $1.path }) where url.pathExtension == "json" {
            let template = try withParts(try decode(ReportTemplate.self, from: url))
            var problems = validate([template], elements: elements)
            if url.deletingPathExtension().lastPathComponent != "\(template.id).v\(template.version)" {
                problems.append(.init(template: template.id, subject: url.lastPathComponent, reason: "an archived version is named <id>.v<version>.json"))
            }
            if let shipped = newest[template.id], shipped <= template.version {
                problems.append(.init(template: template.id, subject: "version", reason: "archived version \(template.version) is not older than the shipped \(shipped)"))
            }
            try check(problems)
            archived.append(template)
        }
        return archived
    }

    private static func check(_ problems: [TemplateProblem]) throws {
        if let first = problems.first {
            throw ResourceError(file: "\(folder)/\(first.template).json", reason: "\(problems.count) problem(s), first: \(first)")
        }
    }

    /// The template with the sections of each of its `parts` after its own.
    static func withParts(_ template: ReportTemplate) throws -> ReportTemplate {
        var template = template
        for part in template.parts ?? [] {
            guard part == BinaryQuestionnaire.part else {
                throw ResourceError(file: "\(folder)/\(template.id).json", reason: "unknown template part \(part)")
            }
            template.sections += try BinaryQuestionnaire.sections(for: template.id)
        }
        return template
    }

    /// The shared information elements of `elements.json`.
    public static func loadElements() throws -> [SharedElement] {
        struct File: Decodable { var elements: [SharedElement] }
        return try decode(File.self, from: elementsURL()).elements
    }

    private static func elementsURL() throws -> URL {
        guard let url = Bundle.module.url(forResource: elementsFile, withExtension: "json", subdirectory: folder) else {
            throw ResourceError(file: "\(folder)/\(elementsFile).json", reason: "missing from the bundle")
        }
        return url
    }

    private static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            throw ResourceError(file: "\(folder)/\(url.lastPathComponent)", reason: "\(error)")
        }
    }

    /// Every problem in `templates`: duplicate template, section, question, choice or column ids
    /// (question ids must be unique across all templates); choice questions without choices;
    /// tables without columns or with non-cell column types; element ids not in `elements`, or
    /// a question whose type differs from its element's; duplicate element ids; an indicator on a
    /// question that is not an indicator series, or together with an element. (Whether the
    /// indicator code is in the registry is checked against the registry, in the tests.)
    public static func validate(_ templates: [ReportTemplate], elements: [SharedElement]) -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        var elementTypes: [String: QuestionType] = [:]
        for element in elements {
            if elementTypes.updateValue(element.type, forKey: element.id) != nil {
                problems.append(.init(template: "elements", subject: element.id, reason: "duplicate element id"))
            }
        }
        var templateIDs = Set<String>()
        var ids = Set<String>()
        for template in templates {
            func problem(_ subject: String, _ reason: String) {
                problems.append(.init(template: template.id, subject: subject, reason: reason))
            }
            if !templateIDs.insert(template.id).inserted { problem(template.id, "duplicate template id") }
            if template.version < 1 { problem(template.id, "version must be at least 1") }
            if template.title.english.isEmpty { problem(template.id, "no English title") }
            for section in template.sections {
                if !ids.insert(section.id).inserted { problem(section.id, "duplicate id") }
                if section.questions.isEmpty { problem(section.id, "section has no questions") }
                if section.byNationalTarget == true, !section.questions.contains(where: { $0.target != nil }) {
                    problem(section.id, "a section written per national target asks about no target")
                }
                for question in section.questions {
                    let q = question.id
                    if !ids.insert(q).inserted { problem(q, "duplicate id") }
                    if question.title.english.isEmpty { problem(q, "no English title") }
                    if question.type.needsChoices {
                        let choices = question.choices ?? []
                        if choices.isEmpty { problem(q, "choice question without choices") }
                        if Set(choices.map(\.id)).count != choices.count { problem(q, "duplicate choice id") }
                    } else if question.choices != nil {
                        problem(q, "choices on a \(question.type.rawValue) question")
                    }
                    if question.type == .table {
                        let columns = question.columns ?? []
                        if columns.isEmpty { problem(q, "table without columns") }
                        if Set(columns.map(\.id)).count != columns.count { problem(q, "duplicate column id") }
                        for column in columns where !column.type.isCellType {
                            problem(q, "column \(column.id) has type \(column.type.rawValue), not a cell type")
                        }
                    } else if question.columns != nil {
                        problem(q, "columns on a \(question.type.rawValue) question")
                    }
                    if question.indicator != nil {
                        if question.type != .indicatorSeries { problem(q, "indicator on a \(question.type.rawValue) question") }
                        if question.element != nil { problem(q, "both an element and an indicator") }
                    }
                    for condition in question.enabledWhen ?? [] {
                        problems += conditionProblems(condition, of: q, in: template)
                    }
                    if let element = question.element {
                        if let type = elementTypes[element] {
                            if type != question.type { problem(q, "element \(element) is \(type.rawValue), question is \(question.type.rawValue)") }
                        } else {
                            problem(q, "unknown element \(element)")
                        }
                    }
                }
            }
        }
        return problems
    }

    /// A condition must name an earlier question of the same template that has choices (or is a
    /// yes-or-no question), and only values that question offers.
    static func conditionProblems(_ condition: EnablingCondition, of question: String, in template: ReportTemplate) -> [TemplateProblem] {
        let order = template.questions.map(\.id)
        guard let source = template.question(condition.question),
              let at = order.firstIndex(of: source.id), let mine = order.firstIndex(of: question), at < mine else {
            return [.init(template: template.id, subject: question, reason: "condition on \(condition.question), which is not an earlier question")]
        }
        let offered: Set<String> = source.type == .yesNo ? ["yes", "no"] : Set((source.choices ?? []).map(\.id))
        let unknown = condition.values.filter { !offered.contains($0) }
        if condition.values.isEmpty || !unknown.isEmpty {
            return [.init(template: template.id, subject: question, reason: "condition on \(source.id) with values it does not offer: \(unknown)")]
        }
        return []
    }
}
