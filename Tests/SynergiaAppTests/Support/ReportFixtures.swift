import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Vapor

/// Kenya's CBD 7th national report in an open cycle: the CBD secretariat (`cbd@example.org`)
/// opened the cycle and Kenya's CBD focal point (`fp@example.org`) started the report.
func startKenyaCBDReport(_ app: Application) async throws -> ReportModel {
    let secretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
    let focalPoint = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
    let cycle = try await ReportingService.openCycle(template: try app.synergia.templates.template("cbd-7nr"), title: "",
                                                     opensOn: "2026-01-01", dueOn: "2026-12-31", by: secretariat, on: app.db)
    return try await ReportingService.startReport(cycle: cycle, by: focalPoint, on: app.db)
}
