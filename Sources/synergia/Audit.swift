import ArgumentParser
import Foundation
import SynergiaApp
import SynergiaCore

/// `synergia audit verify`: checks the hash chain of the audit log.
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the audit log and the data it covers; reads only, changes nothing.",
            discussion: """
            Checks the hash chain against its separately stored head (an edited, deleted or reordered entry, a cut end or \
            an emptied log), that every audited record (answers, shared values, indicator series, reports, assessments, \
            assignments, comments, crosswalk links, nominations, cycles) is as its last entry says, and that every \
            submitted or published report's content matches its receipt. Prints every problem; exits 1 if there is one.
            """)

        func run() async throws {
            try await CLI.withApplication(migrate: false) { app in
                let report = try await AuditVerifier.verify(on: app.db)
                for line in report.lines { print(line) }
                if !report.isIntact { throw CLIError("audit verify found \(report.lines.count) problem(s)") }
            }
        }
    }
}
