import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Demo accounts (and, as features land, demo content), all visibly marked as demo.
public enum DemoSeed {
    /// The password of every demo account; printed by `serve --demo` and `seed --demo`.
    public static let password = "synergia-demo"

    public struct Account: Sendable {
        public let email: String
        public let displayName: String
        public let role: Role
        public let party: String?
        public let convention: String?
    }

    /// One account per role, around Kenya's reports to the CBD and Ramsar.
    public static let accounts: [Account] = [
        .init(email: "admin@demo.synergia.example", displayName: "Demo administrator", role: .administrator, party: nil, convention: nil),
        .init(email: "cbd-secretariat@demo.synergia.example", displayName: "Demo CBD secretariat", role: .secretariat, party: nil, convention: "CBD"),
        .init(email: "ramsar-secretariat@demo.synergia.example", displayName: "Demo Ramsar secretariat", role: .secretariat, party: nil, convention: "RAMSAR"),
        .init(email: "bureau@demo.synergia.example", displayName: "Demo Bureau member", role: .bureau, party: nil, convention: nil),
        .init(email: "focal-point@demo.synergia.example", displayName: "Demo focal point, Kenya, CBD", role: .focalPoint, party: "KE", convention: "CBD"),
        .init(email: "ramsar-focal-point@demo.synergia.example", displayName: "Demo focal point, Kenya, Ramsar", role: .focalPoint, party: "KE", convention: "RAMSAR"),
        .init(email: "contributor@demo.synergia.example", displayName: "Demo contributor, Kenya", role: .contributor, party: "KE", convention: nil),
        .init(email: "publishing-authority@demo.synergia.example", displayName: "Demo publishing authority, Kenya, CBD",
              role: .publishingAuthority, party: "KE", convention: "CBD"),
    ]

    /// Creates the demo accounts that do not exist yet; returns the ones it created.
    @discardableResult
    public static func seed(on db: any Database, hasher: AsyncPasswordHasher) async throws -> [Account] {
        var created: [Account] = []
        for account in accounts {
            if try await UserModel.query(on: db).filter(\.$email == account.email).first() != nil { continue }
            _ = try await AccountService.create(
                .init(email: account.email, password: password, displayName: account.displayName, role: account.role,
                      party: account.party, convention: account.convention, isDemo: true, createdBy: "demo"),
                hasher: hasher, on: db)
            created.append(account)
        }
        try await importShippedDecisions(on: db)
        try await seedMeetings(on: db)
        try await seedAdvisoryCall(on: db)
        try await seedReportingCycles(on: db)
        try await seedKenyaRamsarDraft(on: db)
        try await seedKenyaAssessments(on: db)
        try await seedKenyaAmendedSixthReport(on: db)
        try await seedKenyaNationalIndicator(on: db)
        try await seedKenyaNationalTargets(on: db)
        // Before the illustrative indicator values: the published 7th report states no indicator series, so those values
        // stay the focal point's imports (with their DEMO source), as the indicator pages and exports show them.
        try await seedKenyaSeventhReport(on: db)
        try await seedKenyaIndicatorData(on: db)
        try await seedKenyaStatement(on: db)
        try await seedAssessmentSpread(on: db)
        try await seedNews(on: db)
        try await seedUpcomingWorkshop(on: db)
        return created
    }

    /// A generated answer marked as demo content: "DEMO — " before a text and each of its translations.
    static func demo(_ value: AnswerValue) -> AnswerValue {
        func marked(_ text: WrittenText) -> WrittenText {
            WrittenText("DEMO — " + text.text, language: text.language, translations: text.translations?.mapValues { "DEMO — " + $0 })
        }
        switch value {
        case .shortText(let text): return .shortText(marked(text))
        case .longText(let text): return .longText(marked(text))
        default: return value
        }
    }

    /// Kenya's Ramsar report, started by its demo focal point, with a DEMO draft of every
    /// required answer (those shared with the CBD report, such as the focal point, show there as
    /// reused), so the report can be taken to submission.
    static func seedKenyaRamsarDraft(on db: any Database) async throws {
        let templates = try ReportingService.Templates.load()
        guard let cycle = try await ReportingCycleModel.query(on: db).filter(\.$templateID == "ramsar-nr-cop15").first(),
              let focalPoint = try await UserModel.query(on: db).filter(\.$email == "ramsar-focal-point@demo.synergia.example").first(),
              try await ReportModel.query(on: db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$partyCode == "KE").first() == nil
        else { return }
        let template = try templates.template(of: cycle)
        let report = try await ReportingService.startReport(cycle: cycle.requireID(), by: focalPoint, on: db)
        var random = DemoRandom(seed: 2026)
        for question in template.questions where question.required && question.indicator == nil {
            let value = demo(ScaleDemoAnswers.answer(for: question, random: &random))
            _ = try await ReportingService.save(value, question: question.id, baseVersion: 0, report: report.requireID(), template: template,
                                                by: focalPoint, writtenIn: .english, on: db)
        }
    }

    /// Three illustrative assessments of KMGBF targets by the demo CBD focal point (marked DEMO;
    /// not Kenya's), so the progress overview, dashboards and their exports have something to show.
    static func seedKenyaAssessments(on db: any Database) async throws {
        guard let focalPoint = try await UserModel.query(on: db).filter(\.$email == "focal-point@demo.synergia.example").first(),
              try await ProgressAssessmentModel.query(on: db).filter(\.$assessedBy == focalPoint.email).count() == 0 else { return }
        for (target, category) in [("1", ProgressCategory.insufficientRate), ("2", .noSignificantChange), ("3", .insufficientRate)] {
            let (framework, row) = try await ProgressReaders.target(framework: "KMGBF", target: target, on: db)
            try await ProgressService.record(.init(cycle: "2026", category: category.rawValue, confidence: Confidence.medium.rawValue,
                                                   evidence: "DEMO — an illustrative assessment, not Kenya's.", indicators: nil),
                                             framework: framework, target: row, by: focalPoint, on: db)
        }
    }

    /// Illustrative published values of two indicators for Kenya (marked DEMO in their source; not
    /// Kenya's data), so the indicator pages, their charts and the SDMX and CSV exports have
    /// something to show: A.3 and 3.1 from 2015 to 2024, and 3.1 by ecosystem in 2020 and 2024.
    static func seedKenyaIndicatorData(on db: any Database) async throws {
        let author = "focal-point@demo.synergia.example"
        guard try await IndicatorValueModel.query(on: db).filter(\.$enteredBy == author).count() == 0 else { return }
        let source = "DEMO — illustrative values, not Kenya's data"
        var points: [IndicatorDataPoint] = []
        for (offset, year) in (2015...2024).enumerated() {
            points.append(IndicatorDataPoint(party: "KE", indicator: "A.3", period: IndicatorPeriod(year: year), value: Double(800 - offset * 3) / 1000,
                                             unit: "index (0-1)", source: source))
            points.append(IndicatorDataPoint(party: "KE", indicator: "3.1", period: IndicatorPeriod(year: year), value: Double(115 + offset * 4) / 10,
                                             unit: "percent", source: source))
        }
        for (year, terrestrial, marine) in [(2020, 13.1, 0.9), (2024, 14.2, 1.6)] {
            points.append(IndicatorDataPoint(party: "KE", indicator: "3.1", period: IndicatorPeriod(year: year), value: terrestrial, unit: "percent",
                                             disaggregation: ["ecosystem": "terrestrial"], source: source))
            points.append(IndicatorDataPoint(party: "KE", indicator: "3.1", period: IndicatorPeriod(year: year), value: marine, unit: "percent",
                                             disaggregation: ["ecosystem": "marine"], source: source))
        }
        try await IndicatorImportService.store(points, by: author, on: db)
    }

    /// A DEMO cycle of the CBD 6th national report in which Kenya's report was submitted, published
    /// and then amended (version 2 is a draft), so the versions and their comparison have something to show.
    /// The cycle is closed afterwards: no other report starts in it.
    static func seedKenyaAmendedSixthReport(on db: any Database) async throws {
        let templates = try ReportingService.Templates.load()
        let template = try templates.template("cbd-6nr")
        guard try await ReportingCycleModel.query(on: db).filter(\.$templateID == template.id).first() == nil,
              let secretariat = try await UserModel.query(on: db).filter(\.$email == "cbd-secretariat@demo.synergia.example").first(),
              let focalPoint = try await UserModel.query(on: db).filter(\.$email == "focal-point@demo.synergia.example").first()
        else { return }
        let cycle = try await ReportingService.openCycle(template: template, title: "DEMO — \(template.title.english)", opensOn: "2018-01-01",
                                                         dueOn: "2018-12-31", by: secretariat, on: db)
        let report = try await ReportingService.startReport(cycle: cycle.requireID(), by: focalPoint, on: db)
        var random = DemoRandom(seed: 2018)
        for question in template.questions where question.required {
            // Its narratives in English, French and Spanish: a reader in either sees their own.
            let value = demo(ScaleDemoAnswers.answer(for: question, random: &random, translated: true))
            // A value shared with the other reports may be there already; then it stays.
            let current = try await ReportingService.answer(to: question, of: report, on: db)
            guard current == nil else { continue }
            _ = try await ReportingService.save(value, question: question.id, baseVersion: 0, report: report.requireID(), template: template,
                                                by: focalPoint, writtenIn: .english, on: db)
        }
        // Approved by Kenya's publishing authority, submitted, then published by the secretariat: its
        // answers are public (and found by search).
        let authority = try await UserModel.query(on: db).filter(\.$email == "publishing-authority@demo.synergia.example").first()
        for step in [ReportStatus.inReview, .approved, .submitted, .published] {
            try await ReportingService.transition(report.requireID(), to: step, templates: templates,
                                                  by: step == .published ? secretariat : step == .approved ? authority ?? focalPoint : focalPoint, on: db)
        }
        _ = try await ReportVersionService.amend(report.requireID(), templates: templates, by: focalPoint, on: db)
        _ = try await ReportingService.closeCycle(cycle.requireID(), by: secretariat, on: db)
    }

    /// Open DEMO reporting cycles of the CBD (7th national report) and Ramsar, so the
    /// demo focal points can start Kenya's reports and see answers reused between them.
    static func seedReportingCycles(on db: any Database) async throws {
        let templates = try ReportingService.Templates.load()
        for (templateID, secretariat) in [("cbd-7nr", "cbd-secretariat@demo.synergia.example"),
                                          ("ramsar-nr-cop15", "ramsar-secretariat@demo.synergia.example")] {
            let template = try templates.template(templateID)
            guard try await ReportingCycleModel.query(on: db).filter(\.$templateID == templateID).first() == nil,
                  let user = try await UserModel.query(on: db).filter(\.$email == secretariat).first() else { continue }
            try await ReportingService.openCycle(template: template, title: "DEMO — \(template.title.english)", opensOn: "2026-01-01",
                                                 dueOn: "2027-02-28", by: user, on: db)
        }
    }

    /// The CBD meetings whose dates are known (`meetings.json`), so deadlines and the calendar have real meetings.
    static func seedMeetings(on db: any Database) async throws {
        let kinds: [String: MeetingKind] = ["COP": .cop, "SBI": .sbi, "SBSTTA": .sbstta]
        for meeting in try MeetingCalendar.load().meetings.values.sorted(by: { $0.start < $1.start }) {
            guard let kind = kinds[String(meeting.id.split(separator: "-")[0])],
                  try await MeetingModel.query(on: db).filter(\.$code == meeting.id).first() == nil else { continue }
            try await MeetingService.create(.init(code: meeting.id, convention: "CBD", kind: kind, title: meeting.name,
                                                  startDate: meeting.start, endDate: meeting.end, place: meeting.place,
                                                  registrationOpen: false, language: .english), on: db)
        }
    }

    /// A demo call for nominations to the advisory group, open for a month, marked as demo.
    static func seedAdvisoryCall(on db: any Database) async throws {
        let title = "DEMO — Call for nominations to the informal advisory group on synergies"
        guard try await AdvisoryCallModel.query(on: db).filter(\.$title == title).first() == nil else { return }
        let call = AdvisoryCallModel()
        call.title = title
        call.mandate = "CBD decision XII/6, paragraph 6"
        call.deadline = Date().addingTimeInterval(30 * 24 * 3600)
        call.closed = false
        try await call.create(on: db)
    }

    /// Imports the decisions shipped with Synergia that are not imported yet.
    public static func importShippedDecisions(on db: any Database) async throws {
        let calendar = try MeetingCalendar.load()
        for name in ShippedDecisions.files {
            do {
                try await DecisionImport.run(text: try ShippedDecisions.text(name), calendar: calendar, on: db)
            } catch DecisionImport.Problem.alreadyImported {
                continue
            }
        }
    }

    /// The lines `serve --demo` prints so a new user can sign in.
    public static var signInHelp: String {
        var lines = ["Demo accounts (password: \(password)):"]
        for account in accounts {
            lines.append("  \(account.email)  — \(account.displayName)")
        }
        return lines.joined(separator: "\n")
    }
}
