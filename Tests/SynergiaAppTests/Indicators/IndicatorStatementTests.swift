import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// "No data" and "not relevant", each with its reason: what a Party says of an indicator it has
/// no values for, as the CBD's reporting asks.
@Suite("A Party's statement on an indicator without data")
struct IndicatorStatementTests {
    static func statements(_ app: Application) async throws -> [IndicatorStatementModel] {
        try await IndicatorStatementModel.query(on: app.db).all()
    }

    @Test("a focal point says Kenya has no data for 3.1, with the reason: shown on the indicator's page for Kenya and on Kenya's dashboard, audited; then withdrawn")
    func stateAndWithdraw() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let page = try await browser.get("/indicators/3.1?party=KE")
            #expect(page.contains("id=\"statement-form\""))
            let saved = try await browser.post("/indicators/3.1/statement", ["kind": "no-data", "reason": "The national <survey> runs in 2027."])
            #expect(saved.status == .seeOther && saved.location == "/indicators/3.1?party=KE")
            let shown = try await Browser(app).get("/indicators/3.1?party=KE")
            #expect(shown.contains("id=\"indicator-statement\"") && shown.contains("No data</strong>: "))
            #expect(shown.contains("The national &lt;survey&gt; runs in 2027.") && !shown.contains("<survey>"))
            #expect(!shown.contains("id=\"statement-form\""), "the public sees the statement, not the form")
            let dashboard = try await Browser(app).get("/api/v1/parties/KE/progress")
            #expect(dashboard.contains("\"kind\":\"no-data\"") && dashboard.contains("runs in 2027"))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "indicator-statement.made").count() == 1)

            // Changed: one statement per Party and indicator, the earlier one replaced.
            #expect(try await browser.post("/indicators/3.1/statement", ["kind": "not-relevant", "reason": "Kenya has no marine areas of that kind."]).status == .seeOther)
            #expect(try await Self.statements(app).map(\.kind) == [.notRelevant])
            #expect(try await browser.post("/indicators/3.1/statement", ["withdraw": "1"]).status == .seeOther)
            #expect(try await Self.statements(app).isEmpty)
            #expect(!(try await Browser(app).get("/indicators/3.1?party=KE")).contains("id=\"indicator-statement\""))
        }
    }

    @Test("refused, changing nothing: no reason, an unknown kind, a reason too long, a Party that has published values, an account without a Party, a stranger, another Party's national indicator")
    func refusals() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.post("/indicators/3.1/statement", ["kind": "no-data", "reason": "   "]).status == .unprocessableEntity)
            #expect(try await browser.post("/indicators/3.1/statement", ["kind": "unknown", "reason": "x"]).status == .unprocessableEntity)
            #expect(try await browser.post("/indicators/3.1/statement", ["kind": "no-data",
                                                                        "reason": String(repeating: "x", count: IndicatorStatementInput.maxReason + 1)]).status == .unprocessableEntity)
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,A.3,2022,0.78,,,,,IUCN,\n"
            #expect(try await browser.post("/indicators/import", ["text": csv, "format": "plain"]).status == .ok)
            let hasData = try await browser.post("/indicators/A.3/statement", ["kind": "no-data", "reason": "None."])
            #expect(hasData.status == .unprocessableEntity && hasData.contains("published values"))

            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.post("/indicators/3.1/statement", ["kind": "no-data", "reason": "Not ours to say."]).status == .forbidden)
            #expect(try await Browser(app).post("/indicators/3.1/statement", ["kind": "no-data", "reason": "Anyone?"]).status != .seeOther)

            // Uganda's focal point speaks for Uganda only: a national indicator of Kenya is not theirs (404).
            try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            let kenyan = try await NationalIndicatorService.add(.init(localCode: "FOREST", name: "Forest cover"), by: try #require(
                try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first()), writtenIn: .english,
                registry: app.synergia.indicators, on: app.db)
            let uganda = Browser(app)
            try await uganda.signIn("ug@example.org")
            #expect(try await uganda.post("/indicators/\(kenyan.code)/statement", ["kind": "no-data", "reason": "x"]).status == .notFound)
            #expect(try await Self.statements(app).isEmpty)
        }
    }

    @Test("data imported for the indicator takes the statement's place, in the import's own transaction, with an audit entry")
    func dataSupersedes() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.post("/indicators/A.3/statement", ["kind": "no-data", "reason": "Pending the Red List update."]).status == .seeOther)
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,A.3,2022,0.78,,,,,IUCN,\n"
            #expect(try await browser.post("/indicators/import", ["text": csv, "format": "plain"]).status == .ok)
            #expect(try await Self.statements(app).isEmpty)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "indicator-statement.superseded").count() == 1)
        }
    }

    @Test("a published report that states the indicator's series takes the statement's place too")
    func publicationSupersedes() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.post("/indicators/A.3/statement", ["kind": "no-data", "reason": "Pending the Red List update."]).status == .seeOther)
            #expect(try await browser.post("/reports/\(report.id!)/answers/cbd-7nr.s3.q3", ["value": "2015, 0.81\n2020, 0.79", "baseVersion": "0"]).status == .seeOther)
            #expect(try await Self.statements(app).count == 1, "a draft's series is not published data: the statement stands")
            try await fillRequiredAnswers(app, report: report.id!, by: "fp@example.org")
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            for step in [ReportStatus.inReview, .approved, .submitted, .published] {
                try await ReportingService.transition(report.requireID(), to: step, templates: app.synergia.templates,
                                                      by: step == .published ? secretariat : focalPoint, on: app.db)
            }
            #expect(try await Self.statements(app).isEmpty)
            #expect(try await Browser(app).get("/indicators/A.3/data.csv?party=KE").contains("KE,A.3,2020,0.79"))
        }
    }

    @Test("two focal points of Kenya state at once, and an import runs at the same moment: one statement or none, never a statement beside data")
    func simultaneous() async throws {
        try await withSynergia { app in
            for email in ["fp1@example.org", "fp2@example.org"] {
                try await makeUser(app, email: email, role: .focalPoint, party: "KE", convention: "CBD")
            }
            let first = Browser(app), second = Browser(app)
            try await first.signIn("fp1@example.org")
            try await second.signIn("fp2@example.org")
            let csv = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,A.3,2022,0.78,,,,,IUCN,\n"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                group.addTask { try await first.post("/indicators/A.3/statement", ["kind": "no-data", "reason": "First"]).status }
                group.addTask { try await second.post("/indicators/A.3/statement", ["kind": "not-relevant", "reason": "Second"]).status }
                group.addTask { try await first.post("/indicators/import", ["text": csv, "format": "plain"]).status }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .seeOther || $0 == .ok || $0 == .unprocessableEntity }, "\(statuses)")
            let values = try await IndicatorValueModel.query(on: app.db).filter(\.$partyCode == "KE").filter(\.$indicator == "A.3").count()
            #expect(values == 1)
            #expect(try await Self.statements(app).isEmpty, "the data is there: no statement that there is none")
        }
    }
}
