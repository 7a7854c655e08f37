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

    /// Kenya's CBD 7th national report, started by its focal point with a file as one answer, and
    /// left for the reader to write: its progress section shows Kenya's national targets under GBF Targets 1 and 3.
    static func seedKenyaSeventhReport(on db: any Database) async throws {
        guard let cycle = try await ReportingCycleModel.query(on: db).filter(\.$templateID == "cbd-7nr").filter(\.$status == .open).first(),
              let focalPoint = try await UserModel.query(on: db).filter(\.$email == "focal-point@demo.synergia.example").first(),
              AuthorizationPolicy.permits(focalPoint.actor, .startReport(party: "KE", convention: "CBD"))
        else { return }
        var report = try await ReportModel.query(on: db).filter(\.$cycle.$id == cycle.requireID()).filter(\.$partyCode == "KE").first()
        let started = report == nil
        if report == nil { report = try await ReportingService.startReport(cycle: cycle.requireID(), by: focalPoint, on: db) }
        // A file as the answer on the national targets (section 1), so the report shows one: made with the report, or
        // on a later start if that first attempt did not finish (nothing answered there yet, no file in the report).
        guard let report, let reportID = report.id, report.status == .draft else { return }
        let files = try await AttachmentModel.query(on: db).filter(\.$reportID == reportID).count()
        let answered = try await AnswerModel.query(on: db).filter(\.$report.$id == reportID).filter(\.$questionID == "cbd-7nr.s1.q5").count()
        guard started || (files == 0 && answered == 0) else { return }
        _ = try await AttachmentService.attach(Data("DEMO — An illustrative file of Kenya's national targets, not Kenya's own.\n".utf8),
                                               filename: "DEMO national targets.txt", question: "cbd-7nr.s1.q5", baseVersion: 0,
                                               report: reportID, templates: try ReportingService.Templates.load(), by: focalPoint, on: db)
    }
}
