import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// The indicator-series question type: a value entered in a report is the Party's draft of its
/// indicator data, shared with its other reports and imports, and public only once the report is
/// published; imported data appears in the report.
@Suite("Indicator series answered in a report feed the shared indicator data")
struct IndicatorSeriesQuestionTests {
    @Test("a series entered in a draft report stays private; an import shows in the report; publication makes the series public")
    func reportFeedsIndicatorData() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let form = try await browser.get("/reports/\(report.id!)")
            #expect(form.contains("href=\"/indicators/A.3\""), "the question names the indicator it feeds")

            let saved = try await browser.post("/reports/\(report.id!)/answers/cbd-7nr.s3.q3",
                                               ["value": "2015, 0.81\n2020, 0.79\n2016-2019, 0.80", "baseVersion": "0"])
            #expect(saved.status == .seeOther)
            // A draft: not in the published data, not on the public indicator page or its export.
            #expect(try await IndicatorValueModel.query(on: app.db).filter(\.$indicator == "A.3").count() == 0)
            #expect(!(try await Browser(app).get("/indicators/A.3?party=KE").contains("0.79")))
            #expect(!(try await Browser(app).get("/indicators/A.3/data.csv").contains("0.79")))
            let draft = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(report.id!)")
            #expect(draft.answers.first { $0.question == "cbd-7nr.s3.q3" }?.value
                    == .indicatorSeries([SeriesPoint(period: "2015", value: 0.81), SeriesPoint(period: "2016-2019", value: 0.80),
                                         SeriesPoint(period: "2020", value: 0.79)]))

            // An import by the Party's statistics office is published at once and shows in the report, at a new version.
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let stats = Browser(app)
            try await stats.signIn("stats@example.org")
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,A.3,2022,0.78,,,,,IUCN,\n"
            #expect(try await stats.post("/indicators/import", ["text": csv, "format": "plain"]).status == .ok)
            #expect(try await Browser(app).get("/indicators/A.3/data.csv").contains("KE,A.3,2022,0.78"))
            let json = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(report.id!)")
            let answer = try #require(json.answers.first { $0.question == "cbd-7nr.s3.q3" })
            #expect(answer.indicator == "A.3" && answer.version == 2)
            #expect(answer.value == .indicatorSeries([SeriesPoint(period: "2015", value: 0.81), SeriesPoint(period: "2016-2019", value: 0.80),
                                                      SeriesPoint(period: "2020", value: 0.79), SeriesPoint(period: "2022", value: 0.78)]))

            // An edit based on the series before the import is shown the conflict, and changes nothing.
            let stale = try await browser.post("/reports/\(report.id!)/answers/cbd-7nr.s3.q3", ["value": "2015, 0.9", "baseVersion": "1"])
            #expect(stale.status == .conflict)

            // Saved on the current version, the report's list replaces the draft (periods left out are removed).
            #expect(try await browser.post("/reports/\(report.id!)/answers/cbd-7nr.s3.q3",
                                           ["value": "2015, 0.81\n2022, 0.77", "baseVersion": "2"]).status == .seeOther)

            // Published, the report's series becomes the Party's published data, and the draft is gone.
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            for step in ["in-review", "approved", "submitted"] {
                #expect(try await browser.post("/reports/\(report.id!)/transition", ["to": step]).status == .seeOther, "\(step)")
            }
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.post("/reports/\(report.id!)/transition", ["to": "published"]).status == .seeOther)
            let after = try await IndicatorValueModel.query(on: app.db).filter(\.$indicator == "A.3").sort(\.$periodStart).all()
            #expect(after.map(\.period) == ["2015", "2022"] && after.map(\.value) == [0.81, 0.77])
            #expect(try await app.db.sql.select().column("id").from(IndicatorDraftValues.table).all().isEmpty)
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
        }
    }

    @Test("a period that is not a year or a range of years is refused and nothing is stored")
    func badPeriod() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let page = try await browser.post("/reports/\(report.id!)/answers/cbd-7nr.s3.q3", ["value": "last year, 0.8", "baseVersion": "0"])
            #expect(page.status == .unprocessableEntity && page.contains("2016-2020"))
            #expect(try await IndicatorValueModel.query(on: app.db).count() == 0)
            #expect(try await app.db.sql.select().column("id").from(IndicatorDraftValues.table).all().isEmpty)
        }
    }
}
