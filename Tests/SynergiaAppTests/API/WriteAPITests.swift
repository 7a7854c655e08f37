import Fluent
import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

/// A client of the JSON API with a bearer token.
struct APIClient {
    let app: Application
    let token: String?

    struct Reply {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String
        func json<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(body.utf8))
        }
    }

    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, csv: String? = nil) async throws -> Reply {
        var headers = HTTPHeaders()
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        if json != nil { headers.contentType = .json }
        if csv != nil { headers.contentType = HTTPMediaType(type: "text", subType: "csv") }
        let body = (json ?? csv).map { ByteBuffer(string: $0) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        return Reply(status: response.status, headers: response.headers, body: response.body.string)
    }

    /// Sends raw bytes (a file as uploaded).
    func send(_ method: HTTPMethod, _ path: String, data: Data, contentType: HTTPMediaType) async throws -> Reply {
        var headers = HTTPHeaders()
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        headers.contentType = contentType
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(data: data))
        return Reply(status: response.status, headers: response.headers, body: response.body.string)
    }

    /// Makes the account, then its token.
    static func forNewUser(_ app: Application, _ email: String, role: Role, party: String? = nil, convention: String? = nil) async throws -> APIClient {
        try await makeUser(app, email: email, role: role, party: party, convention: convention)
        return try await forUser(app, email)
    }

    /// Makes a token for `email` through the account page, as the person would.
    static func forUser(_ app: Application, _ email: String, password: String = "correct horse battery") async throws -> APIClient {
        let browser = Browser(app)
        try await browser.signIn(email, password)
        let page = try await browser.post("/account/tokens", ["name": "test script"])
        #expect(page.status == .created)
        let token = try #require(page.body.range(of: "syn_[A-Za-z0-9_-]{43}", options: .regularExpression).map { String(page.body[$0]) })
        return APIClient(app: app, token: token)
    }
}

@Suite("Writes through the JSON API")
struct WriteAPITests {
    @Test("tokens: made once on the account page, stored only as a hash, revoked; a session cookie never authorizes an API write")
    func tokens() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let client = try await APIClient.forUser(app, "cbd@example.org")
            let stored = try #require(try await APITokenModel.query(on: app.db).first())
            #expect(stored.tokenSHA256 == SHA256Hex.digest(Data(client.token!.utf8)) && stored.tokenSHA256 != client.token)
            let cycle = #"{"template":"cbd-7nr","opensOn":"2026-01-01","dueOn":"2026-12-31"}"#
            let opened = try await client.send(.POST, "/api/v1/reporting-cycles", json: cycle)
            #expect(opened.status == .created)
            #expect(!opened.headers[.setCookie].contains { $0.hasPrefix("synergia-session") }, "a token authorizes one request; it makes no session")

            // The signed-in browser's cookie is not enough; neither is a wrong token.
            let browser = Browser(app)
            try await browser.signIn("cbd@example.org")
            #expect(try await APIClient(app: app, token: nil).send(.POST, "/api/v1/reporting-cycles", json: cycle).status == .unauthorized)
            #expect(try await APIClient(app: app, token: "syn_" + String(repeating: "x", count: 43))
                .send(.POST, "/api/v1/reporting-cycles", json: cycle).status == .unauthorized)

            #expect(try await browser.post("/account/tokens/\(stored.id!)/revoke", [:]).status == .seeOther)
            #expect(try await client.send(.POST, "/api/v1/reporting-cycles", json: cycle).status == .unauthorized)
            #expect(try await ReportingCycleModel.query(on: app.db).count() == 1)
        }
    }

    @Test("a token kept in memory is refused at once when another process revokes it, and its account's change is seen at once")
    func keptTokenRevokedElsewhere() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let client = try await APIClient.forUser(app, "fp@example.org")
            struct Me: Decodable { var role: String }
            for _ in 0..<2 { #expect(try await client.send(.GET, "/api/v1/me").json(Me.self).role == "focal-point") }
            #expect(app.synergia.apiTokenCache.count == 1, "the token is kept after its first request")

            // Behind this server's back, as `synergia` on the command line or another server would.
            try await app.db.sql.raw("UPDATE users SET role = 'contributor' WHERE email = 'fp@example.org'").run()
            #expect(try await client.send(.GET, "/api/v1/me").json(Me.self).role == "contributor")
            // Noting its use (written at most every ten minutes) does not make it another token;
            // giving it to another account does, and so does revoking it.
            let before = try await Generations.current(on: app.db)
            try await app.db.sql.raw("UPDATE api_tokens SET last_used_at = \(bind: Date())").run()
            #expect(try await Generations.current(on: app.db).sessions == before.sessions)
            #expect(try await client.send(.GET, "/api/v1/me").status == .ok)
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            let kept = try await Generations.current(on: app.db)
            try await app.db.sql.raw("UPDATE api_tokens SET user_id = (SELECT id FROM users WHERE email = 'cbd@example.org')").run()
            #expect(try await Generations.current(on: app.db).sessions > kept.sessions)
            #expect(try await client.send(.GET, "/api/v1/me").json(Me.self).role == "secretariat")
            let given = try await Generations.current(on: app.db)
            try await app.db.sql.raw("DELETE FROM api_tokens").run()
            #expect(try await Generations.current(on: app.db).sessions > given.sessions)
            #expect(try await client.send(.GET, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test("a report through the API: start, save, conflict, bad input refused, workflow to the receipt, locked after")
    func reportFlow() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "cbd@example.org", role: .secretariat, convention: "CBD")
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            try await makeUser(app, email: "fp-tz@example.org", role: .focalPoint, party: "TZ", convention: "CBD")
            let secretariat = try await APIClient.forUser(app, "cbd@example.org")
            let focalPoint = try await APIClient.forUser(app, "fp@example.org")
            let other = try await APIClient.forUser(app, "fp-tz@example.org")

            let cycle = try await secretariat.send(.POST, "/api/v1/reporting-cycles",
                                                   json: #"{"template":"cbd-7nr","opensOn":"2026-01-01","dueOn":"2026-12-31"}"#).json(CycleDTO.self)
            let started = try await focalPoint.send(.POST, "/api/v1/reporting-cycles/\(cycle.id)/reports")
            #expect(started.status == .created)
            let report = try started.json(ReportPage.Model.self)
            let answer = "/api/v1/reports/\(report.id)/answers/cbd-7nr.s3.q2"

            let saved = try await focalPoint.send(.PUT, answer, json: #"{"value":{"type":"number","value":3560},"baseVersion":0}"#)
            #expect(saved.status == .ok)
            let savedAnswer = try saved.json(ReportPage.Model.Answer.self)
            #expect(savedAnswer.value == .number(3560) && savedAnswer.version == 1)

            // A second client that read version 0 gets the conflict with both versions, and nothing changes.
            let conflict = try await focalPoint.send(.PUT, answer, json: #"{"value":{"type":"number","value":4000},"baseVersion":0}"#)
            #expect(conflict.status == .conflict)
            let both = try conflict.json(WriteAPI.ConflictDTO.self)
            #expect(both.mine == .number(4000) && both.theirs.value == .number(3560) && both.theirs.version == 1)

            // Bad input: wrong type, a choice not in the list, another Party's account — refused, nothing changes.
            #expect(try await focalPoint.send(.PUT, answer, json: #"{"value":{"type":"shortText","value":"many"},"baseVersion":1}"#).status == .unprocessableEntity)
            #expect(try await focalPoint.send(.PUT, "/api/v1/reports/\(report.id)/answers/cbd-7nr.s4.q2",
                                              json: #"{"value":{"type":"singleChoice","value":"maybe"},"baseVersion":0}"#).status == .unprocessableEntity)
            #expect(try await other.send(.PUT, answer, json: #"{"value":{"type":"number","value":1},"baseVersion":1}"#).status == .forbidden)
            let current = try await Browser(app).get("/api/v1/reports/\(report.id)")
            #expect(current.status == .unauthorized, "a draft is not public")
            #expect(try await AnswerHistoryModel.query(on: app.db).count() == 1)

            #expect(try await focalPoint.send(.POST, "/api/v1/reports/\(report.id)/comments/cbd-7nr.s3.q2", json: #"{"text":"Check with KWS"}"#).status == .created)
            try await fillRequiredAnswers(app, report: report.id, by: "fp@example.org")
            for status in ["in-review", "approved", "submitted"] {
                let moved = try await focalPoint.send(.POST, "/api/v1/reports/\(report.id)/transition", json: "{\"to\":\"\(status)\"}")
                #expect(moved.status == .ok, "\(status)")
            }
            let submitted = try await focalPoint.send(.POST, "/api/v1/reports/\(report.id)/transition", json: #"{"to":"draft"}"#)
            #expect(submitted.status == .unprocessableEntity, "a submitted report does not go back to draft")
            let locked = try await focalPoint.send(.PUT, answer, json: #"{"value":{"type":"number","value":5},"baseVersion":1}"#)
            #expect(locked.status == .unprocessableEntity && locked.body.contains("reason"))
            let stored = try #require(try await ReportModel.find(report.id, on: app.db))
            #expect(stored.status == .submitted && stored.receiptSHA256?.count == 64)
            let amended = try await focalPoint.send(.POST, "/api/v1/reports/\(report.id)/amend")
            #expect(amended.status == .created)
            #expect(try amended.json(ReportPage.Model.self).version == 2)
        }
    }

    @Test("indicator data and progress assessments through the API; bad rows reported with their lines")
    func indicatorsAndProgress() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "stats@example.org", role: .focalPoint, party: "KE", convention: "CMS")
            let client = try await APIClient.forUser(app, "stats@example.org")
            let good = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,3.1,2020,12.4,percent,,,,WDPA,\n"
            let imported = try await client.send(.POST, "/api/v1/indicators/import", csv: good)
            #expect(imported.status == .ok)
            #expect(try imported.json(WriteAPI.ImportResult.self).imported == 1)
            let bad = "party,indicator,period,value,unit,lower,upper,disaggregation,source,comment\nKE,3.1,2021,lots,percent,,,,WDPA,\nXX,3.1,2021,1,percent,,,,WDPA,\n"
            let refused = try await client.send(.POST, "/api/v1/indicators/import", csv: bad)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.json(WriteAPI.ImportResult.self).errors.map(\.line) == [2, 3])
            #expect(try await IndicatorValueModel.query(on: app.db).count() == 1)

            // A Party's public assessment is stated by its focal point for the framework's convention, not a contributor.
            let body = #"{"cycle":"2026","category":"on-track","confidence":"medium","evidence":"3.1"}"#
            #expect(try await client.send(.POST, "/api/v1/progress/KMGBF/3", json: body).status == .forbidden)
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            let focalPoint = try await APIClient.forUser(app, "fp@example.org")
            let assessed = try await focalPoint.send(.POST, "/api/v1/progress/KMGBF/3", json: body)
            #expect(assessed.status == .ok)
            #expect(try assessed.json(TargetDashboard.Model.self).overall == [.onTrack: 1])
            #expect(try await focalPoint.send(.POST, "/api/v1/progress/KMGBF/3", json: #"{"cycle":"2026","category":"great","confidence":"medium"}"#).status == .unprocessableEntity)
        }
    }

    @Test("an offline package through the API: preview lists changes and online conflicts, apply is all or nothing, a bad package names question and line")
    func offlinePackage() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let client = try await APIClient.forUser(app, "fp@example.org")
            let browser = Browser(app)
            try await browser.signIn("fp@example.org")
            let path = "/api/v1/reports/\(report.id!)"
            #expect(try await client.send(.PUT, "\(path)/answers/cbd-7nr.s3.q2", json: #"{"value":{"type":"number","value":3500},"baseVersion":0}"#).status == .ok)
            let download = try await browser.get("/reports/\(report.id!)/package.json")
            var package = try JSONSerialization.jsonObject(with: Data(download.body.utf8)) as! [String: Any]
            var answers = package["answers"] as! [String: Any]
            answers["cbd-7nr.s3.q2"] = ["value": ["type": "number", "value": 4000], "version": 1]
            answers["cbd-7nr.s4.q1"] = ["value": ["type": "date", "value": "2015-06-30"], "version": 0]
            package["answers"] = answers
            let edited = String(decoding: try JSONSerialization.data(withJSONObject: package, options: [.sortedKeys]), as: UTF8.self)
            #expect(try await client.send(.PUT, "\(path)/answers/cbd-7nr.s3.q2", json: #"{"value":{"type":"number","value":4100},"baseVersion":1}"#).status == .ok)

            let preview = try await client.send(.POST, "\(path)/package", json: edited)
            #expect(preview.status == .ok)
            let changes = try preview.json(PackagePreview.Model.self).changes
            #expect(Set(changes.map(\.question)) == ["cbd-7nr.s3.q2", "cbd-7nr.s4.q1"])
            #expect(changes.first { $0.question == "cbd-7nr.s3.q2" }?.changedOnlineSinceDownload == true)

            let applied = try await client.send(.POST, "\(path)/package/apply", json: edited)
            #expect(applied.status == .ok)
            let after = try applied.json(ReportPage.Model.self).answers
            #expect(after.first { $0.question == "cbd-7nr.s4.q1" }?.value == .date("2015-06-30"))
            #expect(after.first { $0.question == "cbd-7nr.s3.q2" }?.value == .number(4100), "the online change is kept unless named")
            let overwritten = try await client.send(.POST, "\(path)/package/apply?overwrite=cbd-7nr.s3.q2", json: edited)
            #expect(try overwritten.json(ReportPage.Model.self).answers.first { $0.question == "cbd-7nr.s3.q2" }?.value == .number(4000))

            // Another Party's token can neither preview nor apply a package to Kenya's report (nor read it that way).
            try await makeUser(app, email: "fp-tz@example.org", role: .focalPoint, party: "TZ", convention: "CBD")
            let tanzania = try await APIClient.forUser(app, "fp-tz@example.org")
            let empty = edited.replacingOccurrences(of: #""answers":{"#, with: #""ignored":{"#)
            #expect(try await tanzania.send(.POST, "\(path)/package/apply", json: empty).status == .forbidden)
            #expect(try await tanzania.send(.POST, "\(path)/package", json: edited).status == .forbidden)

            answers["no-such-question"] = ["value": ["type": "number", "value": 1], "version": 0]
            package["answers"] = answers
            let bad = String(decoding: try JSONSerialization.data(withJSONObject: package, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
            let refused = try await client.send(.POST, "\(path)/package/apply", json: bad)
            #expect(refused.status == .unprocessableEntity)
            let problem = try #require(try refused.json(PackagePreview.Model.self).problems.first)
            #expect(problem.question == "no-such-question" && problem.line != nil)
        }
    }

    @Test("crosswalk links and section assignments through the API, with the same refusals as the pages")
    func crosswalksAndAssignments() async throws {
        try await withSynergia { app in
            try await makeUser(app, email: "ramsar@example.org", role: .secretariat, convention: "RAMSAR")
            try await makeUser(app, email: "cites@example.org", role: .secretariat, convention: "CITES")
            let ramsar = try await APIClient.forUser(app, "ramsar@example.org")
            let cites = try await APIClient.forUser(app, "cites@example.org")
            let link = #"{"fromFramework":"RAMSAR-SP4","fromCode":"11","toFramework":"KMGBF","toCode":"11","relation":"contributesTo","sourceTitle":"Resolution XIV.4 (test)"}"#
            #expect(try await cites.send(.POST, "/api/v1/crosswalks", json: link).status == .forbidden)
            let added = try await ramsar.send(.POST, "/api/v1/crosswalks", json: link)
            #expect(added.status == .created)
            #expect(try await ramsar.send(.POST, "/api/v1/crosswalks", json: link).status == .unprocessableEntity, "duplicate")
            let id = try added.json(TargetLinkDTO.self).id
            #expect(try await cites.send(.DELETE, "/api/v1/crosswalks/\(id)").status == .forbidden)
            #expect(try await ramsar.send(.DELETE, "/api/v1/crosswalks/\(id)").status == .noContent)
            #expect(try await TargetLinkModel.find(id, on: app.db) == nil)

            let report = try await startKenyaCBDReport(app)
            try await makeUser(app, email: "stats@example.org", role: .contributor, party: "KE")
            try await makeUser(app, email: "fr@example.org", role: .contributor, party: "FR")
            let focalPoint = try await APIClient.forUser(app, "fp@example.org")
            let section = try app.synergia.templates.template("cbd-7nr").sections[2].id
            let path = "/api/v1/reports/\(report.id!)/assignments"
            #expect(try await focalPoint.send(.POST, path, json: "{\"section\":\"\(section)\",\"assignee\":\"fr@example.org\"}").status == .unprocessableEntity)
            #expect(try await focalPoint.send(.POST, path, json: "{\"section\":\"\(section)\",\"assignee\":\"stats@example.org\"}").status == .noContent)
            #expect(try await SectionAssignmentModel.query(on: app.db).first()?.assignee == "stats@example.org")
        }
    }

    @Test("a save answers what a later read of the report gives, and its audit entry holds the state as stored, for own, shared and series answers")
    func saveAnswersWhatIsStored() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let client = try await APIClient.forUser(app, "fp@example.org")
            let path = "/api/v1/reports/\(report.id!)"
            let saves = [
                ("cbd-7nr.s2.q32", #"{"type":"longText","value":"Wetlands policy, \"revised\" in 2024"}"#),
                ("cbd-7nr.s3.q2", #"{"type":"number","value":3500}"#),
                ("cbd-7nr.s3.q3", #"{"type":"indicatorSeries","value":[{"period":"2020","value":0.5}]}"#),
            ]
            let sorted = JSONEncoder()
            sorted.outputFormatting = .sortedKeys
            for (question, value) in saves {
                for base in [0, 1] {
                    let reply = try await client.send(.PUT, "\(path)/answers/\(question)", json: "{\"value\":\(value),\"baseVersion\":\(base)}")
                    #expect(reply.status == .ok, "\(question) from version \(base)")
                    let saved = try reply.json(ReportPage.Model.Answer.self)
                    let read = try await client.send(.GET, path).json(ReportPage.Model.self).answers.first { $0.question == question }
                    #expect(saved.version == base + 1)
                    #expect(try sorted.encode(saved) == sorted.encode(try #require(read)), "\(question)")
                    // The entry chained for the save holds the hash the log would read from the row now.
                    let entry = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$sequence, .descending).first())
                    let subject = AuditSubject(parsing: entry.subject)
                    #expect(entry.stateHash == (try await AuditedState.hash(of: subject, on: app.db)), "\(question)")
                }
            }
            // A retried save (its answer lost on the way) gets the same answer, and changes nothing.
            let retried = try await client.send(.PUT, "\(path)/answers/cbd-7nr.s3.q2", json: #"{"value":{"type":"number","value":3500},"baseVersion":1}"#)
            #expect(retried.status == .ok)
            #expect(try retried.json(ReportPage.Model.Answer.self).version == 2)
            // A stale save gets the stored answer as it was read in the write: author, version and time.
            let stale = try await client.send(.PUT, "\(path)/answers/cbd-7nr.s2.q32", json: #"{"value":{"type":"longText","value":"late"},"baseVersion":1}"#)
            #expect(stale.status == .conflict)
            #expect(try stale.json(WriteAPI.ConflictDTO.self).theirs.version == 2)
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let conflict = try await ReportingService.save(.longText("late"), question: "cbd-7nr.s2.q32", baseVersion: 1, report: report.id!,
                                                           templates: app.synergia.templates, by: focalPoint, on: app.db)
            let stored = try #require(try await AnswerModel.query(on: app.db).filter(\.$questionID == "cbd-7nr.s2.q32").first())
            guard case .conflict(_, let theirs) = conflict else { Issue.record("not a conflict: \(conflict)"); return }
            #expect(theirs.version == stored.version && theirs.author == stored.updatedBy)
            #expect(abs(theirs.at.timeIntervalSince(try #require(stored.updatedAt))) < 0.001)
            #expect(try await AuditVerifier.verify(on: app.db).isIntact)
        }
    }
}
