import Fluent
import Foundation
import SQLKit
import SynergiaCore

/// Demo content that makes the platform look lived in on its first start: assessments from many
/// Parties, news of the past weeks and a workshop ahead, all dated from the day the demo is made
/// and all marked DEMO (nothing in them is a Party's or a secretariat's real statement).
extension DemoSeed {
    /// Who the generated assessments are recorded by.
    static let assessmentAuthor = "demo-assessments@demo.synergia.example"

    /// Illustrative assessments of every KMGBF target, cycle 2026, by seven Parties of each regional group,
    /// so the progress overview and every target's dashboard show a spread across the regions.
    static func seedAssessmentSpread(on db: any Database) async throws {
        guard let framework = try await FrameworkModel.query(on: db).filter(\.$code == "KMGBF").with(\.$targets).first() else { return }
        // Seven Parties of each regional group (the first by code; Kenya has its own).
        var parties: [String] = []
        var taken: [String: Int] = [:]
        for party in try await PartyModel.query(on: db).sort(\.$alpha2).all() where party.alpha2 != "KE" {
            guard let group = party.regionalGroup, taken[group, default: 0] < 7 else { continue }
            taken[group, default: 0] += 1
            parties.append(party.alpha2)
        }
        let targets = framework.targets.sorted { $0.position < $1.position }.map(\.code)
        let assessments = ScaleDemoData.assessments(parties: parties, frameworks: [("KMGBF", targets)], cycles: ["2026"], seed: 12)
        let now = Date()
        // One write: checked, stored and each one logged together, as ProgressService records one.
        try await db.write { tx in
            guard try await ProgressAssessmentModel.query(on: tx.db).filter(\.$assessedBy == assessmentAuthor).count() == 0 else { return }
            for start in stride(from: 0, to: assessments.count, by: 500) {
                try await tx.sql.insert(into: ProgressAssessmentModel.schema)
                    .columns("id", "party_code", "framework", "target", "cycle", "category", "confidence", "evidence", "indicators",
                             "assessed_by", "updated_at")
                    .rows(assessments[start..<min(start + 500, assessments.count)].map { a in
                        [SQLBind(UUID()), SQLBind(a.party), SQLBind(a.framework), SQLBind(a.target), SQLBind(a.cycle),
                         SQLBind(a.category.rawValue), SQLBind(a.confidence.rawValue),
                         SQLBind("DEMO — generated for the demo, not \(a.party)'s assessment."), SQLBind(""),
                         SQLBind(assessmentAuthor), SQLBind(now)] as [any SQLExpression]
                    }).run()
            }
            for a in assessments {
                try await AuditLog.record(tx, actor: assessmentAuthor, action: "progress.assessed",
                                          subject: .assessment(party: a.party, framework: a.framework, target: a.target, cycle: a.cycle),
                                          after: a.category.rawValue)
            }
        }
    }

    /// News of the past weeks from the CBD and Ramsar secretariats, the Ramsar one in each of the six
    /// languages, and an event ahead, each dated from today.
    static func seedNews(now: Date = Date(), on db: any Database) async throws {
        guard let cbd = try await UserModel.query(on: db).filter(\.$email == "cbd-secretariat@demo.synergia.example").first(),
              let ramsar = try await UserModel.query(on: db).filter(\.$email == "ramsar-secretariat@demo.synergia.example").first(),
              try await NewsItemModel.query(on: db).filter(\.$title ~~ "DEMO").count() == 0 else { return }
        let day: TimeInterval = 86_400
        let workshop = ISODate.string(now.addingTimeInterval(42 * day))
        let items: [(UserModel, NewsService.Form, Language, TimeInterval)] = [
            (cbd, .init(convention: "CBD", kind: "news", title: "DEMO — The reporting cycle of the seventh national reports is open",
                        summary: "DEMO — Focal points can now start their Party's report on Synergia; answers shared with the Ramsar report are entered once and reused."),
             .english, 20 * day),
            (ramsar, .init(convention: "RAMSAR", kind: "news", title: "DEMO — Wetlands in national reports: one answer for two conventions",
                           summary: "DEMO — How the wetland questions of the Ramsar national report and the CBD national report share their answers on Synergia."),
             .english, 9 * day),
            (ramsar, .init(convention: "RAMSAR", kind: "news", title: "DEMO — Les zones humides dans les rapports nationaux",
                           summary: "DEMO — Une seule réponse pour les questions sur les zones humides communes aux rapports de la Convention de Ramsar et de la CDB."),
             .french, 6 * day),
            (ramsar, .init(convention: "RAMSAR", kind: "news", title: "DEMO — Los humedales en los informes nacionales",
                           summary: "DEMO — Las respuestas sobre humedales se introducen una vez y sirven al informe de Ramsar y al del CDB."),
             .spanish, 5 * day),
            (ramsar, .init(convention: "RAMSAR", kind: "news", title: "DEMO — Водно-болотные угодья в национальных докладах",
                           summary: "DEMO — Ответы о водно-болотных угодьях вводятся один раз и служат докладам по Рамсарской конвенции и по КБР."),
             .russian, 4 * day),
            (ramsar, .init(convention: "RAMSAR", kind: "news", title: "DEMO — الأراضي الرطبة في التقارير الوطنية",
                           summary: "DEMO — تُدخل الإجابات المتعلقة بالأراضي الرطبة مرة واحدة وتخدم تقريري اتفاقية رامسار واتفاقية التنوع البيولوجي."),
             .arabic, 3 * day),
            (ramsar, .init(convention: "RAMSAR", kind: "news", title: "DEMO — 国家报告中的湿地",
                           summary: "DEMO — 关于湿地的答复只需填写一次，即可同时用于《拉姆萨尔公约》和《生物多样性公约》的国家报告。"),
             .chinese, 2 * day),
            (cbd, .init(convention: "CBD", kind: "event", title: "DEMO — Online workshop: reporting once for the biodiversity-related conventions",
                        summary: "DEMO — An online workshop for national focal points on the shared questions of the national reports.",
                        eventDate: workshop),
             .english, 1 * day),
        ]
        var posted: [NewsItemModel] = []
        for (user, form, language, ago) in items {
            posted.append(try await NewsService.post(form, language: language, by: user, at: now.addingTimeInterval(-ago), on: db))
        }
        // The opening of the cycle in French and Spanish too: readers in either see their own.
        try await translate(.news, posted[0].requireID().uuidString, [
            ("title", .french, "DEMO — Le cycle de présentation des septièmes rapports nationaux est ouvert"),
            ("summary", .french, "DEMO — Les correspondants nationaux peuvent désormais commencer le rapport de leur Partie sur Synergia ; "
                + "les réponses communes au rapport Ramsar sont saisies une fois et réutilisées."),
            ("title", .spanish, "DEMO — Se abre el ciclo de presentación de los séptimos informes nacionales"),
            ("summary", .spanish, "DEMO — Los coordinadores nacionales ya pueden comenzar el informe de su Parte en Synergia; "
                + "las respuestas compartidas con el informe de Ramsar se introducen una vez y se reutilizan."),
        ], at: now, on: db)
    }

    /// Demo translations of a record's fields, written as the demo's own.
    static func translate(_ kind: TranslatedKind, _ subject: String, _ texts: [(field: String, language: Language, text: String)],
                          at now: Date, on db: any Database) async throws {
        try await db.write { tx in
            for (field, language, text) in texts {
                try await ContentTranslationStore.insert(kind, subject: subject, field: field, language: language, text: text, by: "demo", at: now,
                                                         on: tx.db)
            }
            try await ContentTranslationStore.reindex(kind, subject: subject, in: tx)
        }
    }

    /// A national indicator of Kenya's, defined by its focal point in English, with its name and
    /// definition in French too: the indicators page lists it and its translations page is reachable.
    static func seedKenyaNationalIndicator(now: Date = Date(), on db: any Database) async throws {
        guard try await NationalIndicatorModel.query(on: db).filter(\.$code == "KE-DEMO-FOREST").first() == nil,
              let focalPoint = try await UserModel.query(on: db).filter(\.$email == "focal-point@demo.synergia.example").first() else { return }
        _ = try await NationalIndicatorService.add(.init(
            localCode: "DEMO-FOREST", name: "DEMO — Tree cover on gazetted forest land", unit: "percent",
            definition: "DEMO — The share of gazetted forest land under tree cover; illustrative, not Kenya's indicator.",
            globalIndicators: "10.2", targets: "KMGBF/10"), by: focalPoint, writtenIn: .english, registry: try IndicatorRegistry.load(), on: db)
        try await translate(.nationalIndicator, "KE-DEMO-FOREST", [
            ("name", .french, "DEMO — Couvert arboré des forêts classées"),
            ("definition", .french, "DEMO — La part des forêts classées couverte d’arbres ; donnée d’illustration, pas un indicateur du Kenya."),
        ], at: now, on: db)
    }

    /// Kenya's focal point says there is no data yet for headline indicator 2.2 (area under
    /// restoration, as decision 15/5 numbers it), with a reason marked DEMO, so Kenya's dashboard and the indicator's page for
    /// Kenya show what a statement looks like.
    static func seedKenyaStatement(on db: any Database) async throws {
        // Made once: not again after it was withdrawn or data took its place (the audit says it was made),
        // nor beside Kenya's values for 2.2 (generated at scale, say).
        guard try await AuditEntryModel.query(on: db).filter(\.$action == "indicator-statement.made")
                .filter(\.$subject == AuditSubject.series(party: "KE", indicator: "2.2").description).count() == 0,
              try await IndicatorValueModel.query(on: db).filter(\.$partyCode == "KE").filter(\.$indicator == "2.2").count() == 0,
              let focalPoint = try await UserModel.query(on: db).filter(\.$email == "focal-point@demo.synergia.example").first() else { return }
        let input = IndicatorStatementInput(kind: .noData, reason: "DEMO — The national restoration inventory reports in 2027; an illustrative statement, not Kenya's.")
        _ = try await IndicatorStatementService.state(input, indicator: "2.2", by: focalPoint, writtenIn: .english,
                                                      registry: try IndicatorRegistry.load(), on: db)
    }

    /// An online workshop six weeks ahead, open for registration, so the calendar and the meetings
    /// feed have something upcoming.
    static func seedUpcomingWorkshop(now: Date = Date(), on db: any Database) async throws {
        guard try await MeetingModel.query(on: db).filter(\.$code == "DEMO-WORKSHOP").first() == nil else { return }
        let day: TimeInterval = 86_400
        try await MeetingService.create(.init(
            code: "DEMO-WORKSHOP", convention: "CBD", kind: .workshop,
            title: "DEMO — Online workshop: reporting once for the biodiversity-related conventions",
            startDate: ISODate.string(now.addingTimeInterval(42 * day)), endDate: ISODate.string(now.addingTimeInterval(43 * day)),
            onlineLink: "https://synergia.example/demo-workshop", capacity: 200, registrationOpen: true,
            description: "DEMO — For national focal points: the questions the national reports of the CBD and Ramsar share, and how each answer is entered once.",
            createdBy: "demo", language: .english), on: db)
        // Its title and description in French and Spanish too: readers in either see their own.
        try await translate(.meeting, "DEMO-WORKSHOP", [
            ("title", .french, "DEMO — Atelier en ligne : faire rapport une seule fois pour les conventions relatives à la diversité biologique"),
            ("title", .spanish, "DEMO — Taller en línea: informar una sola vez para los convenios relacionados con la diversidad biológica"),
            ("description", .french, "DEMO — Pour les correspondants nationaux : les questions communes aux rapports nationaux de la CDB et de Ramsar, "
                + "et comment chaque réponse n’est saisie qu’une fois."),
            ("description", .spanish, "DEMO — Para los coordinadores nacionales: las preguntas que comparten los informes nacionales del CDB y de Ramsar, "
                + "y cómo cada respuesta se introduce una sola vez."),
        ], at: now, on: db)
    }
}
