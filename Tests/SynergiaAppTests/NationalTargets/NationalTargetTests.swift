import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// National targets as records of a Party (issue 15): written once, aligned to the GBF and to
/// other conventions' targets, drafts kept from the public, every change at a version and audited.
@Suite("A Party's national targets")
struct NationalTargetTests {
    /// The editor's form for Kenya's T3: aligned to GBF Target 3 (high), with two indicators and Ramsar target 5.
    static let t3: [(String, String)] = [
        ("code", "t3"), ("title", "Conserve 30% of Kenya's land <and> waters"), ("description", "By **2030**."),
        ("degree[3]", "high"), ("elements[3]", "30% of land and inland waters"), ("degree[A]", ""), ("elements[A]", ""),
        ("indicators[]", "A.1"), ("indicators[]", "3.1"), ("otherTargets[]", "RAMSAR-SP4/5"),
        ("progress", "onTrack"), ("progressSummary", "Protected area coverage rose to 18%."), ("version", "0"),
    ]

    static func decode<T: Decodable>(_ type: T.Type, _ body: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(body.utf8))
    }

    static func rows(_ app: Application) async throws -> [NationalTargetModel] {
        try await NationalTargetModel.query(on: app.db).all()
    }

    @Test("Kenya's focal point writes T3 aligned to GBF Target 3: a draft the public cannot see (list, page, JSON); published, everyone sees it, with its alignment, indicators and Ramsar target; every step audited")
    func createAndPublish() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let form = try await browser.get("/parties/KE/national-targets/new")
            #expect(form.status == .ok && form.contains("name=\"degree[3]\"") && form.contains("name=\"otherTargets[]\" value=\"RAMSAR-SP4/5\""))
            let created = try await browser.post("/parties/KE/national-targets", pairs: Self.t3)
            #expect(created.status == .seeOther && created.location == "/parties/KE/national-targets/T3")

            let own = try await browser.get("/parties/KE/national-targets/T3")
            #expect(own.status == .ok)
            #expect(own.contains("land &lt;and&gt; waters"))
            #expect(!own.contains("<and>"), "the title is text, not markup")
            #expect(own.contains("class=\"badge\">Draft") && own.contains("30% of land and inland waters") && own.contains("<strong>2030</strong>"))
            #expect(own.contains("action=\"/parties/KE/national-targets/T3/publish\""))

            // The public: no draft anywhere.
            let visitor = Browser(app)
            #expect(try await visitor.get("/parties/KE/national-targets/T3").status == .notFound)
            #expect(try await visitor.get("/api/v1/parties/KE/national-targets/T3").status == .notFound)
            #expect(!(try await visitor.get("/parties/KE/national-targets")).contains("T3"))
            #expect(!(try await visitor.get("/api/v1/parties/KE/national-targets")).contains("T3"))
            #expect(try Self.decode(TargetDashboard.Model.self, try await visitor.get("/api/v1/progress/KMGBF/3").body).nationalTargets.isEmpty)

            #expect(try await browser.post("/parties/KE/national-targets/T3/publish", ["version": "1"]).status == .seeOther)
            let json = try await visitor.get("/api/v1/parties/KE/national-targets/T3")
            #expect(json.status == .ok)
            let model = try Self.decode(NationalTargetPage.Model.self, json.body)
            #expect(model.target.status == .published && model.target.version == 2 && model.target.language == "en")
            #expect(model.alignments.map(\.code) == ["3"] && model.alignments.first?.degree == .high)
            #expect(model.target.indicators == ["A.1", "3.1"] && model.otherTargets.map(\.code) == ["5"])
            #expect(model.target.progress == .onTrack)
            // The target's dashboard lists it (aligned: high), and so does Ramsar Target 5's (served, no degree).
            let gbf3 = try Self.decode(TargetDashboard.Model.self, try await visitor.get("/api/v1/progress/KMGBF/3").body)
            #expect(gbf3.nationalTargets == [.init(party: "KE", code: "T3", title: "Conserve 30% of Kenya's land <and> waters", language: "en",
                                                   degree: .high, progress: .onTrack)])
            let ramsar5 = try Self.decode(TargetDashboard.Model.self, try await visitor.get("/api/v1/progress/RAMSAR-SP4/5").body)
            #expect(ramsar5.nationalTargets.map(\.code) == ["T3"] && ramsar5.nationalTargets.first?.degree == nil)
            #expect(try await visitor.get("/progress/KMGBF/3").contains("href=\"/parties/KE/national-targets/T3\""))
            let page = try await visitor.get("/parties/KE/national-targets")
            #expect(page.contains("href=\"/parties/KE/national-targets/T3\"") && !page.contains("class=\"badge\">Draft"))
            #expect(!page.contains("/parties/KE/national-targets/new"), "the public has no editor")
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$subject == "national-target/KE/T3").all().map(\.action)
            #expect(actions == ["national-target.created", "national-target.published"])
        }
    }

    @Test("refused, changing nothing: a bad or taken code, no title, a goal the GBF lacks, elements without a degree, an unknown indicator or target; the form comes back with what was typed")
    func refusals() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            func with(_ changes: [String: String]) -> [(String, String)] {
                Self.t3.map { ($0.0, changes[$0.0] ?? $0.1) } + changes.filter { key, _ in !Self.t3.contains { $0.0 == key } }.map { ($0.key, $0.value) }
            }
            for (changes, key) in [
                (["code": "../admin"], "error.national-target.code"), (["code": "T 3"], "error.national-target.code"),
                (["title": " "], "error.national-target.title"), (["degree[24]": "high"], "error.national-target.alignment"),
                (["elements[A]": "all of it"], "error.national-target.degree"), (["degree[3]": "total"], "error.national-target.degree"),
                (["otherTargets[]": "RAMSAR-SP4/99"], "error.national-target.other-target"),
                (["otherTargets[]": "KMGBF/3"], "error.national-target.other-target"), (["progress": "great"], "error.national-target.progress"),
            ] {
                let refused = try await browser.post("/parties/KE/national-targets", pairs: with(changes))
                #expect(refused.status == .unprocessableEntity, "\(changes)")
                #expect(refused.contains(app.synergia.catalogs[.english][key].textEscaped), "\(changes): \(key)")
            }
            let unknownIndicator = try await browser.post("/parties/KE/national-targets", pairs: Self.t3 + [("indicators[]", "Z.9")])
            #expect(unknownIndicator.status == .unprocessableEntity && unknownIndicator.contains("value=\"Conserve 30% of Kenya"),
                    "the form keeps what was typed")
            #expect(try await Self.rows(app).isEmpty)
            #expect(try await browser.post("/parties/KE/national-targets", pairs: Self.t3).status == .seeOther)
            let taken = try await browser.post("/parties/KE/national-targets", pairs: with(["title": "Another"]))
            #expect(taken.status == .unprocessableEntity && taken.contains(app.synergia.catalogs[.english]["error.national-target.duplicate"]))
            #expect(try await Self.rows(app).map(\.title) == ["Conserve 30% of Kenya's land <and> waters"])
        }
    }

    @Test("who may do what: Uganda's focal point and the CBD secretariat may not write Kenya's targets; a contributor drafts but neither publishes nor changes a published target; the publishing authority publishes")
    func permissions() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            try await makeUser(app, email: "authority@example.org", role: .publishingAuthority, party: "KE", convention: "CBD")
            try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            for stranger in ["ug@example.org", "cbd@example.org"] {
                let browser = Browser(app)
                try await browser.signIn(stranger)
                #expect(try await browser.get("/parties/KE/national-targets/new").status == .forbidden)
                #expect(try await browser.post("/parties/KE/national-targets", pairs: Self.t3).status == .forbidden)
            }
            #expect(try await Browser(app).post("/parties/KE/national-targets", pairs: Self.t3).status != .seeOther)
            #expect(try await Self.rows(app).isEmpty)

            let contributor = Browser(app)
            try await contributor.signIn("contributor@example.org")
            #expect(try await contributor.post("/parties/KE/national-targets", pairs: Self.t3).status == .seeOther)
            #expect(try await contributor.get("/parties/KE/national-targets/T3").contains("class=\"badge\">Draft"))
            #expect(try await contributor.post("/parties/KE/national-targets/T3/publish", ["version": "1"]).status == .forbidden)
            let authority = Browser(app)
            try await authority.signIn("authority@example.org")
            #expect(try await authority.post("/parties/KE/national-targets/T3/publish", ["version": "0"]).status == .conflict,
                    "publishing what the publisher has not seen is a conflict")
            #expect(try await authority.post("/parties/KE/national-targets/T3/publish", ["version": "1"]).status == .seeOther)
            #expect(try await Self.rows(app).first?.status == .published)
            let changed = Self.t3.map { $0.0 == "version" ? ("version", "2") : $0.0 == "title" ? ("title", "Changed by a contributor") : $0 }
            #expect(try await contributor.post("/parties/KE/national-targets/T3", pairs: changed).status == .forbidden)
            #expect(try await contributor.get("/parties/KE/national-targets/T3/edit").status == .forbidden)
            #expect(try await Self.rows(app).first?.title == "Conserve 30% of Kenya's land <and> waters")
        }
    }

    @Test("two editors from the same version: the second is a conflict that shows the first's save and keeps what the second typed; saving again replaces it, knowingly")
    func conflict() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let first = Browser(app), second = Browser(app)
            try await first.signIn("fp@example.org")
            try await second.signIn("contributor@example.org")
            #expect(try await first.post("/parties/KE/national-targets", pairs: Self.t3).status == .seeOther)
            func edit(_ title: String, version: Int) -> [(String, String)] {
                Self.t3.filter { $0.0 != "code" }.map { $0.0 == "title" ? ("title", title) : $0.0 == "version" ? ("version", "\(version)") : $0 }
            }
            #expect(try await first.post("/parties/KE/national-targets/T3", pairs: edit("First editor's title", version: 1)).status == .seeOther)
            let conflict = try await second.post("/parties/KE/national-targets/T3", pairs: edit("Second editor's title", version: 1))
            #expect(conflict.status == .conflict)
            #expect(conflict.contains("<dd>First editor's title</dd>"))
            #expect(conflict.contains("value=\"Second editor&#39;s title\""))
            #expect(conflict.contains("name=\"version\" value=\"2\""))
            #expect(try await Self.rows(app).first?.title == "First editor's title")
            #expect(try await second.post("/parties/KE/national-targets/T3", pairs: edit("Second editor's title", version: 2)).status == .seeOther)
            let row = try #require(try await Self.rows(app).first)
            #expect(row.title == "Second editor's title" && row.version == 3 && row.updatedBy == "contributor@example.org")
        }
    }

    @Test("twenty simultaneous API saves on one version: exactly one kept, nineteen conflicts; twenty simultaneous creations of one code: exactly one")
    func simultaneousSaves() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signInWithToken("fp@example.org")
                @Sendable func body(code: String?, title: String, version: Int?) -> String {
                    let code = code.map { #""code":"\#($0)","# } ?? ""
                    let version = version.map { #","version":\#($0)"# } ?? ""
                    return #"{\#(code)"title":"\#(title)","alignments":[{"target":"3","degree":"high"}],"otherTargets":["RAMSAR-SP4/5"]\#(version)}"#
                }
                let creations = try await simultaneously(20) { index in
                    try await client.api(.POST, "/api/v1/parties/KE/national-targets", json: body(code: "T3", title: "Creation \(index)", version: nil)).status
                }
                #expect(creations.filter { $0 == .created }.count == 1 && creations.filter { $0 == .unprocessableEntity }.count == 19, "\(creations)")
                let saves = try await simultaneously(20) { index in
                    try await client.api(.PUT, "/api/v1/parties/KE/national-targets/T3", json: body(code: nil, title: "Save \(index)", version: 1)).status
                }
                #expect(saves.filter { $0 == .ok }.count == 1 && saves.filter { $0 == .conflict }.count == 19, "\(saves)")
                let winner = try #require(saves.firstIndex(of: .ok))
                let stored = try await client.api(.GET, "/api/v1/parties/KE/national-targets/T3").json(NationalTargetPage.Model.self)
                #expect(stored.target.title == "Save \(winner)" && stored.target.version == 2, "the kept title is the one answered 200")
                let stale = try await client.api(.PUT, "/api/v1/parties/KE/national-targets/T3", json: body(code: nil, title: "Stale", version: 1))
                #expect(stale.status == .conflict && stale.body.contains("\"title\":\"Save \(winner)\""))

                // Uganda's focal point, with a token of its own, writes nothing of Kenya's.
                try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
                let uganda = server.client()
                try await uganda.signInWithToken("ug@example.org")
                #expect(try await uganda.api(.POST, "/api/v1/parties/KE/national-targets", json: body(code: "T4", title: "Not theirs", version: nil)).status == .forbidden)
                #expect(try await uganda.api(.PUT, "/api/v1/parties/KE/national-targets/T3", json: body(code: nil, title: "Not theirs", version: 2)).status == .forbidden)
                #expect(try await uganda.api(.POST, "/api/v1/parties/KE/national-targets/T3/publish", json: #"{"version":2}"#).status == .forbidden)
                #expect(try await uganda.api(.GET, "/api/v1/parties/KE/national-targets/T3").status == .notFound, "nor reads its draft")
            }
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$subject == "national-target/KE/T3").count() == 2)
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
        }
    }

    @Test("one target in two reports: Kenya's CBD 7th report and its Ramsar report show T3 (the 7th report in its progress section, entry by national target; the Ramsar report under the question on the target it serves), with its progress; a draft target only to Kenya's users")
    func inReports() async throws {
        try await withSynergia { app in
            let cbdSecretariat = try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let ramsarSecretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            let cbdFocalPoint = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let ramsarFocalPoint = try await makeUser(app, email: "fp-ramsar@example.org", role: .focalPoint, party: "KE", convention: "RAMSAR")
            let templates = app.synergia.templates
            let cbd = try await startReport(app, template: "cbd-7nr", openedBy: cbdSecretariat, startedBy: cbdFocalPoint)
            let ramsar = try await startReport(app, template: "ramsar-nr-cop15", openedBy: ramsarSecretariat, startedBy: ramsarFocalPoint)
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.post("/parties/KE/national-targets", pairs: Self.t3).status == .seeOther)

            let cbdSection = try await browser.get("/reports/\(cbd.id!)/sections/cbd-7nr.s2")
            // The 7th report's progress is written per national target: the section lists T3 once, in its own entry.
            let entry = try #require(cbdSection.body.range(of: "id=\"nt-T3\"")).upperBound
            let firstQuestion = try #require(cbdSection.body.range(of: "id=\"q-cbd-7nr.s2.q1\"")).lowerBound
            #expect(cbdSection.body[entry..<firstQuestion].contains("href=\"/parties/KE/national-targets/T3\""))
            #expect(cbdSection.body.components(separatedBy: "href=\"/parties/KE/national-targets/T3\"").count == 2, "in its entry only")

            let ramsarReader = Browser(app)
            try await ramsarReader.signIn("fp-ramsar@example.org")
            let ramsarSection = try await ramsarReader.get("/reports/\(ramsar.id!)/sections/ramsar-nr.s4")
            let underRamsar5 = try #require(ramsarSection.body.range(of: "id=\"q-ramsar-nr.s4.q9\"")).upperBound
            let afterRamsar5 = try #require(ramsarSection.body.range(of: "id=\"q-ramsar-nr.s4.q10\"")).lowerBound
            let shown = ramsarSection.body[underRamsar5..<afterRamsar5]
            #expect(shown.contains("href=\"/parties/KE/national-targets/T3\"") && shown.contains("On track"))
            let json = try await ramsarReader.get("/api/v1/reports/\(ramsar.id!)")
            let report = try Self.decode(ReportPage.Model.self, json.body)
            #expect(report.nationalTargets.map(\.code) == ["T3"] && report.nationalTargets.first?.targets == ["RAMSAR-SP4/5"])

            // The target page lists the reports its reader may read: both for a contributor of Kenya.
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let contributor = Browser(app)
            try await contributor.signIn("contributor@example.org")
            let target = try await contributor.get("/api/v1/parties/KE/national-targets/T3")
            let model = try Self.decode(NationalTargetPage.Model.self, target.body)
            #expect(Set(model.reports.map(\.convention)) == ["CBD", "RAMSAR"])
            // The synergy page counts it: one target, serving the CBD's and Ramsar's, shown in two reports.
            let synergy = try Self.decode(Synergy.Model.self, try await contributor.get("/api/v1/synergy/KE").body)
            #expect(synergy.nationalTargets == .init(targets: 1, byConvention: ["CBD": 1, "RAMSAR": 1], reportsShowing: 2))
            #expect(try Self.decode(Synergy.Model.self, try await Browser(app).get("/api/v1/synergy/KE").body).nationalTargets.targets == 0, "a draft is not counted for the public")

            // The public sees no draft: not the target while it is one (in a report either), nor, once it is published, the draft reports.
            let ramsarTemplate = try templates.template("ramsar-nr-cop15")
            #expect(try await Browser(app).get("/api/v1/parties/KE/national-targets/T3").status == .notFound)
            #expect(try await NationalTargetsInReport.query(party: "KE", template: ramsarTemplate, actor: .publicVisitor, on: app.db).isEmpty)
            #expect(try await browser.post("/parties/KE/national-targets/T3/publish", ["version": "1"]).status == .seeOther)
            #expect(try await NationalTargetsInReport.query(party: "KE", template: ramsarTemplate, actor: .publicVisitor, on: app.db).map(\.code) == ["T3"])
            let published = try Self.decode(NationalTargetPage.Model.self, try await Browser(app).get("/api/v1/parties/KE/national-targets/T3").body)
            #expect(published.reports.isEmpty, "both reports are drafts")
        }
    }
}

/// What a submitted report shows of the Party's national targets does not change after submission.
@Suite("National targets in a submitted report")
struct NationalTargetsSealedTests {
    @Test("Kenya's Ramsar report, submitted and published with T3 on track: T3 changed to moving away afterwards, the report still shows it on track, at the sealed version; a draft target is never sealed")
    func sealedAtSubmission() async throws {
        try await withSynergia { app in
            let ramsarSecretariat = try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            let focalPoint = try await makeUser(app, email: "fp-ramsar@example.org", role: .focalPoint, party: "KE", convention: "RAMSAR")
            let report = try await startReport(app, template: "ramsar-nr-cop15", openedBy: ramsarSecretariat, startedBy: focalPoint)
            let reportID = try report.requireID()
            let lookups = try await NationalTargetService.lookups(party: "KE", registry: app.synergia.indicators, on: app.db)
            func content(_ title: String, progress: String) throws -> NationalTargetContent {
                try lookups.parse(NationalTargetForm(title: title, degrees: ["3": "high"], otherTargets: ["RAMSAR-SP4/5"], progress: progress),
                                  language: .english)
            }
            let t3 = try await NationalTargetService.create(code: "T3", try content("Wetlands conserved", progress: "onTrack"), party: "KE",
                                                            by: focalPoint, on: app.db)
            _ = try await NationalTargetService.publish(party: "KE", code: "T3", baseVersion: t3.version, by: focalPoint, on: app.db)
            _ = try await NationalTargetService.create(code: "T9", try content("ZQXDRAFTTARGET", progress: "onTrack"), party: "KE",
                                                       by: focalPoint, on: app.db)
            let decree = Data("%PDF-1.7\n% decree\n%%EOF\n".utf8)
            guard case .saved = try await NationalTargetDocuments.attach(decree, try AttachmentCheck.check(decree, filename: "decree.pdf").get(), party: "KE",
                                                                          code: "T3", baseVersion: 2, by: focalPoint, on: app.db) else {
                Issue.record("the document was not attached"); return
            }
            _ = try await fillRequiredAnswers(app, report: reportID, by: "fp-ramsar@example.org")
            for step in [ReportStatus.inReview, .approved, .submitted, .published] {
                try await ReportingService.transition(reportID, to: step, templates: app.synergia.templates,
                                                      by: step == .published ? ramsarSecretariat : focalPoint, on: app.db)
            }
            let sealed = try #require(try await ReportModel.find(reportID, on: app.db)?.submittedContent)
            #expect(sealed.contains("\"nationalTargets\":[{\"code\":\"T3\"") && !sealed.contains("ZQXDRAFTTARGET"))
            #expect(sealed.contains("\"documents\":[{\"filename\":\"decree.pdf\",\"mediaType\":\"application/pdf\",\"sha256\":\"\(SHA256Hex.digest(decree))\""))

            guard case .saved = try await NationalTargetService.update(party: "KE", code: "T3", try content("Wetlands conserved", progress: "movingAway"),
                                                                       baseVersion: 3, by: focalPoint, on: app.db) else {
                Issue.record("the change was refused")
                return
            }
            let page = try await Browser(app).get("/reports/\(reportID)/sections/ramsar-nr.s4")
            let under = try #require(page.body.range(of: "id=\"q-ramsar-nr.s4.q9\"")).upperBound
            let next = try #require(page.body.range(of: "id=\"q-ramsar-nr.s4.q10\"")).lowerBound
            #expect(page.body[under..<next].contains("On track") && !page.body[under..<next].contains("Moving away"))
            let json = try NationalTargetTests.decode(ReportPage.Model.self, try await Browser(app).get("/api/v1/reports/\(reportID)").body)
            #expect(json.nationalTargets.map(\.code) == ["T3"] && json.nationalTargets.first?.sealedVersion == 3)
            #expect(try await Browser(app).get("/parties/KE/national-targets/T3").contains("Moving away"), "the target's own page is as it is now")
        }
    }
}

/// Documents attached to a national target (issue 15, item 6).
@Suite("Documents of a national target")
struct NationalTargetDocumentTests {
    static let pdf = Data("%PDF-1.7\n% the decree that adopted Kenya's targets (a test file)\n%%EOF\n".utf8)

    @Test("the focal point attaches the decree to draft T3: its version moves on, the page lists it with its SHA-256; the public can download it only once T3 is published; a stale version is a conflict, a disguised file is refused; a submitted report seals its digest")
    func documents() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            #expect(try await browser.post("/parties/KE/national-targets", pairs: NationalTargetTests.t3).status == .seeOther)
            let path = "/parties/KE/national-targets/T3/documents"
            let sent = try await browser.upload(path, file: "file", named: "decree.pdf", Self.pdf, fields: ["version": "1"])
            #expect(sent.status == .seeOther && sent.location == "/parties/KE/national-targets/T3#documents")
            let row = try #require(try await NationalTargetDocumentModel.query(on: app.db).first())
            #expect(row.sha256 == SHA256Hex.digest(Self.pdf) && row.mediaType == "application/pdf")
            #expect(try await NationalTargetModel.query(on: app.db).first()?.version == 2)
            let page = try await browser.get("/parties/KE/national-targets/T3")
            let link = "/parties/KE/national-targets/T3/documents/\(row.id!.uuidString)"
            #expect(page.contains("href=\"\(link)\"") && page.contains(row.sha256))

            #expect(try await browser.upload(path, file: "file", named: "again.pdf", Self.pdf, fields: ["version": "1"]).status == .conflict)
            #expect(try await browser.upload(path, file: "file", named: "decree.pdf", Data("<html><script>x()</script>".utf8),
                                             fields: ["version": "2"]).status == .unprocessableEntity)
            #expect(try await NationalTargetDocumentModel.query(on: app.db).count() == 1, "neither was stored")

            let visitor = Browser(app)
            #expect(try await visitor.get(link).status == .notFound, "a draft's document is not the public's")
            let own = try await browser.download(link)
            #expect(own.status == .ok && own.data == Self.pdf && own.headers.first(name: .cacheControl)?.contains("no-store") == true)
            #expect(try await browser.post("/parties/KE/national-targets/T3/publish", ["version": "2"]).status == .seeOther)
            let published = try await visitor.download(link)
            #expect(published.status == .ok && published.data == Self.pdf)
            #expect(try await visitor.get("/parties/KE/national-targets/T3/documents/\(UUID().uuidString)").status == .notFound)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "national-target.document-added").count() == 1)

            // Through the API with a token: 201 at the next version, 409 on a stale one, 422 without one; a contributor
            // may not change the published target, nor Uganda's focal point Kenya's.
            try await LiveServer.with(app) { server in
                let client = server.client()
                try await client.signInWithToken("fp@example.org")
                func upload(_ client: LiveClient, version: String?) async throws -> HTTPStatus {
                    let boundary = "synergia-test-boundary"
                    var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"map.pdf\"\r\n\r\n"
                        + String(decoding: Self.pdf, as: UTF8.self) + "\r\n"
                    if let version { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n\(version)\r\n" }
                    body += "--\(boundary)--\r\n"
                    return try await client.send(.POST, "/api/v1/parties/KE/national-targets/T3/documents",
                                                 contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]),
                                                 body: body, bearer: client.token).status
                }
                #expect(try await upload(client, version: "3") == .created)
                #expect(try await upload(client, version: "3") == .conflict)
                #expect(try await upload(client, version: nil) == .unprocessableEntity)
                try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
                try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
                for stranger in ["contributor@example.org", "ug@example.org"] {
                    let other = server.client()
                    try await other.signInWithToken(stranger)
                    #expect(try await upload(other, version: "4") == .forbidden, "\(stranger)")
                }
            }
            #expect(try await NationalTargetDocumentModel.query(on: app.db).count() == 2)

            let template = try app.synergia.templates.template("ramsar-nr-cop15")
            let sealed = try await app.db.write { tx in try await NationalTargetsInReport.sealed(party: "KE", template: template, in: tx) }
            #expect(sealed.first?.documents?.map(\.filename) == ["decree.pdf", "map.pdf"])
            #expect(sealed.first?.documents?.first == AttachmentDigest(filename: "decree.pdf", mediaType: "application/pdf", size: Self.pdf.count,
                                                                       sha256: SHA256Hex.digest(Self.pdf)))
        }
    }
}
