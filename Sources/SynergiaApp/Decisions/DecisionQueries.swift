import Fluent
import Foundation
import SynergiaCore
import Vapor

/// The database reads behind the decision pages and their API twins.
enum DecisionQueries {
    /// Everyone some action item is addressed to (the filter's choices).
    static func addressees(on db: any Database) async throws -> [String] {
        Array(Set(try await ActionItemModel.query(on: db).all().map(\.addressee))).sorted()
    }

    static func summary(_ row: DecisionModel) -> DecisionSummaryDTO {
        DecisionSummaryDTO(symbol: row.symbol, slug: row.slug, convention: row.conventionCode, language: row.language,
                           title: row.title, meeting: row.meeting, actionItemCount: row.$actionItems.value?.count ?? 0,
                           warningCount: row.warningCount)
    }

    /// A decision in one language (`language`, else the page's language, else the first imported).
    static func detail(slug: String, language: String?, today: String, on db: any Database) async throws -> DecisionDetailDTO {
        let versions = try await DecisionModel.query(on: db).filter(\.$slug == slug).with(\.$actionItems).sort(\.$language).all()
        guard let row = versions.first(where: { $0.language == language }) ?? versions.first else { throw Abort(.notFound) }
        let decision = try JSONDecoder().decode(ParsedDecision.self, from: Data(row.parsed.utf8))
        let items = row.actionItems.sorted { $0.position < $1.position }.map { item(row, $0, today: today) }
        let cites = try await DecisionReferenceModel.query(on: db).filter(\.$decision.$id == row.requireID()).all().map(\.reference)
        let citing = try await DecisionReferenceModel.query(on: db).filter(\.$reference == "decision \(row.symbol)")
            .with(\.$decision).all().map(\.decision)
        var seen = Set<String>()
        let citedBy = citing.filter { seen.insert($0.slug).inserted }.map(summary)
        let citedSlugs = Set(cites.compactMap(DecisionView.citedSlug))
        let imported = citedSlugs.isEmpty ? [] : try await DecisionModel.query(on: db).filter(\.$slug ~~ Array(citedSlugs)).all().map(\.slug)
        return DecisionDetailDTO(summary: summary(row), decision: decision, actionItems: items, versions: versions.map(\.language),
                                 cites: Array(Set(cites)).sorted(), citesImported: Array(Set(imported)).sorted(), citedBy: citedBy)
    }

    /// One language version, parsed; 404 when that language is not imported.
    static func version(slug: String, language: String, on db: any Database) async throws -> (row: DecisionModel, decision: ParsedDecision) {
        guard let row = try await DecisionModel.query(on: db).filter(\.$slug == slug).filter(\.$language == language).first() else {
            throw Abort(.notFound)
        }
        return (row, try JSONDecoder().decode(ParsedDecision.self, from: Data(row.parsed.utf8)))
    }

    static func item(_ decision: DecisionModel, _ row: ActionItemModel, today: String) -> ActionItemDTO {
        let open = row.status.isOpen
        return ActionItemDTO(id: row.id!, decision: decision.symbol, decisionSlug: decision.slug, paragraph: row.paragraph,
                             subparagraph: row.subparagraph, verb: row.verb, addressee: row.addressee,
                             deadlines: row.deadlines.split(separator: ",").map(String.init), dueDate: row.dueDate,
                             subjectToResources: row.subjectToResources, status: row.status,
                             overdue: open && (row.dueDate.map { $0 < today } ?? false), notes: row.notes, version: row.version, text: row.text,
                             targets: DecisionTargetMentions.find(in: row.text).map { "\($0.framework)/\($0.code)" })
    }

    /// Action items by addressee, by deadline (due on or before a meeting or date), by status,
    /// or only the overdue ones; ordered by due date, then decision and paragraph.
    static func actionItems(addressee: String?, dueBy: String?, status: ActionItemStatus?, overdue: Bool, today: String,
                            calendar: MeetingCalendar, on db: any Database) async throws -> ActionItemListDTO {
        var limit: String?
        if let dueBy {
            guard let date = calendar.dueDate(of: dueBy) else { throw Abort(.badRequest, reason: "error.unknown-deadline") }
            limit = date
        }
        let query = ActionItemModel.query(on: db).with(\.$decision)
        if let addressee { query.filter(\.$addressee == addressee) }
        if let status { query.filter(\.$status == status) }
        if let limit { query.filter(\.$dueDate <= limit) }
        var items = try await query.all().map { item($0.decision, $0, today: today) }
        if overdue { items = items.filter(\.overdue) }
        items.sort { ($0.dueDate ?? "9999", $0.decision, Int($0.paragraph) ?? 0, $0.subparagraph ?? "") <
                     ($1.dueDate ?? "9999", $1.decision, Int($1.paragraph) ?? 0, $1.subparagraph ?? "") }
        return ActionItemListDTO(addressee: addressee, dueBy: dueBy, status: status, overdue: overdue, count: items.count, items: items)
    }

    static func today() -> String { ISODate.string(Date()) }
}
