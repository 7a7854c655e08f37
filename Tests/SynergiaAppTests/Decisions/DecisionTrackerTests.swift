import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import SynergiaTestFixtures
import Testing
import VaporTesting

/// The seed, CBD decision XII/6 in Chinese as extracted from the official PDF.
let seedDecision: String = (try? TestFixtures.decision("XII-6.zh.txt")) ?? ""

/// A later decision, in English, that cites XII/6 (written for this test in the style of a real one).
let citingDecision = """
CBD/COP/DEC/13/24
Conference of the Parties to the Convention on Biological Diversity
Thirteenth meeting
Cancun, Mexico, 4-17 December 2016
Agenda item 13

13/24. Cooperation with other conventions and international organizations

The Conference of the Parties,
Recalling decision XII/6,
1. Requests the Executive Secretary, subject to the availability of resources, to report on progress to the Subsidiary Body on Implementation at its second meeting;
2. Invites Parties to strengthen cooperation among the national focal points of the biodiversity-related conventions.
"""

@Suite("Decision tracking")
struct DecisionTrackerTests {
    @Test("the seed imports with every request, invitation and urging as an action item")
    func importSeed() async throws {
        #expect(!seedDecision.isEmpty, "the seed fixture is readable")
        try await withSynergia { app in
            let row = try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            #expect(row.symbol == "XII/6" && row.language == "zh" && row.slug == "XII-6")
            let browser = Browser(app)
            let detail = try await browser.json(DecisionDetailDTO.self, "/api/v1/decisions/XII-6")
            #expect(detail.decision.paragraphs.filter { $0.kind == .operative }.count == 21)
            let items = detail.actionItems
            // ¶9: the Executive Secretary, subject to resources, before SBI-1.
            let nine = try #require(items.first { $0.paragraph == "9" && $0.addressee == "executive-secretary" })
            #expect(nine.verb == "requests" && nine.subjectToResources && nine.deadlines.contains("SBI-1"))
            #expect(nine.dueDate == "2016-05-02")
            #expect(nine.overdue, "SBI-1 was in 2016; a pending item is overdue now")
            // Every request to the Executive Secretary in the seed: ¶9, ¶11, ¶12, ¶17, ¶20, ¶21.
            let requests = Set(items.filter { $0.addressee == "executive-secretary" }.map(\.paragraph))
            #expect(requests.isSuperset(of: ["9", "11", "12", "17", "20", "21"]))
            #expect(items.contains { $0.paragraph == "18" && $0.verb == "urges" && $0.addressee == "unctad-biotrade" })
            #expect(items.contains { $0.paragraph == "5" && $0.verb == "encourages" && $0.addressee == "parties" })
            #expect(items.contains { $0.paragraph == "4" && $0.verb == "invites" && $0.addressee == "liaison-group-biodiversity-conventions" })
            #expect(!items.contains { $0.verb == "welcomes" || $0.verb == "notes" }, "only what asks something is tracked")
            #expect(detail.cites.contains("decision X/20") && detail.cites.contains("decision XI/6"))

            let page = try await browser.get("/decisions/XII-6")
            #expect(page.status == .ok)
            #expect(page.contains("href=\"/frameworks/SP2011#target-9\""), "¶1 names Aichi Target 9")
            #expect(page.contains("href=\"/meetings/SBI-1\""), "deadlines link to their meetings")
            #expect(page.contains("id=\"para-21\""))
            #expect(page.contains("id=\"fn-5\""))
        }
    }

    @Test("lists answer: what is asked of the Executive Secretary before COP-13, of Parties, and what is overdue")
    func lists() async throws {
        try await withSynergia { app in
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            let browser = Browser(app)
            let beforeCOP13 = try await browser.json(ActionItemListDTO.self, "/api/v1/action-items?addressee=executive-secretary&dueBy=COP-13")
            #expect(Set(beforeCOP13.items.map(\.paragraph)).isSuperset(of: ["9", "11"]))
            #expect(beforeCOP13.items.allSatisfy { ($0.dueDate ?? "9999") <= "2016-12-04" })
            let parties = try await browser.json(ActionItemListDTO.self, "/api/v1/action-items?addressee=parties")
            #expect(parties.items.allSatisfy { $0.addressee == "parties" } && parties.count >= 1)
            let overdue = try await browser.json(ActionItemListDTO.self, "/api/v1/action-items?overdue=1")
            #expect(overdue.count >= 2 && overdue.items.allSatisfy(\.overdue))
            #expect(try await browser.get("/api/v1/action-items?dueBy=COP-99").status == .badRequest)
            let page = try await Browser(app, acceptLanguage: "zh").get("/action-items?addressee=executive-secretary&dueBy=COP-13")
            #expect(page.contains("执行秘书"))
            #expect(page.contains("逾期"))
        }
    }

    @Test("importing the same decision twice, or text without a symbol, changes nothing")
    func badImports() async throws {
        try await withSynergia { app in
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            let items = try await ActionItemModel.query(on: app.db).count()
            await #expect(throws: DecisionImport.Problem.alreadyImported(symbol: "XII/6", language: "zh")) {
                try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            }
            await #expect(throws: DecisionImport.Problem.noSymbol) {
                try await DecisionImport.run(text: "just some words\n\n1. Requests nothing", calendar: app.synergia.calendar, on: app.db)
            }
            #expect(try await DecisionModel.query(on: app.db).count() == 1)
            #expect(try await ActionItemModel.query(on: app.db).count() == items)
        }
    }

    @Test("a decision shows the decisions that cite it")
    func citedBy() async throws {
        try await withSynergia { app in
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            let later = try await DecisionImport.run(text: citingDecision, calendar: app.synergia.calendar, on: app.db)
            #expect(later.symbol == "13/24" && later.language == "en")
            let detail = try await Browser(app).json(DecisionDetailDTO.self, "/api/v1/decisions/XII-6")
            #expect(detail.citedBy.map(\.symbol) == ["13/24"])
        }
    }

    @Test("a cited decision is a link only when it is on the platform; the others are named, not linked to a missing page")
    func citationLinks() async throws {
        try await withSynergia { app in
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            try await DecisionImport.run(text: citingDecision, calendar: app.synergia.calendar, on: app.db)
            let browser = Browser(app)
            let seed = try await browser.json(DecisionDetailDTO.self, "/api/v1/decisions/XII-6")
            #expect(seed.cites.contains("decision X/20") && seed.citesImported.isEmpty)
            let seedPage = try await browser.get("/decisions/XII-6")
            #expect(seedPage.contains("decision X/20") && !seedPage.contains("href=\"/decisions/X-20\""))
            let later = try await browser.json(DecisionDetailDTO.self, "/api/v1/decisions/13-24")
            #expect(later.citesImported == ["XII-6"])
            #expect(try await browser.get("/decisions/13-24").contains("href=\"/decisions/XII-6\""))
        }
    }

    @Test("the secretariat of the convention records follow-up; others may not; a bad status changes nothing")
    func followUp() async throws {
        try await withSynergia { app in
            try await DecisionImport.run(text: seedDecision, calendar: app.synergia.calendar, on: app.db)
            try await makeUser(app, email: "sec@example.org", role: .secretariat, convention: "CBD")
            try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            let item = try #require(try await ActionItemModel.query(on: app.db).filter(\.$paragraph == "9").first())
            let id = try item.requireID()

            let other = Browser(app)
            try await other.signIn("ramsar@example.org")
            #expect(try await other.post("/action-items/\(id)", ["status": "done", "notes": "x"]).status == .forbidden)

            let secretariat = Browser(app)
            try await secretariat.signIn("sec@example.org")
            #expect(try await secretariat.get("/decisions/XII-6").contains("action=\"/action-items/\(id)\""))
            #expect(try await secretariat.post("/action-items/\(id)", ["status": "finished?", "notes": "x"]).status == .badRequest)
            #expect(try await ActionItemModel.find(id, on: app.db)?.status == .pending)
            let saved = try await secretariat.post("/action-items/\(id)", ["status": "done", "notes": "Workshop held in Geneva, 2016"])
            #expect(saved.status == .seeOther)
            let after = try await ActionItemModel.find(id, on: app.db)
            #expect(after?.status == .done && after?.notes == "Workshop held in Geneva, 2016")
            let overdue = try await Browser(app).json(ActionItemListDTO.self, "/api/v1/action-items?overdue=1")
            #expect(!overdue.items.contains { $0.id == id }, "done is not overdue")
        }
    }
}
