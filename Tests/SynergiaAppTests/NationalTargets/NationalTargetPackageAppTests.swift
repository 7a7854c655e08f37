import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// A Party's national targets offline (issue 15, item 1): downloaded as a package, edited, uploaded
/// back; the preview shows what would change, the confirmation applies it all or nothing, a change
/// made online since the download is kept unless chosen, and drafts never leave the Party.
@Suite("National targets offline")
struct NationalTargetPackageAppTests {
    /// Kenya's focal point with T3 published (GBF 3) and T1 a draft; the signed-in browser.
    static func kenya(_ app: Application) async throws -> (Browser, UserModel) {
        let focalPoint = try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
        let lookups = try await NationalTargetService.lookups(party: "KE", registry: app.synergia.indicators, on: app.db)
        let t3 = try await NationalTargetService.create(code: "T3", try lookups.parse(NationalTargetForm(title: "Protected areas", degrees: ["3": "high"],
                                                                                                          progress: "onTrack"), language: .english),
                                                        party: "KE", by: focalPoint, on: app.db)
        _ = try await NationalTargetService.publish(party: "KE", code: "T3", baseVersion: t3.version, by: focalPoint, on: app.db)
        _ = try await NationalTargetService.create(code: "T1", try lookups.parse(NationalTargetForm(title: "ZQXDRAFT spatial planning", degrees: ["1": "medium"]),
                                                                                 language: .english), party: "KE", by: focalPoint, on: app.db)
        let browser = Browser(app)
        try await browser.signIn("fp@example.org")
        return (browser, focalPoint)
    }

    static func package(_ page: Browser.Page) throws -> NationalTargetPackage {
        guard case .package(let package) = NationalTargetPackage.parse(Data(page.body.utf8), party: "KE") else { throw Abort(.badRequest) }
        return package
    }

    static func text(_ package: NationalTargetPackage) throws -> String { String(decoding: try package.jsonData(), as: UTF8.self) }

    static func row(_ app: Application, _ code: String) async throws -> NationalTargetModel? {
        try await NationalTargetModel.query(on: app.db).filter(\.$partyCode == "KE").filter(\.$code == code).first()
    }

    @Test("downloaded with its draft by Kenya's focal point (without by the public), T3 retitled, T1 assessed and T9 added offline: the preview lists the three and changes nothing; confirmed, each is saved at its next version, T9 a draft, all audited")
    func roundTrip() async throws {
        try await withSynergia { app async throws in
            let (browser, _) = try await Self.kenya(app)
            let download = try await browser.get("/parties/KE/national-targets/package.json")
            #expect(download.status == .ok && download.headers.first(name: .contentDisposition)?.contains("KE-national-targets.json") == true)
            var package = try Self.package(download)
            #expect(package.targets.map(\.code) == ["T1", "T3"] && package.targets.map(\.version) == [1, 2])
            let anonymous = try await Browser(app).get("/parties/KE/national-targets/package.json")
            let published = try Self.package(anonymous)
            #expect(!anonymous.contains("ZQXDRAFT") && published.targets.map(\.code) == ["T3"])

            package.targets[1].title = "Protected and conserved areas"
            package.targets[0].progress = "insufficientRate"
            var t9 = package.targets[1]
            t9.code = "t9"
            t9.version = 0
            t9.title = "Restore degraded wetlands"
            t9.alignments = [.init(target: "2", degree: "high", elements: "wetlands")]
            package.targets.append(t9)
            let edited = try Self.text(package)

            let preview = try await browser.upload("/parties/KE/national-targets/package", file: "package", named: "KE.json", Data(edited.utf8))
            #expect(preview.status == .ok && preview.contains("Applying the package would change 3 national targets."))
            #expect(preview.contains("id=\"change-T3\"") && preview.contains("Changed: title") && preview.contains("Changed: progress"))
            #expect(preview.contains("id=\"change-T9\"") && preview.contains("New (a draft)") && !preview.contains("name=\"overwrite[]\""))
            let unchanged = try await Self.row(app, "T3")?.version, notAdded = try await Self.row(app, "T9")
            #expect(unchanged == 2 && notAdded == nil, "a preview changes nothing")

            let applied = try await browser.post("/parties/KE/national-targets/package/apply", ["text": edited])
            #expect(applied.status == .seeOther && applied.location == "/parties/KE/national-targets")
            let t3 = try #require(try await Self.row(app, "T3"))
            #expect(t3.content.title == "Protected and conserved areas" && t3.version == 3 && t3.status == .published)
            #expect(try await Self.row(app, "T1")?.content.progress == .insufficientRate)
            let added = try #require(try await Self.row(app, "T9"))
            #expect(added.status == .draft && added.version == 1 && added.content.alignments.map(\.target.code) == ["2"])
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$subject == "national-target/KE/T9").count() == 1)
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
            // The same package again: nothing to change.
            let again = try await browser.post("/parties/KE/national-targets/package", ["text": edited])
            #expect(again.contains("id=\"change-T3\"") && again.contains("Unchanged") && !again.contains("id=\"apply-package\""))
        }
    }

    @Test("T3 changed online after the download: the preview flags it; confirmed without choosing, the online change stays and the rest applies; chosen, the package's replaces it")
    func changedOnline() async throws {
        try await withSynergia { app async throws in
            let (browser, focalPoint) = try await Self.kenya(app)
            var package = try Self.package(try await browser.get("/parties/KE/national-targets/package.json"))
            let lookups = try await NationalTargetService.lookups(party: "KE", registry: app.synergia.indicators, on: app.db)
            guard case .saved = try await NationalTargetService.update(party: "KE", code: "T3",
                                                                       try lookups.parse(NationalTargetForm(title: "Changed online", degrees: ["3": "high"], progress: "onTrack"),
                                                                                         language: .english),
                                                                       baseVersion: 2, by: focalPoint, on: app.db) else { Issue.record("not saved"); return }
            package.targets[1].title = "Changed offline"
            package.targets[0].title = "Spatial planning, offline"
            let edited = try Self.text(package)
            let preview = try await browser.post("/parties/KE/national-targets/package", ["text": edited])
            #expect(preview.contains("<tr id=\"change-T3\" class=\"changed-online\"") && preview.contains("name=\"overwrite[]\" value=\"T3\""))

            #expect(try await browser.post("/parties/KE/national-targets/package/apply", ["text": edited]).status == .seeOther)
            #expect(try await Self.row(app, "T3")?.content.title == "Changed online")
            #expect(try await Self.row(app, "T1")?.content.title == "Spatial planning, offline")
            #expect(try await browser.post("/parties/KE/national-targets/package/apply", ["text": edited, "overwrite[]": "T3"]).status == .seeOther)
            #expect(try await Self.row(app, "T3")?.content.title == "Changed offline")
        }
    }

    @Test("refused whole, changing nothing: a contributor's package changing published T3, another Party's package, an unknown GBF target, a version for a target Kenya lacks, a bad language; Uganda's focal point and the public cannot upload at all")
    func refusals() async throws {
        try await withSynergia { app async throws in
            let (browser, _) = try await Self.kenya(app)
            let package = try Self.package(try await browser.get("/parties/KE/national-targets/package.json"))
            func edited(_ change: (inout NationalTargetPackage) -> Void) throws -> String {
                var copy = package
                change(&copy)
                return try Self.text(copy)
            }
            let before = try await NationalTargetModel.query(on: app.db).all().map { "\($0.code) v\($0.version)" }.sorted()

            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let contributor = Browser(app)
            try await contributor.signIn("contributor@example.org")
            let retitled = try edited { $0.targets[1].title = "Not theirs to change"; $0.targets[0].title = "Theirs to change" }
            for path in ["/parties/KE/national-targets/package", "/parties/KE/national-targets/package/apply"] {
                let refused = try await contributor.post(path, ["text": retitled])
                #expect(refused.status == .unprocessableEntity && refused.contains("<code>T3</code>") && refused.contains("publishing authority"), "\(path)")
            }
            let cases: [(String, String)] = [
                (try edited { $0.party = "UG" }, "The package is for another Party."),
                (try edited { $0.targets[1].alignments = [.init(target: "99", degree: "high")] }, "<code>T3</code>"),
                (try edited { $0.targets[0].code = "T7" }, "give it version 0 to add it"),
                (try edited { $0.targets[0].language = "de" }, "The language must be one of"),
                ("{\"format\": \"synergia-national-targets\"", "The package cannot be read."),
            ]
            for (text, message) in cases {
                let page = try await browser.post("/parties/KE/national-targets/package/apply", ["text": text])
                #expect(page.status == .unprocessableEntity && page.contains(message), "\(message)")
            }
            try await makeUser(app, email: "ug@example.org", role: .focalPoint, party: "UG", convention: "CBD")
            let uganda = Browser(app)
            try await uganda.signIn("ug@example.org")
            #expect(try await uganda.post("/parties/KE/national-targets/package/apply", ["text": retitled]).status == .forbidden)
            let anonymous = try await Browser(app).post("/parties/KE/national-targets/package/apply", ["text": retitled])
            #expect(anonymous.status != .seeOther || anonymous.location?.hasPrefix("/sign-in") == true)
            #expect(try await NationalTargetModel.query(on: app.db).all().map { "\($0.code) v\($0.version)" }.sorted() == before)
        }
    }

    @Test("a contributor's package is not refused for a published target the focal point changed online after the download: that change is kept, the contributor's draft edit applied; text with entities (R&amp;D, &lt;b&gt;) goes from the preview's form to the confirmation unchanged")
    func contributorAndEntities() async throws {
        try await withSynergia { app async throws in
            let (browser, focalPoint) = try await Self.kenya(app)
            try await makeUser(app, email: "contributor@example.org", role: .contributor, party: "KE")
            let contributor = Browser(app)
            try await contributor.signIn("contributor@example.org")
            var package = try Self.package(try await contributor.get("/parties/KE/national-targets/package.json"))
            let lookups = try await NationalTargetService.lookups(party: "KE", registry: app.synergia.indicators, on: app.db)
            guard case .saved = try await NationalTargetService.update(party: "KE", code: "T3",
                                                                       try lookups.parse(NationalTargetForm(title: "Focal point's title", degrees: ["3": "high"], progress: "onTrack"),
                                                                                         language: .english),
                                                                       baseVersion: 2, by: focalPoint, on: app.db) else { Issue.record("not saved"); return }
            package.targets[0].title = "R&amp;D for &lt;b&gt;spatial&lt;/b&gt; planning & \"zoning\""
            package.targets[0].description = "&#60;script&#62; stays text"
            let preview = try await contributor.upload("/parties/KE/national-targets/package", file: "package", named: "KE.json", Data(try Self.text(package).utf8))
            #expect(preview.status == .ok && preview.contains("<tr id=\"change-T3\" class=\"changed-online\""))
            #expect(!preview.contains("name=\"overwrite[]\" value=\"T3\""), "replacing a published target is not the contributor's choice")
            // The form as the browser would send it: the hidden textarea's text, decoded as HTML decodes it.
            let start = try #require(preview.body.range(of: "<textarea name=\"text\" hidden=\"hidden\">")).upperBound
            let end = try #require(preview.body[start...].range(of: "</textarea>")).lowerBound
            let carried = String(preview.body[start..<end]).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            #expect(carried == (try Self.text(package)))
            #expect(try await contributor.post("/parties/KE/national-targets/package/apply", ["text": carried]).status == .seeOther)
            let t1 = try #require(try await Self.row(app, "T1"))
            #expect(t1.content.title == "R&amp;D for &lt;b&gt;spatial&lt;/b&gt; planning & \"zoning\"" && t1.content.description == "&#60;script&#62; stays text")
            #expect(try await Self.row(app, "T3")?.content.title == "Focal point's title")
            // The target's page and its editor show the text as written, the editor's form sending it back unchanged.
            let page = try await browser.get("/parties/KE/national-targets/T1")
            #expect(page.contains("R&amp;amp;D for &amp;lt;b&amp;gt;spatial"))
            let editor = try await browser.get("/parties/KE/national-targets/T1/edit")
            #expect(editor.contains("&amp;#60;script&amp;#62; stays text</textarea>"))
        }
    }

    @Test("eight colleagues apply their own edit of T3 from the same download at the same moment: exactly one is applied, the others find it changed online and keep it")
    func simultaneousApplies() async throws {
        try await withSynergia { app async throws in
            let (browser, focalPoint) = try await Self.kenya(app)
            let package = try Self.package(try await browser.get("/parties/KE/national-targets/package.json"))
            let lookups = try await NationalTargetService.lookups(party: "KE", registry: app.synergia.indicators, on: app.db)
            let edits: [(NationalTargetPackage, [String: NationalTargetContent])] = try (0..<8).map { index in
                var copy = package
                copy.targets[1].title = "Edit number \(index)"
                guard case .package(let read, let contents, _) = NationalTargetPackageService.read(file: nil, text: try Self.text(copy), party: "KE",
                                                                                                     lookups: lookups) else { throw Abort(.badRequest) }
                return (read, contents)
            }
            let written = try await withThrowingTaskGroup(of: Int.self) { group in
                for (edit, contents) in edits {
                    group.addTask {
                        try await NationalTargetPackageService.apply(edit, contents: contents, overwrite: [], party: "KE", by: focalPoint, on: app.db)
                    }
                }
                return try await group.reduce(0, +)
            }
            let t3 = try #require(try await Self.row(app, "T3"))
            #expect(written == 1 && t3.version == 3 && t3.content.title.hasPrefix("Edit number "))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$subject == "national-target/KE/T3").filter(\.$action == "national-target.changed").count() == 1)
        }
    }
}
