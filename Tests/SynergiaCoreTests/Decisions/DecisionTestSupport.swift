import Foundation
import SynergiaTestFixtures
import Testing
@testable import SynergiaCore

/// Fixture loading and lookups shared by the decision-parser tests.
enum DecisionTestSupport {
    static func fixtureURL(_ name: String) throws -> URL { try TestFixtures.url("Decisions", name) }

    static func text(_ name: String) throws -> String { try TestFixtures.decision(name) }

    static let languageFixtures = ["14-30.en.txt", "14-30.fr.txt", "14-30.es.txt", "14-30.ru.txt", "14-30.ar.txt"]
    static let allFixtures = ["XII-6.zh.txt"] + languageFixtures

    static func operative(_ d: ParsedDecision, _ number: Int) throws -> DecisionParagraph {
        try #require(d.paragraphs.first { $0.kind == .operative && $0.number == String(number) })
    }

    static func preambular(_ d: ParsedDecision, section: String? = nil) -> [DecisionParagraph] {
        d.paragraphs.filter { $0.kind == .preambular && (section == nil || $0.section == section) }
    }

    static func verbs(_ actions: [DecisionAction]) -> [String] { actions.map(\.verb) }

    /// Addressees of every action with this verb.
    static func addressees(_ actions: [DecisionAction], _ verb: String) -> [String] {
        actions.filter { $0.verb == verb }.flatMap(\.addressees)
    }

    static func allText(_ d: ParsedDecision) -> String {
        d.paragraphs.map { p in ([p.text] + p.subparagraphs.map(\.text)).joined(separator: "\n") }.joined(separator: "\n")
    }
}
