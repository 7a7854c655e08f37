import Fluent
import Foundation
import SynergiaCore

/// Indexes everything published already: every decision with its action items, every news item and
/// meeting, and the latest published version of each Party's report in each cycle. Run by the
/// migration that creates the index (for a database from before search) and by
/// `synergia search rebuild` (after a change to what the index holds). Each source is replaced in
/// its own transaction; a source that holds the same documents already is left as it is.
public enum SearchBackfill {
    /// Returns how many sources it went through.
    @discardableResult
    public static func run(templates: ReportingService.Templates, on db: any Database) async throws -> Int {
        var sources = 0
        func replace(_ source: String, _ documents: [SearchDocument]) async throws {
            try await db.transaction { tx in try await SearchIndex.replace(source, with: documents, on: tx) }
            sources += 1
        }
        for decision in try await DecisionModel.query(on: db).with(\.$actionItems).all() {
            let parsed = try JSONDecoder().decode(ParsedDecision.self, from: Data(decision.parsed.utf8))
            try await replace(SearchDocuments.decisionSource(try decision.requireID()),
                              try SearchDocuments.decision(decision, parsed: parsed, items: decision.actionItems.sorted { $0.position < $1.position }))
        }
        for item in try await NewsItemModel.query(on: db).all() {
            try await replace(SearchDocuments.newsSource(try item.requireID()), try SearchDocuments.news(item))
        }
        for meeting in try await MeetingModel.query(on: db).all() {
            let meetingID = try meeting.requireID()
            let agenda = try await AgendaItemModel.query(on: db).filter(\.$meeting.$id == meetingID).all()
            let documents = try await MeetingDocumentModel.query(on: db).filter(\.$meeting.$id == meetingID).all()
            try await replace(SearchDocuments.meetingSource(meeting.code), SearchDocuments.meeting(meeting, agenda: agenda, documents: documents))
        }
        let published = try await ReportModel.query(on: db).filter(\.$status == .published).with(\.$cycle).all()
        var latest: [String: ReportModel] = [:]
        for report in published {
            let key = SearchDocuments.reportSource(cycle: try report.cycle.requireID(), party: report.partyCode)
            if (latest[key]?.version ?? 0) < report.version { latest[key] = report }
        }
        let names = Dictionary(uniqueKeysWithValues: try await PartyModel.query(on: db).all().map { ($0.alpha2, $0.nameEnglish) })
        for (source, report) in latest.sorted(by: { $0.key < $1.key }) {
            let template = try templates.template(of: report.cycle)
            let answers = try await ReportingService.answers(of: report, template: template, on: db)
            try await replace(source, try SearchDocuments.report(report, template: template, answers: answers,
                                                                 partyName: names[report.partyCode] ?? report.partyCode,
                                                                 year: Int(report.cycle.dueOn.prefix(4))))
        }
        return sources
    }
}
