import ArgumentParser
import Foundation
import SynergiaApp
import SynergiaCore
import Vapor

/// `synergia user …`: manage accounts from the command line.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts.", subcommands: [Add.self])

    /// `synergia user add`: create an account with a role and its scope.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account.",
            discussion: """
            The password is read from the SYNERGIA_PASSWORD environment variable, or from the first
            line of standard input when --password-stdin is given; otherwise a random one is made and printed.
            Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")). A focal point needs --party and
            --convention, as does a publishing authority; a contributor --party; a secretariat member --convention.
            """)

        @ArgumentParser.Option(help: "The sign-in email address.") var email: String
        @ArgumentParser.Option(help: "administrator, secretariat, bureau, focal-point, contributor or publishing-authority.") var role: String
        @ArgumentParser.Option(help: "The Party's ISO 3166-1 alpha-2 code (focal points, contributors, publishing authorities).") var party: String?
        @ArgumentParser.Option(help: "The convention code, e.g. CBD, RAMSAR (focal points, secretariat, publishing authorities).") var convention: String?
        @ArgumentParser.Option(help: "The name shown on pages.") var name: String?
        @ArgumentParser.Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("Unknown role '\(role)'. Use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            var password = ProcessInfo.processInfo.environment["SYNERGIA_PASSWORD"]
            var generated = false
            if passwordStdin { password = readLine(strippingNewline: true) }
            if password == nil || password?.isEmpty == true {
                password = Data([UInt8].random(count: 15)).base64EncodedString()
                generated = true
            }
            try await CLI.withApplication { app in
                do {
                    let user = try await AccountService.create(
                        .init(email: email, password: password!, displayName: name, role: role, party: party, convention: convention),
                        hasher: app.password.async, on: app.db)
                    print("Created \(user.email) (\(user.actor)).")
                    if generated { print("Password: \(password!)") }
                } catch let errors as FieldErrors {
                    let english = app.synergia.catalogs[.english]
                    let lines = errors.byField.sorted { $0.key < $1.key }.map { "--\($0.key): \(english[$0.value])" }
                    throw CLIError("account not created: " + lines.joined(separator: "; "))
                }
            }
        }
    }
}
