import ArgumentParser
import Foundation
import SynergiaApp
import SynergiaCore

/// `synergia audit verify`: checks the hash chain of the audit log.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the audit log's hash chain; names the first broken entry and exits 1 if there is one.")

        func run() async throws {
            try await CLI.withApplication { app in
                switch try await AuditLog.verify(on: app.db) {
                case .intact(let count):
                    print("Audit log intact: \(count) entries.")
                case .broken(let sequence, let reason):
                    throw CLIError("audit log broken at entry \(sequence): \(reason)")
                }
            }
        }
    }
}
