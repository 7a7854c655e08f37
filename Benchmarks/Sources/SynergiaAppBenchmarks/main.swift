import Fluent
import Foundation
import SynergiaApp
import SynergiaCore
import Vapor

// Whole-application benchmark on SQLite with data at the scale of the real platform
// (`synergia seed --scale`): 196 Parties × 5 templates of half-answered reports, 196 Parties ×
// 2 frameworks × 3 cycles of progress assessments, 30 years of every registry indicator per
// Party. A real server on 127.0.0.1 is driven over HTTP by one client, one request at a time,
// signed in as Kenya's CBD focal point. The static /healthz route is measured in the same run.
// The progress overview is also timed in-process, side by side with the same aggregation
// written as one hand-made SQL query. Figures: median (p50) and p90 of N timed runs after
// warm-up runs.

struct Stats {
    var name: String
    var samples: [Double]  // milliseconds
    var p50: Double { percentile(0.5) }
    var p90: Double { percentile(0.9) }
    func percentile(_ p: Double) -> Double {
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}

/// `SYNERGIA_BENCH_RUNS` scales the number of timed runs (for a quick look; figures use the default).
let runScale = Double(ProcessInfo.processInfo.environment["SYNERGIA_BENCH_RUNS"] ?? "") ?? 1

func measure(_ name: String, runs: Int = 300, warmUp: Int = 20, _ body: () async throws -> Void) async throws -> Stats {
    let runs = max(5, Int(Double(runs) * runScale))
    for _ in 0..<warmUp { try await body() }
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let elapsed = try await clock.measure { try await body() }
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    return Stats(name: name, samples: samples)
}

/// A client that keeps cookies and sends the form token, like a browser.
final class Client: @unchecked Sendable {
    let app: Application
    let base: String
    var cookies: [String: String] = [:]
    init(_ app: Application, base: String) { self.app = app; self.base = base }

    @discardableResult
    func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil) async throws -> ClientResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        var request = ClientRequest(method: method, url: URI(string: base + path), headers: headers)
        if var form {
            form["_csrf"] = cookies["synergia-csrf"] ?? ""
            try request.content.encode(form, as: .urlEncodedForm)
        }
        let response = try await app.client.send(request)
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        return response
    }
}

func environmentFlag(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
}

/// The writers of the save mix: the focal points of 16 Parties, each with an API token and a
/// long-text question of their own CBD report (a different question each): "TOKEN PATH VERSION".
func saveWriters(_ app: Application, count: Int) async throws -> [String] {
    let template = try app.synergia.templates.template("cbd-7nr")
    let reports = try await ReportModel.query(on: app.db).with(\.$cycle).sort(\.$partyCode).all()
        .filter { $0.cycle.templateID == "cbd-7nr" && !$0.status.isLocked && $0.status != .approved && $0.partyCode != "KE" }
    check(reports.count >= count, "only \(reports.count) open CBD reports")
    var writers: [String] = []
    for (index, report) in reports.prefix(count).enumerated() {
        let email = "writer-\(report.partyCode.lowercased())@bench.example"
        var user = try await UserModel.query(on: app.db).filter(\.$email == email).first()
        if user == nil {
            user = try await AccountService.create(.init(email: email, password: "benchmark-password", role: .focalPoint,
                                                         party: report.partyCode, convention: "CBD"), hasher: app.password.async, on: app.db)
        }
        let token = try await APITokenService.create(named: "save mix", for: user!, on: app.db)
        let questionID = "cbd-7nr.s2.q\(2 * (index + 1))"
        let version = try await ReportingService.answers(of: report, template: template, on: app.db)[questionID]?.revision.version ?? 0
        writers.append("\(token) /api/v1/reports/\(report.id!)/answers/\(questionID) \(version)")
    }
    return writers
}

/// Stops the run with a message (precondition messages are dropped in release builds).
/// Prints a line at once (stdout to a file is otherwise buffered until the end).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    FileHandle.standardError.write(Data("benchmark stopped: \(message())\n".utf8))
    exit(1)
}

@main
struct AppBenchmarks {
    static func main() async throws {
        // As `synergia` does (SYNERGIA_SWIFT_EXECUTOR=1 measures Swift's own pool instead).
        EventLoopExecutor.install()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("synergia-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = Environment.production
        environment.arguments = ["bench"]
        let app = try await Application.make(environment)
        app.logger.logLevel = .warning
        // SYNERGIA_BENCH_DATABASE_URL=postgres://…: the same run on PostgreSQL (the database is emptied first).
        // SYNERGIA_BENCH_DB=path: this SQLite file, kept after the run; seeded only if it has no Parties yet
        // (a second start on it measures a cold start on data at scale).
        let environmentVariables = ProcessInfo.processInfo.environment
        let database: DatabaseSettings
        if let url = environmentVariables["SYNERGIA_BENCH_DATABASE_URL"].flatMap(URL.init(string:)) {
            database = .postgres(url: url)
        } else {
            database = .sqliteFile(path: environmentVariables["SYNERGIA_BENCH_DB"] ?? directory.appendingPathComponent("bench.sqlite").path)
        }
        do {
            try await run(app, database: database)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func run(_ app: Application, database: DatabaseSettings) async throws {
        let started = ContinuousClock.now
        try await configure(app, settings: SynergiaSettings(database: database, bcryptCost: 4))
        if case .postgres = database, environmentFlag("SYNERGIA_BENCH_COLD") == nil {
            try await app.db.sql.raw("DROP SCHEMA public CASCADE").run()
            try await app.db.sql.raw("CREATE SCHEMA public").run()
        }
        try await prepareDatabase(app)
        let seeded = try await ReportModel.query(on: app.db).count() > 0
        if !seeded {
            let setUp = ContinuousClock.now
            let summary = try await ScaleDemoSeed.seed(on: app.db, indicators: app.synergia.indicators)
            let reports = try await ScaleDemoSeed.seedReports(on: app.db, templates: app.synergia.templates)
            try await DemoSeed.importShippedDecisions(on: app.db)
            let decisions = try await ScaleDemoDecisions.seed(catalogs: app.synergia.catalogs, on: app.db)
            say("Data: \(summary.parties) Parties, \(reports) reports, \(summary.assessments) assessments, \(summary.nationalIndicators) national indicators, \(summary.values) indicator values, \(decisions) language versions of generated decisions; generated in \(ContinuousClock.now - setUp).")
            // Kenya's CBD focal point saves; a contributor of Kenya (who may read and answer all of Kenya's reports) reads the pages.
            try await AccountService.create(.init(email: "fp-ke@bench.example", password: "benchmark-password", role: .focalPoint,
                                                  party: "KE", convention: "CBD"), hasher: app.password.async, on: app.db)
            try await AccountService.create(.init(email: "contributor-ke@bench.example", password: "benchmark-password", role: .contributor,
                                                  party: "KE"), hasher: app.password.async, on: app.db)
        }

        // SYNERGIA_BENCH_PORT: another port (two servers side by side: Benchmarks/scripts/compare.sh).
        let port = environmentFlag("SYNERGIA_BENCH_PORT").flatMap { Int($0) } ?? 18_080
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        // SYNERGIA_BENCH_COLD=1 (on a seeded SYNERGIA_BENCH_DB): serve at once; the load script
        // times the start to the first page from outside.
        if environmentFlag("SYNERGIA_BENCH_COLD") != nil {
            say("serving http://127.0.0.1:\(port) after \(ContinuousClock.now - started) in-process")
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
        app.http.client.configuration.redirectConfiguration = .disallow
        let client = Client(app, base: "http://127.0.0.1:\(port)")
        try await client.send(.GET, "/sign-in")
        let signedIn = try await client.send(.POST, "/sign-in", form: ["email": "contributor-ke@bench.example", "password": "benchmark-password"])
        check(signedIn.status == .seeOther, "sign-in failed: \(signedIn.status)")
        let focalPoint = Client(app, base: "http://127.0.0.1:\(port)")
        try await focalPoint.send(.GET, "/sign-in")
        let focalPointIn = try await focalPoint.send(.POST, "/sign-in", form: ["email": "fp-ke@bench.example", "password": "benchmark-password"])
        check(focalPointIn.status == .seeOther, "sign-in failed: \(focalPointIn.status)")

        // SYNERGIA_BENCH_LANGUAGES=1: the pages read most, in each of the six languages (issue 13):
        // bytes of HTML + CSS, the first (fresh) render and p50/p90 of one signed-in client after.
        if environmentFlag("SYNERGIA_BENCH_LANGUAGES") != nil {
            let report = try await ReportModel.query(on: app.db).filter(\.$partyCode == "KE").with(\.$cycle).all()
                .first { $0.cycle.templateID == "cbd-7nr" }!.id!
            let css = try await client.send(.GET, "/static/synergia.css").body?.readableBytes ?? 0
            let pages = [("home", "/"), ("Parties", "/parties"), ("a target's dashboard", "/progress/KMGBF/3"),
                         ("CBD 7NR report", "/reports/\(report)"), ("its section 2", "/reports/\(report)/sections/cbd-7nr.s2")]
            say("| page | language | HTML + CSS (B) | first (ms) | p50 (ms) | p90 (ms) |")
            say("| --- | --- | ---: | ---: | ---: | ---: |")
            for (name, path) in pages {
                for language in Language.unOrder {
                    let url = path + "?lang=\(language.code)"
                    let clock = ContinuousClock()
                    var page: ClientResponse?
                    let first = try await clock.measure { page = try await client.send(.GET, url) }
                    check(page?.status == .ok, "\(url): \(String(describing: page?.status))")
                    let bytes = (page?.body?.readableBytes ?? 0) + css
                    let stats = try await measure(url, runs: 100) { try await client.send(.GET, url) }
                    let ms = { (value: Double) in String(format: "%.2f", value) }
                    say("| \(name) | \(language.code) | \(bytes) | \(ms(Double(first.components.attoseconds) / 1e15 + Double(first.components.seconds) * 1000)) | \(ms(stats.p50)) | \(ms(stats.p90)) |")
                }
            }
            await app.server.shutdown()
            return
        }

        // SYNERGIA_BENCH_SERVE=1: keep serving the scaled data for an outside load generator
        // (Benchmarks/scripts/load.sh); prints the address, a signed-in session and Kenya's CBD
        // report, then waits to be stopped.
        if ProcessInfo.processInfo.environment["SYNERGIA_BENCH_SERVE"] != nil {
            let report = try await ReportModel.query(on: app.db).filter(\.$partyCode == "KE").with(\.$cycle).all()
                .first { $0.cycle.templateID == "cbd-7nr" }
            let session = client.cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
            say("serving http://127.0.0.1:\(port)")
            say("cookie \(session)")
            say("report /reports/\(report!.id!)")
            for writer in try await saveWriters(app, count: 16) { say("writer \(writer)") }
            say("ready")
            while true { try await Task.sleep(for: .seconds(3600)) }
        }

        // SYNERGIA_BENCH_FOCUS=cbd-7nr: only that report page, many times (for a profiler).
        if let focus = ProcessInfo.processInfo.environment["SYNERGIA_BENCH_FOCUS"] {
            let report = try await ReportModel.query(on: app.db).filter(\.$partyCode == "KE").with(\.$cycle).all()
                .first { $0.cycle.templateID == focus }
            let path = "/reports/\(report!.id!)"
            let stats = try await measure("GET report page \(focus)", runs: 1000) { try await client.send(.GET, path) }
            say("\(stats.name): p50 \(stats.p50) ms")
            await app.server.shutdown()
            return
        }
        var results: [Stats] = []
        var notes: [String] = []
        results.append(try await measure("GET /healthz") { try await client.send(.GET, "/healthz") })
        let healthz = results[0].p50

        let css = try await client.send(.GET, "/static/synergia.css")
        let cssBytes = css.body?.readableBytes ?? 0
        var kenya: [String: UUID] = [:]
        for report in try await ReportModel.query(on: app.db).filter(\.$partyCode == "KE").with(\.$cycle).all() {
            kenya[report.cycle.templateID] = report.id
        }
        for template in kenya.keys.sorted() {
            let path = "/reports/\(kenya[template]!)"
            let page = try await client.send(.GET, path)
            check(page.status == .ok, "\(path): \(page.status)")
            let bytes = page.body?.readableBytes ?? 0
            if let dump = ProcessInfo.processInfo.environment["SYNERGIA_BENCH_DUMP"], var body = page.body {
                try body.readString(length: body.readableBytes)?.write(toFile: "\(dump)/\(template).html", atomically: true, encoding: .utf8)
            }
            let stats = try await measure("GET report page \(template) (\(page.status.code))") { try await client.send(.GET, path) }
            results.append(stats)
            // A query other than `lang` is never kept (WorkspacePageCache.key): every request renders the page.
            results.append(try await measure("GET report page \(template), rendered each time") { try await client.send(.GET, path + "?render=1") })
            notes.append("\(template): HTML \(bytes) B + CSS \(cssBytes) B = \(bytes + cssBytes) B")
        }
        // The same pages in Russian and Arabic (the longest languages); `lang` is remembered for the
        // reader, so English is asked for again after.
        for template in kenya.keys.sorted() {
            var sizes: [String] = []
            for language in ["ru", "ar"] {
                let page = try await client.send(.GET, "/reports/\(kenya[template]!)?lang=\(language)")
                if let dump = ProcessInfo.processInfo.environment["SYNERGIA_BENCH_DUMP"], var body = page.body {
                    try body.readString(length: body.readableBytes)?.write(toFile: "\(dump)/\(template).\(language).html", atomically: true, encoding: .utf8)
                }
                sizes.append("\(language) \(page.body?.readableBytes ?? 0) B")
            }
            notes.append("\(template) HTML in " + sizes.joined(separator: ", "))
        }
        _ = try await client.send(.GET, "/?lang=en")

        // A save of the national focal point in Kenya's CBD report: the element is shared by all
        // five templates, so the one stored value changes in Kenya's five reports.
        let cbd = kenya["cbd-7nr"]!
        let template = try app.synergia.templates.template("cbd-7nr")
        let current = try await ReportingService.answers(of: try await ReportModel.find(cbd, on: app.db)!, template: template, on: app.db)
        var version = current["cbd-7nr.s1.q1"]?.revision.version ?? 0
        var counter = 0
        results.append(try await measure("POST save shared answer (5 reports)", runs: 200) {
            counter += 1
            let response = try await focalPoint.send(.POST, "/reports/\(cbd)/answers/cbd-7nr.s1.q1",
                                                 form: ["value": "Focal point \(counter)", "baseVersion": "\(version)"])
            check(response.status == .seeOther, "save: \(response.status)")
            version += 1
        })
        for (id, report) in kenya {
            let answers = try await ReportingService.answers(of: try await ReportModel.find(report, on: app.db)!,
                                                             template: try app.synergia.templates.template(id), on: app.db)
            let shown = answers.values.first { $0.elementID == "national-focal-point" }?.revision.value
            check(shown?.writtenText?.text == "Focal point \(counter)", "\(id) does not show the last save")
        }
        notes.append("after the saves, all five of Kenya's reports show the last value (checked)")

        results.append(try await measure("progress overview tallies (in-process)") {
            _ = try await ProgressOverview.tallies(cycle: "2030", on: app.db)
        })
        for path in ["/progress", "/progress/KMGBF/3", "/parties/KE/progress", "/indicators/3.1", "/indicators/3.1?party=KE"] {
            let page = try await client.send(.GET, path)
            notes.append("\(path): \(page.status.code), \(page.body?.readableBytes ?? 0) B")
            results.append(try await measure("GET \(path)", runs: 100) { try await client.send(.GET, path) })
        }

        // Search (issue 16): one signed-in client (so the page cache answers nothing), the search page
        // for queries in the six languages, common and rare; p50 and p99 of 200 runs each.
        var searches: [(Stats, Int)] = []
        for query in ["wetland", "zones humides", "humedales", "водно-болотные", "الأراضي الرطبة", "湿地",
                      "biodiversity", "national report", "生物多样性", "coopération", "xylophone"] {
            let path = "/search?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let page = try await client.send(.GET, path)
            check(page.status == .ok, "\(path): \(page.status)")
            let count = (try? await client.send(.GET, "/api/v1/search?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))
                .flatMap { $0.body }.flatMap { try? JSONDecoder().decode(SearchTotal.self, from: $0) }?.total ?? -1
            searches.append((try await measure("search `\(query)`", runs: 200) { try await client.send(.GET, path) }, count))
        }

        say("")
        say("| search (page, signed in) | results | p50 (ms) | p99 (ms) |")
        say("| --- | ---: | ---: | ---: |")
        for (stats, count) in searches {
            say("| \(stats.name) | \(count) | \(String(format: "%.2f", stats.p50)) | \(String(format: "%.2f", stats.percentile(0.99))) |")
        }
        let all = Stats(name: "all", samples: searches.flatMap { $0.0.samples })
        say("| all queries together | | \(String(format: "%.2f", all.p50)) | \(String(format: "%.2f", all.percentile(0.99))) |")

        say("")
        say("| case | p50 (ms) | p90 (ms) | p50 ÷ /healthz p50 |")
        say("| --- | ---: | ---: | ---: |")
        for stats in results {
            say("| \(stats.name) | \(String(format: "%.2f", stats.p50)) | \(String(format: "%.2f", stats.p90)) | \(String(format: "%.1f", stats.p50 / healthz)) |")
        }
        say("")
        for note in notes { say("- \(note)") }
        await app.server.shutdown()
    }
}

struct SearchTotal: Decodable { var total: Int }
