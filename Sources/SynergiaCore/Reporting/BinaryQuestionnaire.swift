import Foundation

/// The binary indicator questionnaire of the GBF monitoring framework, as the CBD Secretariat's
/// online reporting tool asks it: one group per goal or target with a binary indicator, numbered
/// questions with their options, and the conditions that enable some of them. Read from
/// `Resources/Reference/kmgbf-binary/` (`questions.json` and `texts.{ar,en,es,fr,ru,zh}.json`,
/// see `../shared/data/README.md` for their source; `texts-supplement.json` holds our translations
/// of the three texts the source has in English only) and turned into template sections.
public enum BinaryQuestionnaire {
    /// The part's name in a template's `parts`.
    public static let part = "kmgbf-binary"
    static let folder = "Resources/Reference/kmgbf-binary"

    /// One group of `questions.json`: a goal or target (`GBF-TARGET-01`, `GBF-GOAL-B`).
    struct Group: Decodable {
        var key: String
        var target: String
        var binaryIndicator: String
        var questions: [Entry]
    }

    /// A question, or a header (`type` `header` or absent) whose `questions` follow it.
    struct Entry: Decodable {
        var key: String
        /// The group the question belongs to, when it is listed in another too.
        var section: String?
        var number: String?
        var type: String?
        var titleKey: String?
        var multiple: Bool?
        var mandatory: Bool?
        var options: [Option]?
        var validations: [Validation]?
        var questions: [Entry]?
    }

    struct Option: Decodable { var value: String; var titleKey: String }

    /// "Enable `question` when this one has one of `values`" (`trigger` `enable`).
    struct Validation: Decodable { var question: String; var type: String; var values: [String]; var trigger: String }

    /// The questionnaire's sections for template `template` (question ids `<template>.bin.<key>`),
    /// in the order of the source; each question reports on its KMGBF goal or target.
    public static func sections(for template: String) throws -> [TemplateSection] {
        let groups: [Group] = try decode("questions")
        var texts: [String: [String: String]] = [:]
        for language in Language.allCases {
            // A text file also has `#meta` (hashes of the English texts its translators worked from).
            let name = "texts.\(language.rawValue)"
            let object = try JSONSerialization.jsonObject(with: try data(name)) as? [String: Any]
            texts[language.rawValue] = object?.compactMapValues { $0 as? String }
        }
        // Three texts the source has in English only, in our own translation (`texts-supplement.json` says so).
        let supplement = try JSONSerialization.jsonObject(with: try data("texts-supplement")) as? [String: Any] ?? [:]
        for case let (key, translations as [String: String]) in supplement {
            for (language, text) in translations where texts[language]?[key] == nil { texts[language]?[key] = text }
        }
        return try sections(groups, texts: texts, template: template)
    }

    static func sections(_ groups: [Group], texts: [String: [String: String]], template: String) throws -> [TemplateSection] {
        func text(_ key: String, prefix: String = "") throws -> LocalizedText {
            var values: [String: String] = [:]
            for (language, table) in texts { if let value = table[key] { values[language] = prefix + value } }
            guard values["en"] != nil else { throw ResourceError(file: "\(folder)/texts.en.json", reason: "no text for \(key)") }
            return LocalizedText(values)
        }
        func id(_ key: String) -> String { "\(template).bin.\(key)" }
        // The source lists on a question the questions it enables; a template question lists what enables it.
        var enablers: [String: [EnablingCondition]] = [:]
        func collect(_ entries: [Entry]) throws {
            for entry in entries {
                for validation in entry.validations ?? [] {
                    guard validation.trigger == "enable", validation.type == "@hasValues" else {
                        throw ResourceError(file: "\(folder)/questions.json", reason: "\(entry.key): unknown condition \(validation.type) \(validation.trigger)")
                    }
                    enablers[validation.question, default: []].append(EnablingCondition(question: id(entry.key), values: validation.values))
                }
                try collect(entry.questions ?? [])
            }
        }
        for group in groups { try collect(group.questions) }

        // Goal C's binary indicator is Target 13's (KMGBF-INDICATOR-BIN-C-13): its questions, listed
        // in both groups, belong to the group their `section` names, and are asked and answered once, there.
        let groupKeys = Set(groups.map(\.key))
        var asked = Set<String>()
        return try groups.compactMap { group -> TemplateSection? in
            let target = try reference(group.target)
            var questions: [TemplateQuestion] = []
            func add(_ entries: [Entry], parentNumber: String?, lead: LocalizedText?) throws {
                var lead = lead
                for entry in entries where !asked.contains(entry.key) {
                    if let home = entry.section, home != group.key, groupKeys.contains(home) { continue }
                    asked.insert(entry.key)
                    // "(a)" under "1.1" is "1.1 (a)"; "22.1(a)(other)" under "22.1" is already whole, and
                    // shown "22.1(a)" (an English word in a number would stand untranslated in every
                    // language; the title, "Please specify", says it is the "other" of (a)).
                    let own = (entry.number ?? "").replacingOccurrences(of: "(other)", with: "")
                    let number = own.isEmpty ? "" : parentNumber.map { own.hasPrefix($0) ? own : "\($0) \(own)" } ?? own
                    let prefix = number.isEmpty ? "" : number + " "
                    guard let titleKey = entry.titleKey else {
                        throw ResourceError(file: "\(folder)/questions.json", reason: "\(entry.key) has no title")
                    }
                    if let children = entry.questions, !children.isEmpty {
                        // A header: its text leads its first question, its number prefixes theirs.
                        try add(children, parentNumber: entry.number, lead: try text(titleKey, prefix: prefix))
                        continue
                    }
                    let type: QuestionType
                    switch entry.type {
                    case "option": type = entry.multiple == true ? .multipleChoice : .singleChoice
                    case "checkbox": type = .multipleChoice
                    case "string": type = .shortText
                    default: throw ResourceError(file: "\(folder)/questions.json", reason: "\(entry.key): unknown type \(entry.type ?? "none")")
                    }
                    let choices = try entry.options.map { options in
                        try options.map { TemplateChoice(id: $0.value, label: try text($0.titleKey)) }
                    }
                    questions.append(TemplateQuestion(id: id(entry.key), type: type, title: try text(titleKey, prefix: prefix),
                                                      required: entry.mandatory ?? false, choices: type.needsChoices ? choices : nil,
                                                      target: target, enabledWhen: enablers[entry.key], lead: lead))
                    lead = nil
                }
            }
            try add(group.questions, parentNumber: nil, lead: nil)
            guard !questions.isEmpty else { return nil }
            return TemplateSection(id: id(sectionKey(group.target)), title: title(of: target), questions: questions, part: part)
        }
    }

    /// `GBF-TARGET-01` → KMGBF target `1`; `GBF-GOAL-B` → KMGBF goal `B`.
    static func reference(_ code: String) throws -> TargetReference {
        if code.hasPrefix("GBF-TARGET-"), let number = Int(code.dropFirst("GBF-TARGET-".count)) {
            return TargetReference(framework: "KMGBF", code: "\(number)")
        }
        if code.hasPrefix("GBF-GOAL-") { return TargetReference(framework: "KMGBF", code: String(code.dropFirst("GBF-GOAL-".count))) }
        throw ResourceError(file: "\(folder)/questions.json", reason: "unknown goal or target \(code)")
    }

    static func sectionKey(_ code: String) -> String {
        let target = try? reference(code)
        return target.map { Int($0.code) != nil ? "target-\($0.code)" : "goal-\($0.code.lowercased())" } ?? code
    }

    /// "Binary indicators: Target 1", "Indicateurs binaires : objectif B", as the KMGBF's official
    /// texts name its goals and targets in each language.
    static func title(of target: TargetReference) -> LocalizedText {
        let code = target.code
        if Int(code) != nil {
            return LocalizedText(["en": "Binary indicators: Target \(code)", "fr": "Indicateurs binaires : cible \(code)",
                                  "es": "Indicadores binarios: meta \(code)", "ru": "Бинарные показатели: целевая задача \(code)",
                                  "ar": "المؤشرات الثنائية: الغاية \(code)", "zh": "二元指标：行动目标\(code)"])
        }
        let arabicLetters = ["A": "ألف", "B": "باء", "C": "جيم", "D": "دال"]
        return LocalizedText(["en": "Binary indicators: Goal \(code)", "fr": "Indicateurs binaires : objectif \(code)",
                              "es": "Indicadores binarios: objetivo \(code)", "ru": "Бинарные показатели: цель \(code)",
                              "ar": "المؤشرات الثنائية: الهدف \(arabicLetters[code] ?? code)", "zh": "二元指标：长期目标\(code)"])
    }

    private static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: folder),
              let data = try? Data(contentsOf: url) else {
            throw ResourceError(file: "\(folder)/\(name).json", reason: "not in the package's resources")
        }
        return data
    }

    private static func decode<T: Decodable>(_ name: String) throws -> T {
        let data = try data(name)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ResourceError(file: "\(folder)/\(name).json", reason: "\(error)")
        }
    }
}
