import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Generated reports at scale")
struct ScaleDemoSeedTests {
    @Test("each Party gets a half-answered draft in a generated cycle of every template; shared elements are stored once per Party")
    func reports() async throws {
        try await withSynergia { app in
            try await ScaleDemoSeed.seed(on: app.db, indicators: app.synergia.indicators, partyLimit: 3)
            let made = try await ScaleDemoSeed.seedReports(on: app.db, templates: app.synergia.templates, partyLimit: 3)
            #expect(made == 3 * 5)
            #expect(try await ScaleDemoSeed.seedReports(on: app.db, templates: app.synergia.templates, partyLimit: 3) == 0)
            let elements = try await ElementValueModel.query(on: app.db).all()
            #expect(Set(elements.map { "\($0.partyCode)/\($0.elementID)" }).count == elements.count)

            let report = try #require(try await ReportModel.query(on: app.db).join(ReportingCycleModel.self, on: \ReportModel.$cycle.$id == \ReportingCycleModel.$id)
                .filter(ReportingCycleModel.self, \.$templateID == "cbd-7nr").sort(\.$partyCode).first())
            let template = try app.synergia.templates.template("cbd-7nr")
            let answers = try await ReportingService.answers(of: report, template: template, on: app.db)
            #expect(answers.count > template.questions.count / 4 && answers.count < template.questions.count * 3 / 4)
            #expect(answers["cbd-7nr.s3.q3"]?.indicator == "A.3", "the indicator question shows the generated indicator data")

            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: report.partyCode, convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let page = try await browser.get("/reports/\(report.id!)")
            #expect(page.status == .ok && page.contains("Generated"))
        }
    }
}
