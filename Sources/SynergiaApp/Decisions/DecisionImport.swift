import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Parses a decision's text and stores it with its action items and references, in one
/// transaction: a decision is imported whole or not at all.
public enum DecisionImport {
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case noSymbol
        case alreadyImported(symbol: String, language: String)
        case unknownConvention(String)
        public var description: String {
            switch self {
            case .noSymbol: "no decision symbol (such as XII/6) was found in the text; nothing imported"
            case .alreadyImported(let symbol, let language): "decision \(symbol) in \(language) is imported already; nothing changed"
            case .unknownConvention(let code): "no convention has the code \(code)"
            }
        }
    }


    @discardableResult
    public static func run(text: String, convention: String = "CBD", calendar: MeetingCalendar, on db: any Database) async throws -> DecisionModel {
        let decision = DecisionParser.parse(text)
        guard let symbol = decision.symbol else { throw Problem.noSymbol }
        let convention = convention.uppercased()
        guard try await ConventionModel.query(on: db).filter(\.$code == convention).first() != nil else {
            throw Problem.unknownConvention(convention)
        }
        if try await DecisionModel.query(on: db).filter(\.$conventionCode == convention).filter(\.$symbol == symbol)
            .filter(\.$language == decision.language).first() != nil {
            throw Problem.alreadyImported(symbol: symbol, language: decision.language)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let parsed = String(decoding: try encoder.encode(decision), as: UTF8.self)
        return try await db.transaction { db in
            let row = DecisionModel()
            row.symbol = symbol
            row.slug = slug(symbol)
            row.language = decision.language
            row.conventionCode = convention
            row.title = decision.title
            row.meeting = decision.meeting.map { meeting in
                [meeting.session.map { "\(meeting.body)-\($0)" } ?? meeting.body, meeting.place, meeting.dates].compactMap { $0 }.joined(separator: ", ")
            }
            row.parsed = parsed
            row.sourceText = text
            row.warningCount = decision.warnings.count
            try await row.create(on: db)
            let decisionID = try row.requireID()

            let items = DecisionActionItems.drafts(from: decision).enumerated().map { position, draft in
                let item = ActionItemModel()
                item.$decision.id = decisionID
                item.paragraph = draft.paragraph
                item.subparagraph = draft.subparagraph
                item.position = position
                item.verb = draft.verb
                item.addressee = draft.addressee
                item.deadlines = draft.deadlines.joined(separator: ",")
                item.dueDate = draft.deadlines.compactMap(calendar.dueDate(of:)).min()
                item.subjectToResources = draft.subjectToResources
                item.text = draft.text
                item.status = .pending
                item.notes = ""
                item.version = 0
                return item
            }
            if !items.isEmpty { try await items.create(on: db) }

            var references: [DecisionReferenceModel] = []
            for paragraph in decision.paragraphs {
                let all = paragraph.references + paragraph.subparagraphs.flatMap(\.references)
                for reference in Set(all).sorted() {
                    let model = DecisionReferenceModel()
                    model.$decision.id = decisionID
                    model.reference = reference
                    model.paragraph = paragraph.number ?? ""
                    references.append(model)
                }
            }
            if !references.isEmpty { try await references.create(on: db) }
            try await SearchIndex.replace(SearchDocuments.decisionSource(decisionID),
                                          with: SearchDocuments.decision(row, parsed: decision, items: items), on: db)
            return row
        }
    }

    /// `XII/6` → `XII-6`, for URLs.
    public static func slug(_ symbol: String) -> String {
        symbol.replacingOccurrences(of: "/", with: "-")
    }
}
