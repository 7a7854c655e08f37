import ArgumentParser
import Foundation
import SynergiaApp
import SynergiaCore

/// `synergia decisions …`: parse decision texts (no database needed) and import them.
struct Decisions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse and import decisions of the conventions' governing bodies.",
        subcommands: [Parse.self, Import.self])

    /// `synergia decisions parse FILE [--json]`: print a decision's structure.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the structure of a decision text (from a PDF or a web page), without a database.",
            discussion: "The JSON output is documented in docs/decision-json.md.")

        @ArgumentParser.Argument(help: "A UTF-8 text file with one decision, in any of the six UN languages.") var file: String
        @ArgumentParser.Flag(help: "Print JSON instead of an outline.") var json = false

        func run() throws {
            let decision = DecisionParser.parse(try readText(file))
            if json {
                FileHandle.standardOutput.write(try decision.jsonData())
                print()
            } else {
                print(decision.summary())
            }
        }
    }

    /// `synergia decisions import FILE`: parse and store, with its action items.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Parse a decision text and store it with its action items.")

        @ArgumentParser.Argument(help: "A UTF-8 text file with one decision.") var file: String
        @ArgumentParser.Option(help: "The convention whose governing body adopted it.") var convention = "CBD"

        func run() async throws {
            let text = try readText(file)
            try await CLI.withApplication { app in
                do {
                    let row = try await DecisionImport.run(text: text, convention: convention,
                                                           calendar: app.synergia.calendar, on: app.db)
                    let items = try await row.$actionItems.query(on: app.db).count()
                    print("Imported \(row.conventionCode) decision \(row.symbol) (\(row.language)): \(items) action items, \(row.warningCount) warnings.")
                } catch let problem as DecisionImport.Problem {
                    throw CLIError(problem.description)
                }
            }
        }
    }
}

/// Reads a text file as UTF-8, saying which file and why when it cannot.
func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self)
}
