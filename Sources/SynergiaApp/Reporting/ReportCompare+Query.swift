import Fluent
import Foundation
import SynergiaCore
import Vapor

extension ReportCompare {
    /// `loaded` against the version `otherID` of the same Party's report in the same cycle
    /// (404 when it is not one; 401/403 when `actor` may not read it).
    static func query(_ loaded: ReportAccess.Loaded, with otherID: UUID, actor: Actor, on db: any Database) async throws -> Model {
        let (report, template) = loaded.pair
        guard let other = try await ReportModel.query(on: db).filter(\.$id == otherID).with(\.$cycle).first(),
              other.$cycle.id == report.$cycle.id, other.partyCode == report.partyCode else { throw Abort(.notFound) }
        try ReportAccess.requireReadable(other, convention: template.convention, by: actor)
        func side(_ report: ReportModel) async throws -> Model.Side {
            Model.Side(id: try report.requireID(), version: report.version,
                       answers: try await ReportingService.answers(of: report, template: template, on: db).mapValues(\.revision.value))
        }
        return Model(party: report.partyCode, template: template.id, left: try await side(report), right: try await side(other))
    }
}
