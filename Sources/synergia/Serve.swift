import ArgumentParser
import Foundation
import SynergiaApp
import Vapor

/// `synergia serve`: migrate, load reference data, optionally seed demo content, and serve
/// until SIGTERM or SIGINT, then shut down gracefully.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the web server (migrates the database first).")

    @ArgumentParser.Option(help: "The address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "The port to listen on.") var port = 8080
    @ArgumentParser.Flag(help: "Create demo accounts and content (marked as demo) and print how to sign in.") var demo = false

    func run() async throws {
        try await CLI.withApplication(arguments: ["synergia", "serve", "--hostname", hostname, "--port", "\(port)"], demo: demo,
                                     backgroundJobs: true) { app in
            if demo {
                try await DemoSeed.seed(on: app.db, hasher: app.password.async)
                print(DemoSeed.signInHelp)
            }
            print("Synergia on \(app.synergia.settings.database) — open http://\(hostname == "0.0.0.0" ? "localhost" : hostname):\(port)")
            try await app.execute()
        }
    }
}

/// `synergia migrate`: bring the database schema and reference data up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and load the reference data.")

    func run() async throws {
        try await CLI.withApplication { app in
            print("Migrated \(app.synergia.settings.database); reference data is current.")
        }
    }
}

/// `synergia seed --demo`: the demo accounts, without starting the server.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add demo accounts and content (marked as demo).")

    @ArgumentParser.Flag(help: "Seed the demo accounts and content.") var demo = false
    @ArgumentParser.Flag(help: ArgumentHelp(
        "Generate data at full scale: progress assessments of all 196 Parties for every SP 2011-2020 and KMGBF target in 3 cycles, 30 years of 100 indicators per Party (the registry's and generated national ones), a half-answered draft report per Party in a generated cycle of each template, and 1,000 generated decisions in the six languages (indexed for search).",
        discussion: "For load tests and the benchmarks; generated rows are marked as such and replace those of an earlier run."))
    var scale = false

    func validate() throws {
        guard demo || scale else { throw ValidationError("Say what to seed: --demo, --scale, or both.") }
    }

    func run() async throws {
        try await CLI.withApplication(demo: true) { app in
            if demo {
                let created = try await DemoSeed.seed(on: app.db, hasher: app.password.async)
                print("Created \(created.count) demo account(s).")
                print(DemoSeed.signInHelp)
            }
            if scale {
                let summary = try await ScaleDemoSeed.seed(on: app.db, indicators: app.synergia.indicators)
                let reports = try await ScaleDemoSeed.seedReports(on: app.db, templates: app.synergia.templates)
                let decisions = try await ScaleDemoDecisions.seed(catalogs: app.synergia.catalogs, on: app.db)
                print("Generated \(summary.assessments) progress assessments, \(summary.nationalIndicators) national indicators, \(summary.values) indicator values and \(reports) draft reports for \(summary.parties) Parties, and \(decisions) language versions of generated decisions.")
            }
        }
    }
}
