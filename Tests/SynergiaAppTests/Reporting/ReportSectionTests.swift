import Crypto
import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// Issue 17, first part: a report in sections, one page each, with the table of contents and the
/// sections before and after; the Party's name, not its code.
@Suite("A report a section at a time")
struct ReportSectionTests {
    func setUp(_ app: Application) async throws -> ReportModel {
        let secretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
        let focalPoint = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
        let cycle = try await ReportingService.openCycle(template: try app.synergia.templates.template("cbd-7nr"), title: "", opensOn: "2026-01-01",
                                                         dueOn: "2026-12-31", by: secretariat, on: app.db)
        return try await ReportingService.startReport(cycle: try cycle.requireID(), by: focalPoint, on: app.db)
    }

    @Test("the report lists its sections with their completeness; each section has its page, with the sections before and after it")
    func sectionPages() async throws {
        try await withSynergia { app async throws in
            let report = try await setUp(app)
            let id = try report.requireID()
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let whole = try await browser.get("/reports/\(id)")
            #expect(whole.contains("<title>Kenya — Seventh national report"), "the Party's name, not KE")
            for section in ["s1", "s2", "s3", "s4"] { #expect(whole.contains("href=\"/reports/\(id)/sections/cbd-7nr.\(section)\"")) }
            #expect(whole.contains("0 of 3 required questions answered") && whole.contains("0 of 23 required questions answered"))

            let first = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(first.status == .ok)
            #expect(first.contains("<h1>Information on the report and the national targets</h1>"))
            #expect(first.contains("id=\"q-cbd-7nr.s1.q1\"") && !first.contains("id=\"q-cbd-7nr.s2.q1\""), "this section's questions only")
            #expect(first.contains("aria-current=\"page\">Information on the report"))
            #expect(first.contains("aria-describedby=\"f-cbd-7nr.s1.q4\"") && first.contains("id=\"f-cbd-7nr.s1.q4\" class=\"note\"> Format: YYYY-MM-DD"),
                    "a date says it is entered as an ISO date")
            #expect(first.contains("<time datetime=\"2026-12-31\">December 31, 2026</time>"), "the due date in the reader's locale")
            #expect(!first.contains("rel=\"prev\"") && first.contains("rel=\"next\" href=\"/reports/\(id)/sections/cbd-7nr.s2\""))
            let fourth = try await browser.get("/reports/\(id)/sections/cbd-7nr.s4")
            #expect(fourth.contains("rel=\"prev\" href=\"/reports/\(id)/sections/cbd-7nr.s3\"")
                    && fourth.contains("rel=\"next\" href=\"/reports/\(id)/sections/cbd-7nr.bin.goal-b\""), "then the binary indicator questionnaire")
            #expect(fourth.contains("Section 4 of 19"))
            let last = try await browser.get("/reports/\(id)/sections/cbd-7nr.bin.target-23")
            #expect(last.contains("rel=\"prev\" href=\"/reports/\(id)/sections/cbd-7nr.bin.target-22\"") && !last.contains("rel=\"next\""))
            #expect(last.contains("Section 19 of 19"))

            // A save on a section's page comes back to it, and the counts move at once (the kept page is not served stale).
            let saved = try await browser.post("/reports/\(id)/answers/cbd-7nr.s1.q1", ["value": "Ministry of Environment", "baseVersion": "0"])
            #expect(saved.location == "/reports/\(id)/sections/cbd-7nr.s1#q-cbd-7nr.s1.q1")
            let again = try await browser.get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(again.contains("Ministry of Environment") && again.contains("1 of 3 required questions answered"))
            let json = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.sections.prefix(4).map(\.id) == ["cbd-7nr.s1", "cbd-7nr.s2", "cbd-7nr.s3", "cbd-7nr.s4"])
            #expect(json.sections.count == 4 + 15, "and the binary indicator questionnaire's 15 goals and targets")
            #expect(json.sections.first?.completeness == .init(answered: 1, required: 3) && json.partyNames["en"] == "Kenya")

            // The assignment form's label and button say different things.
            #expect(first.contains("Assign to (email)</label>") && first.contains(">Assign</button>"))
        }
    }

    @Test("in Chinese the title has the Party's Chinese name; an unknown section is 404; a draft's section is not the public's")
    func languageAndAccess() async throws {
        try await withSynergia { app async throws in
            let report = try await setUp(app)
            let id = try report.requireID()
            let browser = Browser(app, acceptLanguage: "zh")
            try await browser.signIn("fp@example.org")
            let page = try await browser.get("/reports/\(id)/sections/cbd-7nr.s2")
            #expect(page.contains("<title>") && page.contains("肯尼亚") && !page.contains("— KE</title>"))
            #expect(page.contains("第 2 节，共 19 节"))
            #expect(try await browser.get("/reports/\(id)/sections/cbd-7nr.s9").status == .notFound)
            #expect(try await browser.get("/reports/\(id)/sections/%3Cscript%3E").status == .notFound)
            let anonymous = try await Browser(app).get("/reports/\(id)/sections/cbd-7nr.s1")
            #expect(anonymous.status != .ok && !anonymous.contains("q-cbd-7nr.s1.q1"), "\(anonymous.status)")
            try await makeUser(app, email: "other@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            let other = Browser(app)
            try await other.signIn("other@example.org")
            #expect(try await other.get("/reports/\(id)/sections/cbd-7nr.s1").status == .forbidden)
        }
    }
}

/// Issue 17, second part: a section saved with one form, each answer on its own.
@Suite("One save for a section, each answer with its own conflict check")
struct SectionSaveTests {
    /// What a browser sends for the section's form as the page shows it, with `typed` replacing a
    /// text (each must have its control on the page) and `choices` a multiple choice's boxes.
    static func form(_ page: Browser.Page, _ typed: [String: String], choices: [String: [String]] = [:]) -> [(String, String)] {
        var pairs = asBrowserSends(page, typed).filter { name, _ in !(name.hasPrefix("m:") && choices[String(name.dropFirst(2))] != nil) }
        for (question, chosen) in choices { pairs += chosen.map { ("m:\(question)", $0) } }
        return pairs
    }

    /// The section's form as the page has it: from its start tag to its end.
    static func sectionForm(_ body: String) -> Substring {
        guard let start = body.range(of: #"<form id="section-form""#), let end = body[start.upperBound...].range(of: "</form>") else { return "" }
        return body[start.lowerBound..<end.upperBound]
    }

    /// What a browser sends for the section's form: every control inside it that no `form`
    /// attribute sends elsewhere, as the page fills it (a text area's first newline dropped, as
    /// the HTML parser does; checked boxes only; a select's selected option), with `typed`
    /// replacing what a person changed; a `typed` question without a control on the page is a
    /// test's mistake, recorded. (The form token is the test browser's to add.)
    static func asBrowserSends(_ page: Browser.Page, _ typed: [String: String] = [:]) -> [(String, String)] {
        func attribute(_ name: String, _ tag: Substring) -> String? {
            tag.firstMatch(of: try! Regex(" \(name)=\"([^\"]*)\""))?.output[1].substring.map { unescape(String($0)) }
        }
        func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        var pairs: [(String, String)] = []
        let body = sectionForm(page.body)
        for match in body.matches(of: try! Regex(#"<(input|textarea|select)\b[^>]*>"#)) {
            let tag = body[match.range]
            guard let name = attribute("name", tag), name != "_csrf", attribute("form", tag).map({ $0 == "section-form" }) ?? true else { continue }
            let question = String(name.dropFirst(2))
            switch String(match.output[1].substring!) {
            case "input":
                if attribute("type", tag) == "checkbox" {
                    if tag.contains(" checked") { pairs.append((name, attribute("value", tag) ?? "")) }
                } else {
                    pairs.append((name, name.hasPrefix("v:") ? typed[question] ?? attribute("value", tag) ?? "" : attribute("value", tag) ?? ""))
                }
            case "textarea":
                let rest = body[match.range.upperBound...]
                var content = String(rest[..<rest.range(of: "</textarea>")!.lowerBound])
                if content.hasPrefix("\n") { content.removeFirst() }
                pairs.append((name, typed[question] ?? unescape(content)))
            default:
                let rest = body[match.range.upperBound...]
                let options = rest[..<rest.range(of: "</select>")!.lowerBound]
                let selected = options.firstMatch(of: try! Regex(#"<option value="([^"]*)" selected"#))?.output[1].substring.map(String.init) ?? ""
                pairs.append((name, typed[question] ?? selected))
            }
        }
        for question in typed.keys where !pairs.contains(where: { $0.0 == "v:\(question)" }) {
            Issue.record("no control on the page for \(question)")
        }
        return pairs
    }

    /// A colleague saves `answers` (first versions) through each question's own form, after the page was opened.
    func colleagueSaves(_ app: Application, _ id: UUID, _ answers: [String: String]) async throws {
        let colleague = Browser(app)
        try await colleague.signIn("colleague@example.org")
        for (question, value) in answers.sorted(by: { $0.key < $1.key }) {
            #expect(try await colleague.post("/reports/\(id)/answers/\(question)", ["value": value, "baseVersion": "0"]).status == .seeOther)
        }
    }

    /// The report set up, its focal point signed in, and a section's page as they open it.
    func openSection(_ app: Application, _ section: String) async throws -> (UUID, Browser, Browser.Page) {
        let id = try await setUp(app)
        let browser = Browser(app)
        try await browser.signIn("fp@example.org")
        return (id, browser, try await browser.get("/reports/\(id)/sections/\(section)"))
    }

    func setUp(_ app: Application) async throws -> UUID {
        let report = try await ReportSectionTests().setUp(app)
        try await makeUser(app, email: "colleague@example.org", role: .focalPoint, party: "KE", convention: "CBD")
        return try report.requireID()
    }

    @Test("one form saves the answers typed, and only those; one history and audit entry each; the page says how many")
    func savesWhatChanged() async throws {
        try await withSynergia { app async throws in
            let (id, browser, page) = try await openSection(app, "cbd-7nr.s1")
            #expect(page.contains("id=\"save-section\"") && !page.contains("id=\"save-cbd-7nr.s1.q1\""), "one Save for the section")
            let audited = try await AuditEntryModel.query(on: app.db).count()
            let saved = try await browser.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: Self.form(page, [
                "cbd-7nr.s1.q1": "Ministry of Environment", "cbd-7nr.s1.q2": "Line one\r\nline two", "cbd-7nr.s1.q3": "yes",
            ], choices: ["cbd-7nr.s1.q7": []]))
            #expect(saved.status == .seeOther && saved.location == "/reports/\(id)/sections/cbd-7nr.s1?saved=3")
            let json = try await browser.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.answers.map(\.question).sorted() == ["cbd-7nr.s1.q1", "cbd-7nr.s1.q2", "cbd-7nr.s1.q3"], "untouched questions stay unanswered")
            #expect(json.answer("cbd-7nr.s1.q2")?.value == .longText(en("Line one\r\nline two")))
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 3)
            #expect(try await AuditEntryModel.query(on: app.db).count() - audited == 3)
            let after = try await browser.get(try #require(saved.location))
            #expect(after.contains("Answers saved: 3") && after.contains("3 of 3 required questions answered"))

            // Sent again exactly as the page now shows it: nothing changed, nothing saved (the text area's CR LF included).
            let again = try await browser.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: Self.form(after, [
                "cbd-7nr.s1.q1": "Ministry of Environment", "cbd-7nr.s1.q2": "Line one\r\nline two", "cbd-7nr.s1.q3": "yes",
            ]))
            #expect(again.location == "/reports/\(id)/sections/cbd-7nr.s1?saved=0")
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 3)
        }
    }

    @Test("a colleague's newer answer: a field left alone keeps it; a field changed shows both versions while the others are saved")
    func conflictOnOneAnswer() async throws {
        try await withSynergia { app async throws in
            let (id, me, page) = try await openSection(app, "cbd-7nr.s1")
            try await colleagueSaves(app, id, ["cbd-7nr.s1.q1": "Theirs", "cbd-7nr.s1.q6": "Their notes"])

            // I change q1 (which they changed too) and q2; q6 I leave as the page showed it (empty).
            let sent = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: Self.form(page, ["cbd-7nr.s1.q1": "Mine", "cbd-7nr.s1.q2": "My narrative"]))
            #expect(sent.status == .conflict)
            let json = try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.answer("cbd-7nr.s1.q2")?.value == .longText(en("My narrative")), "the answer without conflict is saved")
            #expect(json.answer("cbd-7nr.s1.q1")?.value == .shortText(en("Theirs")), "the conflicting one is not overwritten")
            #expect(json.answer("cbd-7nr.s1.q6")?.value == .longText(en("Their notes")), "a field left alone never overwrites a colleague")
            #expect(sent.contains("Theirs") && sent.contains("value=\"Mine\""), "both versions, mine in the control")
            #expect(sent.contains("<a href=\"/reports/\(id)/sections/cbd-7nr.s1#q-cbd-7nr.s1.q1\">Keep theirs"), "keeping theirs stays in the section")
            #expect(sent.contains("Answers saved: 1"))

            // Saved again as shown, mine wins over the version I have now seen.
            let resent = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: Self.form(sent, ["cbd-7nr.s1.q1": "Mine", "cbd-7nr.s1.q2": "My narrative",
                                                                                                           "cbd-7nr.s1.q6": "Their notes"]))
            #expect(resent.status == .seeOther)
            let after = try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(after.answer("cbd-7nr.s1.q1")?.value == .shortText(en("Mine")) && after.answer("cbd-7nr.s1.q6")?.value == .longText(en("Their notes")))
        }
    }

    @Test("after a conflict, Keep mine (a button in the section's form) sends a form of its own that follows the section's: mine is saved over theirs")
    func keepMineFromTheSection() async throws {
        try await withSynergia { app async throws in
            let (id, me, page) = try await openSection(app, "cbd-7nr.s1")
            try await colleagueSaves(app, id, ["cbd-7nr.s1.q1": "Theirs"])
            let sent = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: Self.form(page, ["cbd-7nr.s1.q1": "Mine"]))
            #expect(sent.status == .conflict)
            // Forms do not nest: the section's form holds every control and the button, the question's own form comes after it.
            let section = Self.sectionForm(sent.body)
            #expect(section.components(separatedBy: "<form").count == 2, "no form inside the section's form")
            #expect(section.contains("<button type=\"submit\" form=\"keep-cbd-7nr.s1.q1\">Keep mine</button>"))
            let start = try #require(sent.body.range(of: "<form id=\"keep-cbd-7nr.s1.q1\""))
            #expect(start.lowerBound >= section.endIndex, "after the section's form")
            let keep = String(sent.body[start.lowerBound...])
            let form = String(keep[..<keep.range(of: "</form>")!.upperBound])
            let action = try #require(form.firstMatch(of: try Regex(#"action="([^"]+)""#))?.output[1].substring.map(String.init))
            #expect(action == "/reports/\(id)/answers/cbd-7nr.s1.q1")
            let fields = form.matches(of: try Regex(#"<input type="hidden" name="([^"]+)" value="([^"]*)"/>"#)).compactMap { match -> (String, String)? in
                let name = String(match.output[1].substring!)
                return name == "_csrf" ? nil : (name, String(match.output[2].substring!))
            }
            #expect(fields.map(\.0).sorted() == ["baseVersion", "value"])
            #expect(try await me.post(action, pairs: fields).status == .seeOther)
            let json = try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.answer("cbd-7nr.s1.q1")?.value == .shortText(en("Mine")) && json.answer("cbd-7nr.s1.q1")?.version == 2)
        }
    }

    @Test("a rating's select sends a one-character code; saved, it is the rating; the code or the name sent as shown saves nothing")
    func ratingCodes() async throws {
        try await withSynergia { app async throws in
            let (id, me, _) = try await openSection(app, "cbd-7nr.s1")
            let page = try await me.get("/reports/\(id)/sections/cbd-7nr.s2")
            #expect(page.contains("<option value=\"3\">Progress at an insufficient rate<option value=\"4\">"), "codes, and no end tags")
            let sent = try await me.post("/reports/\(id)/sections/cbd-7nr.s2", pairs: Self.asBrowserSends(page, ["cbd-7nr.s2.q1": "3"]))
            #expect(sent.location == "/reports/\(id)/sections/cbd-7nr.s2?saved=1")
            #expect(try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answer("cbd-7nr.s2.q1")?.value == .progressAssessment(.insufficientRate))
            let after = try await me.get("/reports/\(id)/sections/cbd-7nr.s2")
            #expect(after.contains("<option value=\"3\" selected>Progress at an insufficient rate"))
            #expect(try await me.post("/reports/\(id)/sections/cbd-7nr.s2", pairs: Self.asBrowserSends(after)).location?.hasSuffix("?saved=0") == true)
            // The rating's name (as the API names it) sent for the same rating is nothing to save either.
            #expect(try await me.post("/reports/\(id)/sections/cbd-7nr.s2", pairs: Self.asBrowserSends(after, ["cbd-7nr.s2.q1": "insufficientRate"]))
                .location?.hasSuffix("?saved=0") == true)
            // A page of the previous release: the name, over the digest of the name. Sent as shown, nothing to save.
            #expect(try await me.post("/reports/\(id)/sections/cbd-7nr.s2", pairs: [("b:cbd-7nr.s2.q1", "1.\(SectionSave.digest("insufficientRate"))"),
                                                                                   ("v:cbd-7nr.s2.q1", "insufficientRate")]).location?.hasSuffix("?saved=0") == true)
            #expect(try await me.post("/reports/\(id)/sections/cbd-7nr.s2", pairs: Self.asBrowserSends(after, ["cbd-7nr.s2.q1": "movingAway"]))
                .location?.hasSuffix("?saved=1") == true)
            let moved = try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answer("cbd-7nr.s2.q1")
            #expect(moved?.value == .progressAssessment(.movingAway) && moved?.version == 2)
            // Neither a code nor a name: refused, as typed.
            let refused = try await me.post("/reports/\(id)/sections/cbd-7nr.s2", pairs: Self.asBrowserSends(after, ["cbd-7nr.s2.q1": "9"]))
            #expect(refused.status == .unprocessableEntity)
        }
    }

    @Test("a section sent back as the page filled it saves nothing, however its answers are written (a text starting with a line break, CR LF, choices, a number)")
    func untouchedPageSavesNothing() async throws {
        try await withSynergia { app async throws in
            let id = try await setUp(app)
            let me = Browser(app)
            try await me.signIn("fp@example.org")
            let template = try app.synergia.templates.template("cbd-7nr")
            let choices = try #require(template.question("cbd-7nr.s1.q7")?.choices?.prefix(2).map(\.id))
            for (question, fields) in [("cbd-7nr.s1.q2", ["value": "\nStarts with a line break\r\nand goes on.", "baseVersion": "0"]),
                                       ("cbd-7nr.s1.q3", ["value": "yes", "baseVersion": "0"]),
                                       ("cbd-7nr.s1.q1", ["value": "  Ministry <of> \"Environment\" & Forestry ", "baseVersion": "0"])] {
                #expect(try await me.post("/reports/\(id)/answers/\(question)", fields).status == .seeOther)
            }
            #expect(try await me.post("/reports/\(id)/answers/cbd-7nr.s1.q7", pairs: [("baseVersion", "0")] + choices.map { ("values[]", $0) }).status == .seeOther)
            let number = try #require(template.sections[2].questions.first { $0.type == .number })
            #expect(try await me.post("/reports/\(id)/answers/\(number.id)", ["value": "3 560,5", "baseVersion": "0"]).status == .seeOther)
            let history = try await AnswerHistoryModel.query(on: app.db).count()

            for section in ["cbd-7nr.s1", "cbd-7nr.s3"] {
                let page = try await me.get("/reports/\(id)/sections/\(section)")
                let sent = try await me.post("/reports/\(id)/sections/\(section)", pairs: Self.asBrowserSends(page))
                #expect(sent.location == "/reports/\(id)/sections/\(section)?saved=0", "\(section): \(sent.status) \(sent.body.prefix(300))")
            }
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == history)
            // Written another way but saying the same: not saved either.
            let page = try await me.get("/reports/\(id)/sections/cbd-7nr.s3")
            #expect(try await me.post("/reports/\(id)/sections/cbd-7nr.s3", pairs: Self.asBrowserSends(page, [number.id: " 3 560,5 "])).location?
                .hasSuffix("?saved=0") == true)
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == history)
        }
    }

    @Test("a refused value corrected and sent again still meets a colleague's answer saved in between: a conflict, not an overwrite")
    func refusedThenCorrectedMeetsColleague() async throws {
        try await withSynergia { app async throws in
            let (id, me, page) = try await openSection(app, "cbd-7nr.s1")
            let refused = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: Self.asBrowserSends(page, ["cbd-7nr.s1.q3": "perhaps"]))
            #expect(refused.status == .unprocessableEntity)
            try await colleagueSaves(app, id, ["cbd-7nr.s1.q3": "no"])
            let corrected = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: Self.asBrowserSends(refused, ["cbd-7nr.s1.q3": "yes"]))
            #expect(corrected.status == .conflict)
            #expect(try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)").answer("cbd-7nr.s1.q3")?.value == .yesNo(false))
        }
    }

    @Test("a refused value comes back as typed with its message; the others are saved")
    func refusedValueKeptAsTyped() async throws {
        try await withSynergia { app async throws in
            let (id, me, page) = try await openSection(app, "cbd-7nr.s3")
            #expect(!page.contains("aria-invalid") && !page.contains("aria-describedby=\"e-") && !page.contains(" e-cbd"), "nothing refused yet")
            let number = try #require(try app.synergia.templates.template("cbd-7nr").sections[2].questions.first { $0.type == .number })
            let text = try #require(try app.synergia.templates.template("cbd-7nr").sections[2].questions.first { $0.type == .longText || $0.type == .shortText })
            let sent = try await me.post("/reports/\(id)/sections/cbd-7nr.s3", pairs: Self.form(page, [number.id: "twelve <b>", text.id: "Kept"]))
            #expect(sent.status == .unprocessableEntity)
            #expect(sent.contains("value=\"twelve &lt;b&gt;\""), "what was typed, escaped, in its control")
            let control = try #require(sent.body.firstMatch(of: try Regex("<input[^>]*id=\"v-\(number.id)\"[^>]*>"))?.0)
            // Described by its unit, where it has one, and by the message.
            let unit = number.unit.map { _ in "u-\(number.id) " } ?? ""
            #expect(control.contains("aria-invalid=\"true\"") && control.contains("aria-describedby=\"\(unit)e-\(number.id)\""), "\(control)")
            if let unit = number.unit {
                let name = try Catalogs.load()[.english]["unit.\(unit)"]
                #expect(name != unit && sent.contains("<span id=\"u-\(number.id)\"> \(name)</span>"), "the unit beside the number, by its name")
            }
            #expect(sent.contains("<p id=\"e-\(number.id)\" class=\"error\""))
            let json = try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.answer(text.id) != nil && json.answer(number.id) == nil)
        }
    }

    @Test("hostile forms change nothing: no token, signed out, another Party, fields of another section, a bad version")
    func hostile() async throws {
        try await withSynergia { app async throws in
            let (id, me, page) = try await openSection(app, "cbd-7nr.s1")
            let pairs = Self.form(page, ["cbd-7nr.s1.q1": "X"])
            #expect(try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: pairs, csrf: false).status == .forbidden)
            #expect(try await Browser(app).post("/reports/\(id)/sections/cbd-7nr.s1", pairs: pairs).status == .unauthorized)
            try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            let other = Browser(app)
            try await other.signIn("ug@example.org")
            let refused = try await other.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: pairs)
            #expect(refused.status == .forbidden && !refused.contains("q-cbd-7nr.s1.q1"), "refused, and shown nothing of the draft")
            // A question of section 2 sent to section 1, and a version that is not a number, are ignored.
            let stray = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: [("b:cbd-7nr.s2.q1", "0"), ("w:cbd-7nr.s2.q1", "x"),
                                                                                         ("v:cbd-7nr.s2.q1", "X"), ("b:cbd-7nr.s1.q1", "-1"),
                                                                                         ("w:cbd-7nr.s1.q1", "x"), ("v:cbd-7nr.s1.q1", "X")])
            #expect(stray.location == "/reports/\(id)/sections/cbd-7nr.s1?saved=0")
            let malformed = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: [
                ("b:cbd-7nr.s1.q1", "x.\(SectionSave.digest(""))"), ("v:cbd-7nr.s1.q1", "X"), ("b:cbd-7nr.s1.q2", "-1.\(SectionSave.digest(""))"),
                ("v:cbd-7nr.s1.q2", "X"), ("b:cbd-7nr.s1.q6", "1e3"), ("v:cbd-7nr.s1.q6", "X")])
            #expect(malformed.location == "/reports/\(id)/sections/cbd-7nr.s1?saved=0")
            // A page of the previous release (version and digest in two fields, the digest in full hex) still saves.
            let previous = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: [
                ("b:cbd-7nr.s1.q1", "0"), ("w:cbd-7nr.s1.q1", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), ("v:cbd-7nr.s1.q1", "Old page")])
            #expect(previous.location == "/reports/\(id)/sections/cbd-7nr.s1?saved=1")
            // …and a field it shows untouched (its digest in hex) is not saved again.
            let untouched = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: [
                ("b:cbd-7nr.s1.q1", "1"), ("w:cbd-7nr.s1.q1", SHA256.hash(data: Array("Old page".utf8)).map { String(format: "%02x", $0) }.joined()),
                ("v:cbd-7nr.s1.q1", "Old page")])
            #expect(untouched.location == "/reports/\(id)/sections/cbd-7nr.s1?saved=0")
            // A field sent without what it was written over was written over no answer: over "Old page", a conflict, never an overwrite.
            let unversioned = try await me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: [("v:cbd-7nr.s1.q1", "Overwritten?")])
            #expect(unversioned.status == .conflict && unversioned.contains("Old page") && unversioned.contains("Overwritten?"))
            #expect(try await me.post("/reports/\(id)/sections/nope", pairs: pairs).status == .notFound)
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 1, "only the previous release's page saved")
        }
    }

    @Test("two colleagues send the same section at once: every answer is saved once or shown as a conflict, none lost")
    func simultaneous() async throws {
        try await withSynergia { app async throws in
            let id = try await setUp(app)
            let me = Browser(app), colleague = Browser(app)
            try await me.signIn("fp@example.org")
            try await colleague.signIn("colleague@example.org")
            let mine = Self.form(try await me.get("/reports/\(id)/sections/cbd-7nr.s1"), ["cbd-7nr.s1.q1": "Mine", "cbd-7nr.s1.q2": "Shared by me"])
            let theirs = Self.form(try await colleague.get("/reports/\(id)/sections/cbd-7nr.s1"), ["cbd-7nr.s1.q6": "Theirs", "cbd-7nr.s1.q2": "Shared by them"])
            async let a = me.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: mine)
            async let b = colleague.post("/reports/\(id)/sections/cbd-7nr.s1", pairs: theirs)
            let statuses = [try await a.status, try await b.status].map(\.code).sorted()
            #expect(statuses == [303, 409], "one wins q2, the other sees the conflict: \(statuses)")
            let json = try await me.json(ReportPage.Model.self, "/api/v1/reports/\(id)")
            #expect(json.answer("cbd-7nr.s1.q1")?.value == .shortText(en("Mine")) && json.answer("cbd-7nr.s1.q6")?.value == .longText(en("Theirs")))
            #expect([.longText(en("Shared by me")), .longText(en("Shared by them"))].contains(json.answer("cbd-7nr.s1.q2")?.value))
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 3)
        }
    }
}

/// Issue 17, fifth part: what to look at before review.
@Suite("Check the report before review")
struct ReportCheckTests {
    @Test("the check lists every required answer missing and every comment, each linking to its place; it shrinks as answers come")
    func check() async throws {
        try await withSynergia { app async throws in
            let report = try await ReportSectionTests().setUp(app)
            let id = try report.requireID()
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.get("/reports/\(id)").contains("href=\"/reports/\(id)/check\""))
            let before = try await browser.json(ReportCheck.Model.self, "/api/v1/reports/\(id)/check")
            // 3 + 23 + 0 + 2 required questions, and the 70 required binary indicator questions asked
            // before any answer (13 more wait on an earlier answer: not asked, not required).
            #expect(before.items.count == 98 && before.items.allSatisfy { $0.kind == .missing })
            #expect(before.items.first == .init(kind: .missing, section: "cbd-7nr.s1", question: "cbd-7nr.s1.q1", message: "error.submission.missing"))

            _ = try await browser.post("/reports/\(id)/answers/cbd-7nr.s1.q1", ["value": "Ministry", "baseVersion": "0"])
            _ = try await browser.post("/reports/\(id)/comments", ["question": "cbd-7nr.s1.q2", "text": "Who writes <this>?"])
            let page = try await browser.get("/reports/\(id)/check")
            #expect(page.status == .ok)
            #expect(page.contains("To look at before review: 98"), "97 missing and a comment")
            #expect(page.contains("href=\"/reports/\(id)/sections/cbd-7nr.s1#q-cbd-7nr.s1.q2\""))
            #expect(!page.contains("#q-cbd-7nr.s1.q1\""), "answered: no longer listed")
            #expect(page.contains("Who writes &lt;this&gt;?") && !page.contains("<this>"))
            let after = try await browser.json(ReportCheck.Model.self, "/api/v1/reports/\(id)/check")
            #expect(after.items.contains(.init(kind: .comment, section: "cbd-7nr.s1", question: "cbd-7nr.s1.q2", author: "fp@example.org",
                                                text: "Who writes <this>?")))

            // Everything answered: nothing to look at.
            _ = try await fillRequiredAnswers(app, report: id, by: "fp@example.org")
            let done = try await browser.json(ReportCheck.Model.self, "/api/v1/reports/\(id)/check")
            #expect(done.items.allSatisfy { $0.kind == .comment })

            // Another Party's focal point, and the public, get nothing of it.
            #expect(try await Browser(app).get("/api/v1/reports/\(id)/check").status == .unauthorized)
            try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            let other = Browser(app)
            try await other.signIn("ug@example.org")
            #expect(try await other.get("/api/v1/reports/\(id)/check").status == .forbidden)
            #expect(try await other.get("/reports/\(id)/check").status == .forbidden)
        }
    }
}
