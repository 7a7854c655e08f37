import ArgumentParser
import Foundation
import SynergiaApp
import Vapor

/// `synergia routes`: every route the server answers, one `METHOD /path/:parameter` per line
/// (what the browser crawl compares with the patterns it reached).
struct Routes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the routes the server answers.")

    @ArgumentParser.Option(help: "Only routes of this method (GET, POST, …).") var method: String?

    func run() async throws {
        try await CLI.withApplication(migrate: false) { app in
            let lines = app.routes.all
                .filter { method == nil || $0.method.rawValue == method!.uppercased() }
                .map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
            for line in Set(lines).sorted() { print(line) }
        }
    }
}
