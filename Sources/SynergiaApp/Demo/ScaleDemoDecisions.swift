import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// Generated decisions for load tests and the search benchmark (`synergia seed --scale`): decisions
/// `GEN/1`, `GEN/2`… of the eight conventions in turn, each in the six languages. Their paragraphs are
/// sentences of Synergia's own language catalogs, the same sentences in every language version (so
/// paragraph 3 of the Russian version says what paragraph 3 of the French one says). Titles say they
/// are generated. They are stored as imported decisions are (parsed structure, text) and indexed for
/// search in the same transaction. A second run keeps those already there.
public enum ScaleDemoDecisions {
    public static let symbolPrefix = "GEN/"

    /// Generates decisions `GEN/1`…`GEN/count` that are not there yet; returns how many language versions it stored.
    @discardableResult
    public static func seed(count: Int = 1000, catalogs: Catalogs, on db: any Database, seed: UInt64 = 2026) async throws -> Int {
        let english = catalogs[.english]
        // Whole sentences (no placeholders), long enough to read as text.
        let sentences = english.keys.sorted().filter { key in
            let text = english[key]
            return !text.contains("{") && text.count >= 30 && Language.unOrder.allSatisfy { catalogs[$0].lookup(key).language == $0 }
        }
        guard !sentences.isEmpty else { return 0 }
        let conventions = try await ConventionModel.query(on: db).sort(\.$position).all().map(\.code)
        let existing = Set(try await DecisionModel.query(on: db).filter(\.$symbol >= symbolPrefix).filter(\.$symbol < "GEN0").all().map(\.symbol))
        var stored = 0
        for batch in stride(from: 1, through: count, by: 50) {
            let numbers = (batch..<min(batch + 50, count + 1)).filter { !existing.contains("\(symbolPrefix)\($0)") }
            guard !numbers.isEmpty else { continue }
            stored += try await db.transaction { db in
                var rows = 0
                for number in numbers {
                    var random = DemoRandom(seed: seed &+ UInt64(number))
                    func pick() -> String { sentences[Int(random.next() % UInt64(sentences.count))] }
                    let titleKey = pick()
                    let paragraphKeys = (0..<(6 + Int(random.next() % 5))).map { _ in (0..<(2 + Int(random.next() % 3))).map { _ in pick() } }
                    let convention = conventions.isEmpty ? "CBD" : conventions[number % conventions.count]
                    let year = 2000 + number % 25
                    for language in Language.unOrder {
                        let catalog = catalogs[language]
                        let separator = language == .chinese ? "" : " "
                        let decision = ParsedDecision(
                            symbol: "\(symbolPrefix)\(number)", title: "\(catalog[titleKey]) (generated)", language: language.code,
                            meeting: DecisionMeeting(body: "COP", startDate: "\(year)-10-01", endDate: "\(year)-10-12"),
                            paragraphs: paragraphKeys.enumerated().map { index, keys in
                                DecisionParagraph(kind: .operative, number: String(index + 1), text: keys.map { catalog[$0] }.joined(separator: separator))
                            })
                        let row = DecisionModel()
                        row.symbol = decision.symbol ?? ""
                        row.slug = DecisionImport.slug(row.symbol)
                        row.language = language.code
                        row.conventionCode = convention
                        row.title = decision.title
                        row.meeting = "COP, \(year) (generated)"
                        row.parsed = String(decoding: try CanonicalJSON.encode(decision), as: UTF8.self)
                        row.sourceText = decision.paragraphs.map { "\($0.number ?? ""). \($0.text)" }.joined(separator: "\n")
                        row.warningCount = 0
                        try await row.create(on: db)
                        try await SearchIndex.replace(SearchDocuments.decisionSource(try row.requireID()),
                                                      with: SearchDocuments.decision(row, parsed: decision, items: []), on: db)
                        rows += 1
                    }
                }
                return rows
            }
        }
        return stored
    }
}
