import ArgumentParser
import Foundation
import SynergiaApp

/// `synergia search rebuild`: indexes everything published again.
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Maintain the search index.", subcommands: [Rebuild.self])

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Index every published decision, news item, meeting and report again.",
            discussion: """
            Each source (a decision, a news item, a meeting, a Party's published report in a cycle) is replaced in its own \
            transaction, and only when what it should hold has changed; the shipped reference data is indexed at every \
            start. Safe while Synergia serves: readers see a source's old or new documents, never a mix. Drafts are never indexed.
            """)

        func run() async throws {
            try await CLI.withApplication(migrate: true) { app in
                let sources = try await SearchBackfill.run(templates: app.synergia.templates, on: app.db)
                print("search index: \(sources) sources checked")
            }
        }
    }
}
