import Fluent
import Foundation
import Logging
import SynergiaCore
import Vapor

/// Indexes everything published already: every decision with its action items, every news item and
/// meeting, and the latest published version of each Party's report in each cycle. Run by the
/// migration that creates the index (for a database from before search) and by
/// `synergia search rebuild` (after a change to what the index holds).
///
/// Each source is read and replaced in one transaction, under the lock its own writes take (the
/// meeting's row; the rows of the Party's reports in the cycle), so a document added or a version
/// published meanwhile is never replaced by what was read before it. A source that cannot be read
/// (a decision whose stored structure no longer decodes, a cycle whose template is no longer
/// shipped) is skipped and named in the log; the others go on.
public enum SearchBackfill {
    /// Returns how many sources it went through.
    @discardableResult
    public static func run(templates: ReportingService.Templates, on db: any Database, logger: Logger = Logger(label: "synergia.search")) async throws -> Int {
        var sources = 0
        func each(_ source: String, _ body: @escaping @Sendable (WriteContext) async throws -> [SearchDocument]?) async throws {
            do {
                try await db.write { tx in
                    guard let documents = try await body(tx) else { return }
                    try await SearchIndex.replace(source, with: documents, on: tx.db)
                }
                sources += 1
            } catch let error as DecodingError {
                logger.warning("search: \(source) skipped: \(String(describing: error))")
            } catch let error as any AbortError {
                logger.warning("search: \(source) skipped: \(error.reason)")
            }
        }
        for id in try await DecisionModel.query(on: db).all(\.$id) {
            try await each(SearchDocuments.decisionSource(id)) { tx in
                guard let decision = try await DecisionModel.query(on: tx.db).filter(\.$id == id).with(\.$actionItems).first() else { return nil }
                let parsed = try JSONDecoder().decode(ParsedDecision.self, from: Data(decision.parsed.utf8))
                return try SearchDocuments.decision(decision, parsed: parsed, items: decision.actionItems.sorted { $0.position < $1.position })
            }
        }
        for id in try await NewsItemModel.query(on: db).all(\.$id) {
            try await each(SearchDocuments.newsSource(id)) { tx in
                guard let item = try await NewsItemModel.find(id, on: tx.db) else { return nil }
                return try SearchDocuments.news(item, translations: try await ContentTranslationStore.load(.news, subjects: [id.uuidString], on: tx.db)[id.uuidString] ?? [:])
            }
        }
        for meeting in try await MeetingModel.query(on: db).all() {
            let meetingID = try meeting.requireID()
            try await each(SearchDocuments.meetingSource(meeting.code)) { tx in
                try await tx.lock(MeetingModel.schema, where: "id", equals: meetingID)
                guard let meeting = try await MeetingModel.find(meetingID, on: tx.db) else { return nil }
                return try await MeetingService.searchDocuments(meeting, on: tx.db)
            }
        }
        struct Published: Hashable { var cycle: UUID; var party: String }
        let published = Set(try await ReportModel.query(on: db).filter(\.$status == .published).all()
            .map { Published(cycle: $0.$cycle.id, party: $0.partyCode) })
        for key in published.sorted(by: { ($0.cycle.uuidString, $0.party) < ($1.cycle.uuidString, $1.party) }) {
            try await each(SearchDocuments.reportSource(cycle: key.cycle, party: key.party)) { tx in
                // As publication does: the Party's versions in the cycle locked, the latest published one read.
                try await tx.lock(ReportModel.schema, where: "cycle_id", equals: key.cycle, and: "party_code", equals: key.party)
                guard let report = try await ReportModel.query(on: tx.db).filter(\.$cycle.$id == key.cycle).filter(\.$partyCode == key.party)
                    .filter(\.$status == .published).sort(\.$version, .descending).with(\.$cycle).first() else { return nil }
                let template = try templates.template(of: report.cycle)
                let answers = try await ReportingService.answers(of: report, template: template, on: tx.db)
                return try await SearchDocuments.publishedReport(report, cycle: report.cycle, template: template, answers: answers, on: tx.db)
            }
        }
        return sources
    }
}
