import ArgumentParser
import Foundation
import SynergiaApp
import Vapor

/// `synergia backup FILE`: a consistent copy of the SQLite database, safe while the server runs.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a consistent copy of the SQLite database to FILE (safe while serving).",
        discussion: "For PostgreSQL it prints how to back up with pg_dump instead.")

    @ArgumentParser.Argument(help: "Where to write the copy; must not exist yet.") var file: String

    func run() async throws {
        try await CLI.withApplication { app in
            print(try await DatabaseBackup.run(app, to: file))
        }
    }
}
