import Foundation
import SynergiaCore
import Vapor

/// What an uploaded offline package would change, before anything is applied; or every problem
/// with its question and line. The page renders it; the API's preview encodes it.
enum PackagePreview {}

extension PackagePreview {
    struct Model: Content, Sendable {
        var changes: [Change]
        var problems: [Problem]

        struct Change: Content, Sendable {
            var question: String; var before: AnswerValue?; var after: AnswerValue
            var packageVersion: Int; var currentVersion: Int; var changedOnlineSinceDownload: Bool
        }
        /// `reason` is in the reader's language.
        struct Problem: Content, Sendable { var line: Int?; var question: String?; var reason: String }

        init(changes: [PackageChange]) {
            self.changes = changes.map {
                .init(question: $0.questionID, before: $0.before, after: $0.after, packageVersion: $0.packageVersion,
                      currentVersion: $0.currentVersion, changedOnlineSinceDownload: $0.changedOnlineSinceDownload)
            }
            problems = []
        }

        init(problems: [PackageProblem], catalog: Catalog) {
            changes = []
            self.problems = problems.map { .init(line: $0.line, question: $0.questionID, reason: catalog[$0.catalogKey]) }
        }
    }
}
