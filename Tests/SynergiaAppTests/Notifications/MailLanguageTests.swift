import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 13: e-mails reach each person in the language they last signed in with; names of Parties,
/// templates and meetings in it too. Someone who never signed in gets English.
@Suite("E-mails in their reader's language")
struct MailLanguageTests {
    func mails(_ kind: NotificationKind, to recipient: String, _ app: Application) async throws -> [NotificationModel] {
        try await NotificationModel.query(on: app.db).filter(\.$kind == kind).filter(\.$recipient == recipient).all()
    }

    @Test("a cycle opens and a report is submitted: the French focal point, the Arabic secretariat and an English one each read theirs in their language")
    func reporting() async throws {
        try await withSynergia { app async throws in
            let secretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            try await makeUser(app, email: "cbd2@example.org", role: .secretariat, convention: "CBD")
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let arabic = Browser(app, acceptLanguage: "ar"), french = Browser(app, acceptLanguage: "fr")
            try await arabic.signIn("cbd@example.org")
            try await french.signIn("fp@example.org")
            #expect(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first()?.language == "fr")

            let template = try app.synergia.templates.template("cbd-7nr")
            let cycle = try await ReportingService.openCycle(template: template, title: "", opensOn: "2026-01-01", dueOn: "2026-12-31",
                                                             by: secretariat, on: app.db)
            let opening = try #require(try await mails(.cycleOpening, to: "fp@example.org", app).first)
            #expect(opening.subject == "Cycle d'établissement des rapports ouvert : Septième rapport national à la Convention sur la diversité biologique")
            #expect(opening.body.contains("est ouvert à compter du 2026-01-01 ; les rapports sont attendus au plus tard le 2026-12-31."))

            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let report = try await ReportingService.startReport(cycle: try cycle.requireID(), by: focalPoint, on: app.db)
            try await fillRequiredAnswers(app, report: try report.requireID(), by: "fp@example.org")
            for step in ["in-review", "approved", "submitted"] {
                #expect(try await french.post("/reports/\(try report.requireID())/transition", ["to": step]).status == .seeOther, "\(step)")
            }
            let receipt = try #require(try await ReportModel.find(report.id, on: app.db)?.receiptSHA256)
            let inArabic = try #require(try await mails(.reportSubmitted, to: "cbd@example.org", app).first)
            #expect(inArabic.subject == "تقديم تقرير: كينيا (KE)، التقرير الوطني السابع المقدم إلى اتفاقية التنوع البيولوجي")
            #expect(inArabic.body.contains("قدّم الطرف كينيا (KE) النسخة \(LanguageFormats[.arabic].number(1)) من التقرير «التقرير الوطني السابع"))
            #expect(inArabic.body.contains(receipt))
            let inEnglish = try #require(try await mails(.reportSubmitted, to: "cbd2@example.org", app).first)
            #expect(inEnglish.subject == "Report submitted: Kenya (KE), Seventh national report to the Convention on Biological Diversity")
            #expect(inEnglish.body == "Kenya (KE) submitted version 1 of the report “Seventh national report to the Convention on Biological Diversity”.\n"
                        + "SHA-256 of the submission receipt: \(receipt)\n")
        }
    }

    @Test("an invitation: in the invitee's language when they have an account (the meeting's title translated into it), else the meeting's")
    func invitations() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            try await makeUser(app, email: "delegate@example.org", role: .focalPoint, party: "CN", convention: "CBD")
            try await Browser(app, acceptLanguage: "zh").signIn("delegate@example.org")
            let meeting = try await MeetingService.create(.init(code: "TALLER-1", convention: "CBD", kind: .workshop, title: "Taller sobre los informes",
                                                                startDate: "2027-03-01", endDate: "2027-03-02", place: "Ciudad de Panamá",
                                                                description: "", language: .spanish), on: app.db)
            try await ContentTranslationStore.insert(.meeting, subject: "TALLER-1", field: "title", language: .chinese, text: "报告讲习班",
                                                     by: "cbd@example.org", at: Date(), on: app.db)
            let url = URL(string: "https://synergia.example")!
            try await MeetingService.invite(.init(name: "Ana Pérez", email: "guest@example.org", category: .expert, organization: "Universidad de Panamá"), to: meeting, publicURL: url, on: app.db)
            try await MeetingService.invite(.init(name: "王芳", email: "Delegate@example.org", category: .partyDelegate, party: "CN"),
                                            to: meeting, publicURL: url, on: app.db)
            let guest = try #require(try await mails(.invitation, to: "guest@example.org", app).first)
            #expect(guest.subject == "Invitación: Taller sobre los informes")
            #expect(guest.body == "Estimado/a Ana Pérez:\n\nLe invitamos a «Taller sobre los informes» (TALLER-1), del 2027-03-01 al 2027-03-02, "
                        + "Ciudad de Panamá.\nSírvase inscribirse en Synergia: https://synergia.example/meetings/TALLER-1\n")
            let delegate = try #require(try await NotificationModel.query(on: app.db).filter(\.$kind == .invitation)
                .filter(\.$recipient != "guest@example.org").first())
            #expect(delegate.subject == "邀请：报告讲习班")
            #expect(delegate.body.hasPrefix("尊敬的王芳：\n\n诚邀您参加“报告讲习班”（TALLER-1），2027-03-01至2027-03-02，Ciudad de Panamá。"))
        }
    }
}
