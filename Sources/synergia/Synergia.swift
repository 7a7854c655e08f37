import ArgumentParser
import Foundation
import SynergiaApp
import SynergiaCore

/// The `synergia` command: serve the platform, migrate, manage accounts, seed demo
/// content, back up the database and parse decisions.
@main
struct Synergia: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synergia",
        abstract: "Synergia: the platform of the biodiversity-related conventions and their Parties.",
        discussion: """
        Uses the SQLite file ./synergia.sqlite (or the one SYNERGIA_DB names), or PostgreSQL when
        DATABASE_URL is a postgres:// URL.
        """,
        subcommands: [Serve.self, Migrate.self, UserCommand.self, Seed.self, Backup.self, Decisions.self, Audit.self, Search.self, Routes.self]
    )

    /// The event loops run the program's async code (``EventLoopExecutor``), then the command.
    static func main() async {
        EventLoopExecutor.install()
        await main(nil)
    }
}
