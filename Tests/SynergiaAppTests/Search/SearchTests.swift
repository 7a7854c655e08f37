import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import SynergiaTestFixtures
import Testing
import VaporTesting

@Suite("Search: one index of everything published, in six languages, on both databases")
struct SearchTests {
    /// The search's JSON for `q` (and filters), as a reader of `reader` asks it.
    static func search(_ app: Application, _ q: String, reader: String = "en", kind: SearchKind? = nil,
                       language: String? = nil) async throws -> SearchPage.Model {
        try await Browser(app, acceptLanguage: reader).json(SearchPage.Model.self,
                                                            SiteURL.apiSearch(.init(q: q, kind: kind, language: language)).path)
    }

    /// Kenya's CBD report with `text` as the answer to its first long-text question of its own, every
    /// required answer filled, taken to `status` (the last step, publication, by the secretariat).
    @discardableResult
    static func kenyaReport(_ app: Application, answer text: String, to status: ReportStatus) async throws -> (report: UUID, question: String) {
        let report = try await startKenyaCBDReport(app)
        let reportID = try report.requireID()
        let template = try app.synergia.templates.template(of: try await report.$cycle.get(on: app.db))
        let question = try #require(template.questions.first { $0.type == .longText && $0.element == nil })
        let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
        let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
        _ = try await ReportingService.save(.longText(WrittenText(text)), question: question.id, baseVersion: 0, report: reportID, template: template,
                                            by: focalPoint, on: app.db)
        try await fillRequiredAnswers(app, report: reportID, by: "fp@example.org")
        for step in [ReportStatus.inReview, .approved, .submitted, .published] {
            try await ReportingService.transition(reportID, to: step, templates: app.synergia.templates,
                                                  by: step == .published ? secretariat : focalPoint, on: app.db)
            if step == status { break }
        }
        return (reportID, question.id)
    }

    static func importDecisions(_ app: Application) async throws {
        for file in ["14-30.en.txt", "14-30.fr.txt", "14-30.es.txt", "14-30.ru.txt", "14-30.ar.txt", "XII-6.zh.txt"] {
            try await DecisionImport.run(text: try TestFixtures.decision(file), calendar: app.synergia.calendar, on: app.db)
        }
    }

    @Test("wetlands in six languages: the Ramsar Convention, its targets, decision paragraphs and news are found")
    func sixLanguages() async throws {
        try await withSynergia { app in
            try await Self.importDecisions(app)
            let secretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            _ = try await NewsService.post(.init(convention: "RAMSAR", kind: "news", title: "اليوم العالمي للأراضي الرطبة",
                                                 summary: "تحتفل الأطراف بالأراضي الرطبة في 2 شباط/فبراير.", language: "ar"),
                                           language: .arabic, by: secretariat, on: app.db)

            let english = try await Self.search(app, "wetlands")
            #expect(english.results.contains { $0.kind == .convention && $0.path == "/conventions/RAMSAR" && $0.language == "en" })
            #expect(english.results.contains { $0.kind == .target && $0.convention == "RAMSAR" })
            #expect(english.facets.conventions.first?.value == "RAMSAR")

            for (query, language) in [("zones humides", "fr"), ("humedales", "es"), ("водно-болотные", "ru"), ("湿地", "zh")] {
                let found = try await Self.search(app, query, reader: language)
                #expect(found.results.contains { $0.kind == .convention && $0.path == "/conventions/RAMSAR" && $0.language == language },
                        "\(query)")
                #expect(found.results.allSatisfy { $0.language == language }, "\(query) finds only texts in its language")
            }
            let arabic = try await Self.search(app, "الأراضي الرطبة", reader: "ar")
            #expect(arabic.results.map(\.kind) == [.news])
            #expect(arabic.results.first?.title.parts.filter(\.match).map(\.text) == ["أراضي", "رطبة"], "the matches are marked as written")

            // Decision paragraphs, each in its language; ¶1 of 14/30 in five languages.
            for (query, language) in [("Liaison Group", "en"), ("groupe de liaison", "fr"), ("Grupo de Enlace", "es"),
                                      ("Контактной группы", "ru"), ("فريق الاتصال", "ar")] {
                let found = try await Self.search(app, query, kind: .decision)
                let hit = try #require(found.results.first { $0.path.hasSuffix("version=\(language)#para-1") }, "\(query)")
                #expect(hit.language == language && hit.convention == "CBD")
                #expect(hit.excerpt.parts.contains { $0.match })
            }
            let chinese = try await Self.search(app, "生物多样性相关公约", reader: "zh", kind: .decision)
            #expect(chinese.total > 0 && chinese.results.allSatisfy { $0.language == "zh" && $0.path.hasPrefix("/decisions/XII-6?version=zh") })
        }
    }

    @Test("a paragraph found in one language is shown beside the same paragraph in the reader's language")
    func besideTheReadersLanguage() async throws {
        try await withSynergia { app in
            try await Self.importDecisions(app)
            let found = try await Self.search(app, "groupe de liaison", reader: "es", kind: .decision)
            let hit = try #require(found.results.first { $0.path.hasSuffix("version=fr#para-1") })
            let beside = try #require(hit.inReaderLanguage)
            #expect(beside.language == "es" && beside.path.hasSuffix("version=es#para-1"))
            #expect(beside.excerpt.text.contains("Grupo de Enlace"))
            // Read in French, the French paragraph needs nothing beside it.
            #expect(try await Self.search(app, "groupe de liaison", reader: "fr", kind: .decision).results.allSatisfy { $0.inReaderLanguage == nil })

            let page = try await Browser(app, acceptLanguage: "es").get(SiteURL.search(.init(q: "groupe de liaison")).path)
            #expect(page.status == .ok)
            #expect(page.contains("<mark>Groupe</mark> <mark>de</mark> <mark>liaison</mark>"))
            #expect(page.contains("class=\"counterpart\" lang=\"es\""))
        }
    }

    @Test("a draft answer is never found; the answer is found once the report is published, and not before")
    func draftsNeverFound() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let reportID = try report.requireID()
            let template = try app.synergia.templates.template(of: try await report.$cycle.get(on: app.db))
            let question = try #require(template.questions.first { $0.type == .longText })
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            let saved = try await ReportingService.save(.longText("Kenya restored the Olbolossatzz swamp with its communities."),
                                                        question: question.id, baseVersion: 0, report: reportID, template: template,
                                                        by: focalPoint, on: app.db)
            guard case .saved = saved else { Issue.record("not saved: \(saved)"); return }
            try await fillRequiredAnswers(app, report: reportID, by: "fp@example.org")

            for (status, user) in [(ReportStatus.inReview, focalPoint), (.approved, focalPoint), (.submitted, focalPoint)] {
                try await ReportingService.transition(reportID, to: status, templates: app.synergia.templates, by: user, on: app.db)
                #expect(try await Self.search(app, "olbolossatzz").total == 0, "\(status): not public yet")
                #expect(!(try await Browser(app).get("/search?q=olbolossatzz").contains("Olbolossatzz")))
            }
            try await ReportingService.transition(reportID, to: .published, templates: app.synergia.templates, by: secretariat, on: app.db)
            let found = try await Self.search(app, "olbolossatzz")
            #expect(found.total == 1)
            let hit = try #require(found.results.first)
            #expect(hit.kind == .answer && hit.convention == "CBD" && hit.language == "en")
            #expect(hit.path == SiteURL.reportQuestion(reportID, question: question.id).path)
            #expect(hit.title.text.hasPrefix("Kenya · "))
            #expect(hit.excerpt.parts.contains(SearchExcerpt.Part(text: "Olbolossatzz", match: true)))
        }
    }

    @Test("hostile queries are only ever searched for: SQL, FTS5 syntax, quotes and wildcards break nothing; bad input gets the box back with a message")
    func hostileQueries() async throws {
        try await withSynergia { app in
            let browser = Browser(app)
            let wildcards = ["%", "_", "%%%", "\\", "\"", "%_%", "* * *"]
            for q in wildcards + ["' OR 1=1 --", "wet%", "NEAR(wetland ramsar)", "wetland*", "\"wetland\" OR \"x\"", "湿%地", "w_tland",
                                  "title_folded:wetland", "^wetland", "zz AND", "<script>alert(1)</script>", "'; DROP TABLE search_entries; --"] {
                let response = try await browser.get(SiteURL.apiSearch(.init(q: q)).path)
                #expect(response.status == .ok, "\(q.debugDescription)")
                let model = try JSONDecoder().decode(SearchPage.Model.self, from: Data(response.body.utf8))
                if wildcards.contains(q) { #expect(model.total == 0, "\(q.debugDescription) matched \(model.total): a wildcard was not escaped") }
                let page = try await browser.get(SiteURL.search(.init(q: q)).path)
                #expect(page.status == .ok)
                #expect(!page.contains("<script>alert(1)</script>"))
            }
            // What reaches the database is a bound value with its wildcards escaped, or a quoted FTS5 string.
            #expect(SearchMatch.contains("a%b_c\\") == "%a\\%b\\_c\\\\%")
            #expect(SearchMatch.ftsExpression(["wet\"land", "ramsar"]) == "\"wet\"\"land\" AND \"ramsar\"")
            #expect(try await Self.search(app, "wetland").total > 0, "the index is intact")

            for bad in ["/api/v1/search?q=" + String(repeating: "a", count: 201), "/api/v1/search?q=one+two+three+four+five+six+seven+eight+nine",
                        "/api/v1/search?q=x&kind=secret", "/api/v1/search?q=x&convention=%27%20OR", "/api/v1/search?q=x&language=xx",
                        "/api/v1/search?q=x&year=20x6", "/api/v1/search?q=x&page=0", "/api/v1/search?q=x&page=51", "/search?q=x&kind=secret"] {
                #expect(try await browser.get(bad).status == .badRequest, "\(bad)")
            }
            let refused = try await Browser(app, acceptLanguage: "fr").get("/search?q=x&year=abc")
            #expect(refused.contains("Ce filtre de recherche n&#39;est pas valide") || refused.contains("Ce filtre de recherche n'est pas valide"))
            // A pasted paragraph: refused, with the search box and what was typed in it.
            let pasted = try await browser.get(SiteURL.search(.init(q: "one two three four five six seven eight nine \"<b>")).path)
            #expect(pasted.status == .badRequest)
            #expect(pasted.contains("Your search has too many words"))
            #expect(pasted.contains("value=\"one two three four five six seven eight nine &quot;&lt;b&gt;\""))
        }
    }

    @Test("filters narrow the results and every filter value counts what it would give")
    func filters() async throws {
        try await withSynergia { app in
            try await Self.importDecisions(app)
            let all = try await Self.search(app, "Ramsar")
            #expect(all.total > 0)
            let kinds = Dictionary(uniqueKeysWithValues: all.facets.kinds.map { ($0.value, $0.count) })
            #expect(kinds.values.reduce(0, +) == all.total)
            for (kind, count) in kinds {
                let narrowed = try await Self.search(app, "Ramsar", kind: SearchKind(rawValue: kind))
                #expect(narrowed.total == count, "\(kind)")
                #expect(narrowed.results.allSatisfy { $0.kind.rawValue == kind })
                // The kind facet still lists the other kinds (the other filters are what count).
                #expect(narrowed.facets.kinds.count == kinds.count)
            }
            let french = try await Self.search(app, "Ramsar", language: "fr")
            #expect(french.total > 0 && french.results.allSatisfy { $0.language == "fr" })
        }
    }

    @Test("a source written by many writers at once holds one set of documents, never two")
    func simultaneousReplace() async throws {
        try await withSynergia { app in
            @Sendable func documents(_ n: Int) -> [SearchDocument] {
                (0..<5).map { SearchDocument(kind: .news, path: "/news#x\($0)", title: "Simultaneous \(n) item \($0)", body: "zzconcurrent", language: "en") }
            }
            // The source exists already (its row is what the writers take turns on).
            try await app.db.write { tx in try await SearchIndex.replace("test:concurrent", with: documents(99), on: tx.db) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<8 {
                    group.addTask { try await app.db.write { tx in try await SearchIndex.replace("test:concurrent", with: documents(n), on: tx.db) } }
                }
                try await group.waitForAll()
            }
            let found = try await Self.search(app, "zzconcurrent")
            #expect(found.total == 5)
            let writer = Set(found.results.map { $0.title.text.split(separator: " ")[1] })
            #expect(writer.count == 1, "all five from one writer")
        }
    }

    @Test("a kept search page is renewed by the write that adds a result")
    func cachedPageRenewed() async throws {
        try await withSynergia { app in
            let secretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let browser = Browser(app)
            let path = SiteURL.search(.init(q: "toolkitzz")).path
            #expect(try await browser.get(path).contains("search-count"))
            #expect(!(try await browser.get(path).contains("Outreach toolkitzz")))
            _ = try await NewsService.post(.init(convention: "CBD", kind: "news", title: "Outreach toolkitzz", summary: "Six languages"),
                                           language: .english, by: secretariat, on: app.db)
            #expect(try await browser.get(path).contains("<mark>toolkitzz</mark>"))
        }
    }

    @Test("a meeting is found by its agenda and documents, all of them when several are added at once")
    func meetingsAndTheirDocuments() async throws {
        try await withSynergia { app in
            let meeting = try await MeetingService.create(.init(code: "WS-SYN-2026", convention: "CBD", kind: .workshop,
                                                                title: "Workshop on synergies in national reporting", startDate: "2026-03-02",
                                                                endDate: "2026-03-04", place: "Geneva"), on: app.db)
            try await MeetingService.addAgendaItem(to: meeting, number: "3", title: "Harmonized indicators for peatlands", on: app.db)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...5 {
                    group.addTask {
                        _ = try await MeetingService.addDocument(to: meeting, symbol: "CBD/WS/2026/1/\(n)", title: "Zzdocument number \(n)",
                                                                 languages: ["en"], link: nil, on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            let found = try await Self.search(app, "peatlands", kind: .meeting)
            #expect(found.results.map(\.path) == ["/meetings/WS-SYN-2026"])
            #expect(found.results.first?.year == 2026)
            let documents = try await Self.search(app, "zzdocument")
            #expect(documents.total == 1)
            for n in 1...5 { #expect(documents.results.first?.excerpt.text.contains("Zzdocument number \(n)") == true, "document \(n)") }
        }
    }

    @Test("a database from before search is indexed by the backfill: decisions, news, meetings and published reports")
    func backfill() async throws {
        try await withSynergia { app in
            try await Self.importDecisions(app)
            let secretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            _ = try await NewsService.post(.init(convention: "RAMSAR", kind: "news", title: "Zzbackfill news", summary: "Wetlands"),
                                           language: .english, by: secretariat, on: app.db)
            try await Self.kenyaReport(app, answer: "Zzpublished wetland restoration.", to: .published)
            try await MeetingService.create(.init(code: "SC-64", convention: "RAMSAR", kind: .other, title: "Zzstanding Committee",
                                                  startDate: "2025-06-02", endDate: "2025-06-06", place: "Gland"), on: app.db)
            let before = try await Self.search(app, "groupe de liaison")
            // As a database from before search holds them: nothing in the index but the shipped files.
            try await app.db.sql.raw("DELETE FROM search_entries WHERE source NOT IN ('reference', 'registries')").run()
            try await app.db.sql.raw("DELETE FROM search_sources WHERE source NOT IN ('reference', 'registries')").run()
            #expect(try await Self.search(app, "groupe de liaison").total == 0)
            #expect(try await Self.search(app, "zzbackfill").total == 0)
            #expect(try await Self.search(app, "zzpublished").total == 0)

            let sources = try await SearchBackfill.run(templates: app.synergia.templates, on: app.db)
            #expect(sources == 9, "six decisions, one news item, one meeting, one published report")
            let after = try await Self.search(app, "groupe de liaison")
            #expect(after.total == before.total && after.results.map(\.path) == before.results.map(\.path))
            #expect(try await Self.search(app, "zzbackfill").total == 1)
            #expect(try await Self.search(app, "zzstanding").total == 1)
            #expect(try await Self.search(app, "zzpublished", kind: .answer).total == 1)
            // Run again, it writes nothing new.
            let generation = try await ContentGeneration.current(on: app.db)
            try await SearchBackfill.run(templates: app.synergia.templates, on: app.db)
            #expect(try await ContentGeneration.current(on: app.db) == generation)
        }
    }


    @Test("every kind of result opens a page that exists")
    func resultsOpen() async throws {
        try await withSynergia { app in
            try await Self.importDecisions(app)
            let secretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            _ = try await NewsService.post(.init(convention: "RAMSAR", kind: "news", title: "Wetlands day", summary: "Wetlands"),
                                           language: .english, by: secretariat, on: app.db)
            try await MeetingService.create(.init(code: "SC-64", convention: "RAMSAR", kind: .other, title: "Standing Committee on wetlands",
                                                  startDate: "2025-06-02", endDate: "2025-06-06", place: "Gland"), on: app.db)
            let browser = Browser(app)
            var kinds: Set<SearchKind> = []
            for (query, kind) in [("wetland", nil), ("wetland", SearchKind.news), ("wetland", .meeting), ("Liaison", .action), ("Liaison", .decision), ("KEN", .party),
                                  ("red list", .indicator), ("synerg", .cooperation)] as [(String, SearchKind?)] {
                for result in try await Self.search(app, query, kind: kind).results.prefix(8) {
                    let page = try await browser.get(String(result.path.prefix { $0 != "#" }))
                    #expect(page.status == .ok, "\(result.kind) \(result.path)")
                    if let fragment = result.path.split(separator: "#").dropFirst().first {
                        #expect(page.contains("id=\"\(fragment)\""), "\(result.path): the anchor is on the page")
                    }
                    kinds.insert(result.kind)
                }
            }
            #expect(kinds.isSuperset(of: [.convention, .target, .news, .meeting, .decision, .action, .party, .indicator, .cooperation]), "\(kinds)")
        }
    }

    @Test("an amendment's draft is not found; once published it replaces what the earlier version said")
    func amendments() async throws {
        try await withSynergia { app in
            let (reportID, questionID) = try await Self.kenyaReport(app, answer: "The Olbolossatzz swamp was restored.", to: .published)
            let template = try app.synergia.templates.template("cbd-7nr")
            let question = try #require(template.questions.first { $0.id == questionID })
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let secretariat = try #require(try await UserModel.query(on: app.db).filter(\.$email == "cbd@example.org").first())
            func publish(_ id: UUID) async throws {
                for status in [ReportStatus.inReview, .approved, .submitted] {
                    try await ReportingService.transition(id, to: status, templates: app.synergia.templates, by: focalPoint, on: app.db)
                }
                try await ReportingService.transition(id, to: .published, templates: app.synergia.templates, by: secretariat, on: app.db)
            }
            #expect(try await Self.search(app, "olbolossatzz").total == 1)

            let amended = try await ReportVersionService.amend(reportID, templates: app.synergia.templates, by: focalPoint, on: app.db)
            let amendedID = try amended.requireID()
            let current = try await ReportingService.answer(to: question, of: amended, on: app.db)
            _ = try await ReportingService.save(.longText("The Naivashazz lake was restored."), question: question.id,
                                                baseVersion: current?.revision.version ?? 0, report: amendedID, template: template,
                                                by: focalPoint, on: app.db)
            #expect(try await Self.search(app, "naivashazz").total == 0, "the amendment is a draft")
            #expect(try await Self.search(app, "olbolossatzz").results.map(\.path) == [SiteURL.reportQuestion(reportID, question: question.id).path])

            try await publish(amendedID)
            #expect(try await Self.search(app, "olbolossatzz").total == 0, "what version 1 said is replaced")
            #expect(try await Self.search(app, "naivashazz").results.map(\.path) == [SiteURL.reportQuestion(amendedID, question: question.id).path])
        }
    }

    @Test("a page past the last one shows the last one")
    func pastTheLastPage() async throws {
        try await withSynergia { app in
            let found = try await Browser(app).json(SearchPage.Model.self, "/api/v1/search?q=wetland&page=50")
            #expect(found.total > 0 && found.page == found.pages && !found.results.isEmpty)
        }
    }

}
