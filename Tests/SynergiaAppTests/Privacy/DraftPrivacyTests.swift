import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor

/// Drafts are private by construction: what is saved in an unpublished report (its answers, the
/// shared values and indicator series entered in it) and what is internal to any report (its
/// comments, its assignments, a nominee's CV) reaches no public page, feed, export or API. The
/// test visits every GET route of the app, with real values in its parameters, as the public.
@Suite("Drafts and internal notes reach no public route")
struct DraftPrivacyTests {
    static let markers = ["ZQXOWNDRAFT", "ZQXTRANSLATIONDRAFT", "ZQXELEMENTDRAFT", "987654.321", "ZQXCOMMENT", "ZQXSUBMITTED", "ZQXCVTEXT", "contributor@example.org",
                          "ZQXNATIONALDRAFT", "ZQXATTACHMENT"]

    @Test("a marker saved in a draft, a submitted report, a comment, an assignment or a CV is on no public route")
    func noPublicRouteShowsIt() async throws {
        try await withSynergia { app in
            let draft = try await startKenyaCBDReport(app)
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let template = try app.synergia.templates.template("cbd-7nr")
            func save(_ value: AnswerValue, _ question: String, _ report: UUID) async throws {
                let current = try await ReportingService.answer(to: try #require(template.question(question)),
                                                                of: try #require(try await ReportModel.find(report, on: app.db)), on: app.db)
                _ = try await ReportingService.save(value, question: question, baseVersion: current?.revision.version ?? 0, report: report,
                                                    template: template, by: focalPoint, on: app.db)
            }
            // The draft: its own answer, a shared element, an indicator series, a comment and an assignment.
            try await save(.longText(WrittenText("ZQXOWNDRAFT", language: .english, translations: [.french: "ZQXTRANSLATIONDRAFT"])),
                           "cbd-7nr.s1.q2", draft.id!)
            try await save(.shortText("ZQXELEMENTDRAFT"), "cbd-7nr.s1.q1", draft.id!)
            try await save(.indicatorSeries([SeriesPoint(period: "2021", value: 987654.321)]), "cbd-7nr.s3.q3", draft.id!)
            try await CollaborationService.addComment("ZQXCOMMENT", question: "cbd-7nr.s1.q2", report: draft.id!,
                                                      templates: app.synergia.templates, by: focalPoint, on: app.db)
            try await CollaborationService.assign(section: "cbd-7nr.s1", to: "contributor@example.org", report: draft.id!,
                                                  templates: app.synergia.templates, by: focalPoint, on: app.db)

            // A file attached to the draft, and a draft national target (code "3", as the routes' `target` below).
            let attachment = try await AttachmentService.attach(Data("ZQXATTACHMENT notes".utf8), filename: "notes.txt", question: "cbd-7nr.s1.q5",
                                                                baseVersion: 0, report: draft.id!, templates: app.synergia.templates,
                                                                by: focalPoint, on: app.db)
            let draftTarget = try await NationalTargetService.create(code: "3", NationalTargetContent(
                title: "ZQXNATIONALDRAFT", alignments: [TargetAlignment(target: .init(framework: "KMGBF", code: "3"), degree: .high)],
                progressSummary: "ZQXNATIONALDRAFT"),
                                                       party: "KE", by: focalPoint, on: app.db)
            let document = try AttachmentCheck.check(Data("ZQXATTACHMENT decree".utf8), filename: "decree.txt").get()
            guard case .saved = try await NationalTargetDocuments.attach(Data("ZQXATTACHMENT decree".utf8), document, party: "KE", code: "3",
                                                                          baseVersion: draftTarget.version, by: focalPoint, on: app.db) else {
                Issue.record("the document was not attached"); return
            }
            let draftDocument = try #require(try await NationalTargetDocumentModel.query(on: app.db).first()?.id)

            // Kenya's Ramsar report: submitted (not published) with a marker, and published later with a comment.
            let ramsarSecretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            let ramsarFocalPoint = try await makeUser(app, email: "fp-ramsar@example.org", role: .focalPoint, party: "KE", convention: "RAMSAR")
            let ramsarTemplate = try app.synergia.templates.template("ramsar-nr-cop15")
            let cycle = try await ReportingService.openCycle(template: ramsarTemplate, title: "", opensOn: "2026-01-01", dueOn: "2026-12-31",
                                                             by: ramsarSecretariat, on: app.db)
            let submitted = try await ReportingService.startReport(cycle: try cycle.requireID(), by: ramsarFocalPoint, on: app.db)
            let narrative = try #require(ramsarTemplate.questions.first { $0.type == .longText && $0.element == nil && !$0.required })
            _ = try await ReportingService.save(.longText("ZQXSUBMITTED"), question: narrative.id, baseVersion: 0, report: submitted.id!,
                                                template: ramsarTemplate, by: ramsarFocalPoint, on: app.db)
            try await CollaborationService.addComment("ZQXCOMMENT on Ramsar", question: narrative.id, report: submitted.id!,
                                                      templates: app.synergia.templates, by: ramsarFocalPoint, on: app.db)
            try await fillRequiredAnswers(app, report: submitted.id!, by: "fp-ramsar@example.org")
            for step in [ReportStatus.inReview, .approved, .submitted] {
                try await ReportingService.transition(submitted.id!, to: step, templates: app.synergia.templates, by: ramsarFocalPoint, on: app.db)
            }

            // A nominee's CV.
            let call = try await AdvisoryService.createCall(title: "Advisory group", mandate: "XII/6", deadline: Date(timeIntervalSinceNow: 86_400),
                                                            by: try await makeUser(app, email: "bureau@example.org", role: .bureau), on: app.db)
            try await AdvisoryService.nominate(call: try call.requireID(), by: focalPoint, candidateName: "A. Candidate", expertise: "wetlands",
                                               languages: "en", cv: "ZQXCVTEXT", on: app.db)

            // A news item, so its page and JSON are visited too.
            let news = try await NewsService.post(.init(convention: "RAMSAR", kind: "news", title: "Wetlands", summary: "Public news."),
                                                  language: .english, by: ramsarSecretariat, on: app.db)

            var visited: [String] = []
            var unreached: [String] = []
            let ids = ["report": [draft.id!.uuidString, submitted.id!.uuidString], "id": [call.id!.uuidString], "news": [news.id!.uuidString],
                       "question": ["cbd-7nr.s1.q2", narrative.id],
                       "attachment": [attachment.id.uuidString], "document": [draftDocument.uuidString]]
            for route in app.routes.all where route.method == .GET {
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                guard let paths = Self.paths(for: route.path, ids: ids) else { unreached.append(pattern); continue }
                for path in paths {
                    for suffix in ["", "?party=KE"] {
                        let page = try await Browser(app).get(path + suffix)
                        visited.append(path + suffix)
                        #expect(page.status.code < 500, "\(path + suffix) answered \(page.status)")
                        for marker in Self.markers {
                            #expect(!page.body.contains(marker), "\(path + suffix) shows \(marker) to the public")
                        }
                    }
                }
            }
            #expect(unreached.isEmpty, "GET routes with parameters the test does not know: \(unreached)")
            #expect(visited.count > 80)

            // The same pages show it to those who may read the drafts (the test would find the markers if they leaked).
            let reader = Browser(app)
            try await reader.signIn("fp@example.org")
            let own = try await reader.get("/reports/\(draft.id!)")
            #expect(own.contains("ZQXOWNDRAFT") && own.contains("ZQXELEMENTDRAFT") && own.contains("ZQXCOMMENT"))
            let section = try await reader.get("/reports/\(draft.id!)/sections/cbd-7nr.s1")
            #expect(section.contains("ZQXOWNDRAFT") && section.contains("ZQXCOMMENT"))
            #expect(try await reader.get("/reports/\(draft.id!)/attachments/\(attachment.id.uuidString)").contains("ZQXATTACHMENT"))
            #expect(try await reader.get("/parties/KE/national-targets/3").contains("ZQXNATIONALDRAFT"))
            #expect(try await reader.get("/parties/KE/national-targets/3/documents/\(draftDocument.uuidString)").contains("ZQXATTACHMENT"))
            #expect(try await reader.get("/reports/\(draft.id!)/sections/cbd-7nr.s2").contains("ZQXNATIONALDRAFT"))
            let languages = try await reader.get("/reports/\(draft.id!)/answers/cbd-7nr.s1.q2/languages")
            #expect(languages.contains("ZQXOWNDRAFT") && languages.contains("ZQXTRANSLATIONDRAFT"))
        }
    }

    /// Concrete paths for a route pattern, or nil when a parameter is not one the test knows.
    static func paths(for components: [PathComponent], ids: [String: [String]]) -> [String]? {
        var results = [""]
        var previous = ""
        for component in components {
            switch component {
            case .constant(let text):
                results = results.map { $0 + "/" + text }
                previous = text
            case .parameter(let name):
                let values: [String]
                switch (previous, name) {
                case (_, "report"): values = ids["report"] ?? []
                case ("indicators", "code"): values = ["A.3", "3.1"]
                case ("parties", "code"), ("synergy", "party"): values = ["KE"]
                case ("meetings", "code"): values = ["COP-13"]
                case ("conventions", "code"): values = ["CBD"]
                case ("frameworks", "code"), ("progress", "framework"): values = ["KMGBF"]
                case (_, "target"): values = ["3"]
                case ("decisions", "slug"): values = ["XII-6"]
                // Both templates' sections that hold the markers (a report's other template's section is 404).
                case ("sections", "section"): values = ["cbd-7nr.s1", "cbd-7nr.s3", "ramsar-nr.s2", "ramsar-nr.s3"]
                case ("answers", "question"): values = ids["question"] ?? []
                case ("attachments", "attachment"): values = ids["attachment"] ?? []
                case ("documents", "document"): values = ids["document"] ?? []
                case ("advisory-group", "id"), ("advisory-calls", "id"): values = ids["id"] ?? []
                case ("news", "id"): values = ids["news"] ?? []
                case ("static", "file"): values = ["synergia.css"]
                default: return nil
                }
                results = results.flatMap { prefix in values.map { prefix + "/" + $0 } }
                previous = name
            case .anything, .catchall:
                return nil
            }
        }
        return results.map { $0.isEmpty ? "/" : $0 }
    }
}
