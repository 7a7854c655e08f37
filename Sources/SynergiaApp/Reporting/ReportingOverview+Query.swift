import Fluent
import Foundation
import SynergiaCore

extension ReportingOverview {
    /// One page of every reporting cycle, by due date (`GET /api/v1/reporting-cycles`).
    static func cycles(_ page: Pagination, on db: any Database) async throws -> [CycleDTO] {
        try await ReportingCycleModel.query(on: db).sort(\.$dueOn).sort(\.$id).onPage(page).all().map(CycleDTO.init)
    }

    static func query(actor: Actor, templates: ReportingService.Templates, on db: any Database) async throws -> Model {
        let cycles = try await ReportingCycleModel.query(on: db).sort(\.$dueOn, .descending).all()
        var mine: [UUID: ReportModel] = [:]
        if let party = actor.party {
            // The Party's reports the person may read (a CBD focal point does not see the state of the Ramsar draft).
            for report in try await ReportModel.query(on: db).filter(\.$partyCode == party).with(\.$cycle).all() {
                let readable = report.status == .published || ((try? templates.template(of: report.cycle)).map {
                    AuthorizationPolicy.permits(actor, .readDraftReport(party: party, convention: $0.convention))
                } ?? false)
                guard readable else { continue }
                let cycle = report.$cycle.id
                if let seen = mine[cycle], seen.version > report.version { continue }
                mine[cycle] = report
            }
        }
        let published = try await ReportModel.query(on: db).filter(\.$status == .published).with(\.$cycle).all()
        return Model(
            cycles: try cycles.map { cycle in
                let report = try cycle.id.flatMap { mine[$0] }.map { Model.ReportRef(id: try $0.requireID(), status: $0.status, version: $0.version) }
                let canStart = report == nil && cycle.status == .open && actor.party.map {
                    AuthorizationPolicy.permits(actor, .startReport(party: $0, convention: cycle.conventionCode))
                } == true
                return Model.Cycle(cycle: CycleDTO(cycle), myReport: report, canStart: canStart)
            },
            published: try published.map { .init(id: try $0.requireID(), party: $0.partyCode, cycleTitle: $0.cycle.title, version: $0.version) },
            openable: templates.byID.values.filter { AuthorizationPolicy.permits(actor, .manageReportingCycles(convention: $0.convention)) }
                .sorted { $0.id < $1.id }
                .map { .init(id: $0.id, convention: $0.convention, title: $0.title.english, version: $0.version) })
    }
}
