import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Offline packages: reading one that was uploaded (every problem with its question and line),
/// what it would change, and applying the confirmed changes — all of them or nothing.
enum ReportPackageService {
    enum Reading {
        /// The package, and its text without a leading byte-order mark (carried to the confirmation).
        case package(ReportPackage, text: String)
        case problems([PackageProblem])
    }

    /// Reads a package from an uploaded file, else from `text` (JSON or CSV, as downloaded).
    static func read(file: ByteBuffer?, text: String?, template: ReportTemplate, party: String) -> Reading {
        guard let trimmed = PackageUpload.body(file: file, text: text) else { return .problems([PackageProblem(.notUTF8, line: 1)]) }
        let expectation = PackageExpectation(template: template, party: party)
        let reading = trimmed.drop(while: { $0.isWhitespace }).hasPrefix("{")
            ? ReportPackage.parseJSON(Data(trimmed.utf8), expecting: expectation)
            : ReportPackage.parseCSV(trimmed, expecting: expectation)
        switch reading {
        case .package(let package): return .package(package, text: trimmed)
        case .problems(let problems): return .problems(problems)
        }
    }

    /// What `package` would change in the report now.
    static func changes(_ package: ReportPackage, report: ReportModel, template: ReportTemplate, on db: any Database) async throws -> [PackageChange] {
        let current = try await ReportingService.answers(of: report, template: template, on: db).mapValues(\.revision)
        return PackageDiff.diff(package: package, current: current, template: template)
    }

    /// Applies a package's changes in one transaction that locks the report first (a submit
    /// cannot slip in between): answers changed online since the download only when listed in
    /// `overwrite`; a save in between stops it all.
    static func apply(_ package: ReportPackage, overwrite: Set<String>, report reportID: UUID, template: ReportTemplate,
                             by user: UserModel, on db: any Database) async throws {
        try await db.write { tx in
            let report = try await ReportingService.lockedReport(reportID, in: tx)
            try ReportingService.requireEditable(report, template: template, by: user)
            let current = try await ReportingService.answers(of: report, template: template, on: tx.db).mapValues(\.revision)
            for change in PackageDiff.diff(package: package, current: current, template: template) {
                if change.changedOnlineSinceDownload && !overwrite.contains(change.questionID) { continue }
                let outcome = try await ReportingService.save(change.after, question: change.questionID, baseVersion: change.currentVersion,
                                                              report: reportID, template: template, by: user, in: tx)
                // Someone saved between the preview and now: stop, so nothing is half-applied.
                if case .conflict = outcome { throw Refusal("error.package.changed-meanwhile") }
            }
        }
    }
}
