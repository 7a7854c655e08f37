/// One answer an uploaded package would change.
public struct PackageChange: Sendable, Equatable {
    public var questionID: String
    public var sectionID: String
    /// The answer online now (nil when unanswered).
    public var before: AnswerValue?
    /// The answer in the package.
    public var after: AnswerValue
    /// The online version the package's answer was based on (0: unanswered at export).
    public var packageVersion: Int
    /// The online version now (0: unanswered).
    public var currentVersion: Int
    /// Someone saved this answer online after the package was exported: applying the package
    /// would overwrite their work, so the app must ask.
    public var changedOnlineSinceDownload: Bool { currentVersion > packageVersion }
}

/// Compares an uploaded package with the answers online. Nothing is applied here: the app
/// shows the changes and applies those the user confirms (each as a save through `ConflictCheck`).
public enum PackageDiff {
    /// The package answers that differ from the current ones, in template order. Answers absent
    /// from the package are left alone (not treated as deletions); equal answers are not listed.
    public static func diff(package: ReportPackage, current: [String: AnswerRevision],
                            template: ReportTemplate) -> [PackageChange] {
        var changes: [PackageChange] = []
        for section in template.sections {
            for question in section.questions {
                guard let answer = package.answers[question.id] else { continue }
                let now = current[question.id]
                // A text the package gives without its languages (a CSV) changes nothing if its text is the same.
                if let now, answer.value.keepingLanguages(of: now.value, writtenIn: nil) == now.value { continue }
                changes.append(PackageChange(questionID: question.id, sectionID: section.id, before: now?.value,
                                             after: answer.value, packageVersion: answer.version,
                                             currentVersion: now?.version ?? 0))
            }
        }
        return changes
    }
}
