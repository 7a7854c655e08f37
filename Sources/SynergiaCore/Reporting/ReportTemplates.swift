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
            templates.append(try decode(ReportTemplate.self, from: url))
        }
        templates.sort { $0.id < $1.id }
        let problems = validate(templates, elements: elements)
        if let first = problems.first {
            throw ResourceError(file: "\(folder)/\(first.template).json", reason: "\(problems.count) problem(s), first: \(first)")
        }
        return templates
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
}
