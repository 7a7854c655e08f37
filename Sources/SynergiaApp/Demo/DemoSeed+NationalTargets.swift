import Fluent
import Foundation
import SynergiaCore

extension DemoSeed {
    /// Illustrative national targets of Kenya (marked DEMO: not Kenya's own), written by its focal
    /// point: two published, aligned to GBF Targets 3 and 1 and serving Ramsar targets, so the
    /// CBD 7th report, the Ramsar report, the synergy page, the progress dashboards and the target
    /// pages show them (DEMO-T3 with a document); one draft, seen only by Kenya's users.
    static func seedKenyaNationalTargets(on db: any Database) async throws {
        // Not beside targets Kenya's users wrote themselves, nor for a focal point who is no longer one.
        guard let focalPoint = try await UserModel.query(on: db).filter(\.$email == "focal-point@demo.synergia.example").first(),
              AuthorizationPolicy.permits(focalPoint.actor, .publishNationalTargets(party: "KE")),
              try await NationalTargetModel.query(on: db).filter(\.$partyCode == "KE").all().allSatisfy({ $0.code.hasPrefix("DEMO-") })
        else { return }
        let lookups = try await NationalTargetService.lookups(party: "KE", registry: try IndicatorRegistry.load(), on: db)
        let targets: [(code: String, form: NationalTargetForm, publish: Bool)] = [
            ("DEMO-T3", NationalTargetForm(
                title: "DEMO — By 2030, 30% of land, inland waters and coastal and marine areas are effectively conserved",
                description: "DEMO — An illustrative national target, not one Kenya adopted: it shows how a target is aligned once and reported everywhere.",
                degrees: ["3": "high", "A": "medium"], elements: ["3": "Protected areas and OECMs on land, inland waters and the sea", "A": ""],
                indicators: ["3.1", "KE-DEMO-FOREST"], otherTargets: ["RAMSAR-SP4/5", "RAMSAR-SP4/6"], progress: "insufficientRate",
                progressSummary: "DEMO — Illustrative progress: the coverage of protected areas grew, not yet at the rate the target needs."), true),
            ("DEMO-T1", NationalTargetForm(
                title: "DEMO — All areas are under biodiversity-inclusive spatial planning",
                description: "DEMO — An illustrative national target, not one Kenya adopted.",
                degrees: ["1": "high"], elements: ["1": "Participatory, integrated spatial planning of land and sea"],
                indicators: ["A.1"], otherTargets: ["RAMSAR-SP4/9"], progress: "onTrack",
                progressSummary: "DEMO — Illustrative progress: county spatial plans now name the wetlands they protect."), true),
            ("DEMO-T8", NationalTargetForm(
                title: "DEMO — Climate adaptation plans protect ecosystems' resilience",
                description: "DEMO — A draft: only Kenya's users see it.", degrees: ["8": "low"]), false),
        ]
        // Each made once, by its code (a start that stopped half-way finishes the rest); published once.
        for target in targets {
            var row = try await NationalTargetService.find(party: "KE", code: target.code, drafts: true, on: db)
            if row == nil {
                row = try await NationalTargetService.create(code: target.code, try lookups.parse(target.form, language: .english), party: "KE",
                                                             by: focalPoint, on: db)
            }
            if let row, target.publish, row.status == .draft, row.version == 1 {
                _ = try await NationalTargetService.publish(party: "KE", code: row.code, baseVersion: row.version, by: focalPoint, on: db)
            }
        }
        // A document of DEMO-T3, once, while it is as the demo published it (version 2): what a target's page and its download look like.
        if let t3 = try await NationalTargetService.find(party: "KE", code: "DEMO-T3", drafts: true, on: db), t3.version == 2,
           try await NationalTargetDocumentModel.query(on: db).filter(\.$targetID == t3.requireID()).count() == 0 {
            let text = Data("DEMO — An illustrative document of a national target: not a text Kenya adopted.\n".utf8)
            _ = try await NationalTargetDocuments.attach(text, try AttachmentCheck.check(text, filename: "DEMO target note.txt").get(), party: "KE",
                                                         code: "DEMO-T3", baseVersion: t3.version, by: focalPoint, on: db)
        }
    }

    /// Kenya's CBD 7th national report (DEMO answers, not Kenya's): version 1 answers every required
    /// question — the GBF binary questionnaire among them — cites a file on the national targets and
    /// states its progress per national target (DEMO-T3 and DEMO-T1); approved by Kenya's publishing
    /// authority, submitted and published, so Kenya's dashboard and the GBF targets' dashboards show
    /// its binary answers. Then amended: version 2, a draft with the same answers, for the reader to work on.
    static func seedKenyaSeventhReport(on db: any Database) async throws {
        let templates = try ReportingService.Templates.load()
        guard let cycle = try await ReportingCycleModel.query(on: db).filter(\.$templateID == "cbd-7nr").filter(\.$status == .open).first(),
              let focalPoint = try await UserModel.query(on: db).filter(\.$email == "focal-point@demo.synergia.example").first(),
              let secretariat = try await UserModel.query(on: db).filter(\.$email == "cbd-secretariat@demo.synergia.example").first(),
              AuthorizationPolicy.permits(focalPoint.actor, .startReport(party: "KE", convention: "CBD")),
              try await ReportModel.query(on: db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$partyCode == "KE").first() == nil
        else { return }
        let template = try templates.template(of: cycle)
        let report = try await ReportingService.startReport(cycle: cycle.requireID(), by: focalPoint, on: db)
        let reportID = try report.requireID()
        _ = try await AttachmentService.attach(Data("DEMO — An illustrative file of Kenya's national targets, not Kenya's own.\n".utf8),
                                               filename: "DEMO national targets.txt", question: "cbd-7nr.s1.q5", baseVersion: 0,
                                               report: reportID, templates: templates, by: focalPoint, on: db)
        var random = DemoRandom(seed: 2030)
        var answers: [String: AnswerValue] = [:]
        for question in template.questions where question.required && question.id != "cbd-7nr.s1.q5" {
            var value = seventhReportAnswers[question.id] ?? demo(ScaleDemoAnswers.answer(for: question, random: &random))
            if value.isBlank, case .multipleChoice = value, let first = question.choices?.first { value = .multipleChoice([first.id]) }
            answers[question.id] = value
        }
        // Only what is asked as these answers stand (1.2 is not, after "No" throughout 1.1), and not what the published
        // national targets answer for (GBF Targets 1 and 3).
        let published = try await NationalTargetService.list(party: "KE", drafts: false, on: db).map { NationalTargetCoverage(code: $0.code, $0.content) }
        for (question, value) in template.askedAnswers(answers, nationalTargets: published).sorted(by: { $0.key < $1.key }) {
            _ = try await ReportingService.save(value, question: question, baseVersion: 0, report: reportID, template: template,
                                                by: focalPoint, writtenIn: .english, on: db)
        }
        let authority = try await UserModel.query(on: db).filter(\.$email == "publishing-authority@demo.synergia.example").first()
        do {
            for step in [ReportStatus.inReview, .approved, .submitted, .published] {
                try await ReportingService.transition(reportID, to: step, templates: templates,
                                                      by: step == .published ? secretariat : step == .approved ? authority ?? focalPoint : focalPoint, on: db)
            }
        } catch is SubmissionRefused {
            // Kenya's users changed its national targets (one published unassessed): the report stays a draft for them.
            return
        }
        _ = try await ReportVersionService.amend(reportID, templates: templates, by: focalPoint, on: db)
    }

    /// Answers of the demo 7th report chosen rather than generated: Kenya is not landlocked (it has a
    /// coast on the Indian Ocean), so the sea-use question 1.1 (c) is asked; the spatial-planning
    /// answers of 1.1 are "No" (illustrative), so 1.2 is not, and the conditional questions show as
    /// the reader changes them.
    static let seventhReportAnswers: [String: AnswerValue] = [
        "cbd-7nr.bin.1": .singleChoice("no"), "cbd-7nr.bin.1_1_a": .singleChoice("no"), "cbd-7nr.bin.1_1_b": .singleChoice("no"),
        "cbd-7nr.bin.1_1_c": .singleChoice("no"),
    ]
}
