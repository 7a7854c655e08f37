import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 17, "with JavaScript, lighter still": the section's script sends one answer's fields as
/// soon as typing stops, to the section's own form address, and is told in JSON what was saved
/// (so its fields move on to the new version), what conflicts and what was refused. The browser
/// test drives the script itself; these check what the server tells it and what it refuses.
@Suite("Autosave of a section's answers")
struct SectionAutosaveTests {
    static let json: HTTPHeaders = ["Accept": "application/json"]
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// One answer's fields as the script sends them: what was typed, over the version and digest the page showed.
    static func fields(_ question: String, _ value: String, base: Int = 0, shown: String = "") -> [(String, String)] {
        [("v:\(question)", value), ("b:\(question)", "\(base).\(SectionSave.digest(shown))")]
    }

    @Test("one answer typed is saved alone; the reply gives its new version and digest; the next save goes over them")
    func savesOneAnswer() async throws {
        try await withSynergia { app async throws in
            let (id, browser, _) = try await SectionSaveTests().openSection(app, "cbd-7nr.s1")
            let path = "/reports/\(id)/sections/cbd-7nr.s1"
            let first = try await browser.post(path, pairs: Self.fields("cbd-7nr.s1.q1", "Ministry of Environment"), headers: Self.json)
            #expect(first.status == .ok && first.headers.contentType == .json)
            let result = try Self.decoder.decode(SectionSaveResult.self, from: Data(first.body.utf8))
            #expect(result.saved == [.init(question: "cbd-7nr.s1.q1", version: 1, shown: SectionSave.digest("Ministry of Environment"))])
            #expect(result.conflicts.isEmpty && result.errors.isEmpty)
            let answers = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answers
            #expect(answers.map(\.question) == ["cbd-7nr.s1.q1"], "nothing else in the section is touched")

            let second = try await browser.post(path, pairs: Self.fields("cbd-7nr.s1.q1", "Ministry of Environment and Forestry", base: 1,
                                                                         shown: "Ministry of Environment"), headers: Self.json)
            #expect(second.status == .ok && second.body.contains("\"version\":2"))
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 2)
        }
    }

    @Test("a colleague's save in between is a conflict naming them; a refused value comes back with its message in the reader's language")
    func conflictAndRefusal() async throws {
        try await withSynergia { app async throws in
            let (id, me, _) = try await SectionSaveTests().openSection(app, "cbd-7nr.s1")
            let colleague = Browser(app)
            try await colleague.signIn("colleague@example.org")
            #expect(try await colleague.post("/reports/\(id)/answers/cbd-7nr.s1.q1", ["value": "Theirs", "baseVersion": "0"]).status == .seeOther)
            let path = "/reports/\(id)/sections/cbd-7nr.s1"
            let conflict = try await me.post(path, pairs: Self.fields("cbd-7nr.s1.q1", "Mine"), headers: Self.json)
            #expect(conflict.status == .conflict)
            let result = try Self.decoder.decode(SectionSaveResult.self, from: Data(conflict.body.utf8))
            #expect(result.conflicts.map(\.question) == ["cbd-7nr.s1.q1"] && result.conflicts.first?.author == "colleague@example.org")
            #expect(try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answer("cbd-7nr.s1.q1")?.value == .shortText(en("Theirs")))

            let refused = try await me.post(path + "?lang=fr", pairs: Self.fields("cbd-7nr.s1.q5", "javascript:alert(1)"), headers: Self.json)
            #expect(refused.status == .unprocessableEntity)
            let problem = try #require(try Self.decoder.decode(SectionSaveResult.self, from: Data(refused.body.utf8)).errors.first)
            #expect(problem.question == "cbd-7nr.s1.q5")
            #expect(problem.message == app.synergia.catalogs[.french]["error.answer.url-invalid"] && problem.message.hasPrefix("Indiquez"))
            #expect(try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answer("cbd-7nr.s1.q5") == nil)
        }
    }

    @Test("without the form token, signed out, or by a reader who may not edit: refused, nothing saved")
    func hostile() async throws {
        try await withSynergia { app async throws in
            let (id, me, _) = try await SectionSaveTests().openSection(app, "cbd-7nr.s1")
            let path = "/reports/\(id)/sections/cbd-7nr.s1"
            #expect(try await me.post(path, pairs: Self.fields("cbd-7nr.s1.q1", "No token"), csrf: false, headers: Self.json).status == .forbidden)
            let stranger = Browser(app)
            #expect(try await stranger.post(path, pairs: Self.fields("cbd-7nr.s1.q1", "Signed out"), headers: Self.json).status == .unauthorized)
            // The secretariat reads the draft but may not change it: refused at once, not answer by answer.
            let secretariat = Browser(app)
            try await secretariat.signIn("cbd@example.org")
            #expect(try await secretariat.get(path).status == .ok)
            #expect(try await secretariat.post(path, pairs: Self.fields("cbd-7nr.s1.q1", "Reader"), headers: Self.json).status == .forbidden)
            try await makeUser(app, email: "fp-br@example.org", role: .focalPoint, party: "BR", convention: "CBD")
            let other = Browser(app)
            try await other.signIn("fp-br@example.org")
            let otherParty = try await other.post(path, pairs: Self.fields("cbd-7nr.s1.q1", "Another Party"), headers: Self.json)
            #expect(otherParty.status == .forbidden && !otherParty.contains("cbd-7nr.s1.q1"), "refused before anything is tried; nothing of the draft shown")
            #expect(try await AnswerModel.query(on: app.db).count() == 0)
        }
    }

    @Test("the section's page loads the script (and only it may run there); other pages run no script; the script is small")
    func scriptPolicy() async throws {
        try await withSynergia { app async throws in
            let (_, browser, page) = try await SectionSaveTests().openSection(app, "cbd-7nr.s1")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            let src = try #require(page.body.firstMatch(of: /<script src="(\/static\/autosave\.js\?v=[0-9a-f]+)"/)?.1)
            #expect(page.contains("data-saved=\"Saved at {time}.\""))
            let script = try await browser.get(String(src))
            #expect(script.status == .ok && script.headers.contentType?.subType == "javascript")
            #expect(script.body.utf8.count <= 10 * 1024)
            let home = try await browser.get("/")
            #expect(home.headers.first(name: "Content-Security-Policy")?.contains("script-src 'none'") == true && !home.contains("<script"))
        }
    }
}
