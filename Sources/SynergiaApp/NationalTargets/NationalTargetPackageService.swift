import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A Party's national targets offline (issue 15, item 1): downloaded as one JSON package with each
/// target's version, edited offline, uploaded back; the preview lists what it would change (and
/// what changed online since the download), and only what is confirmed is applied — all of it in
/// one write, or nothing.
enum NationalTargetPackageService {
    /// What the package would do to one target.
    struct Change: Content, Equatable {
        enum Kind: String, Content { case new, changed, unchanged }
        var code: String
        var kind: Kind
        /// The title as the package has it.
        var title: String
        /// The fields that differ from the target online (`title`, `alignments`…).
        var fields: [String]
        /// Saved online since the package was downloaded (or, for a target the package adds, created
        /// online meanwhile): left as it is online unless the person chooses to replace it.
        var changedOnline: Bool
        /// Why it cannot be applied (a catalog key): nothing of the package is then.
        var problem: String?
        /// Whether the uploader may change the target online as it is (the choice to replace a change online is theirs only then).
        var mayChange: Bool = true
    }

    struct Problem: Content, Equatable {
        /// The target's code, when the problem is one target's.
        var target: String?
        /// Catalog key.
        var reason: String
    }

    /// A package that cannot be applied as the targets now are: nothing of it was.
    struct Refused: Error { var problems: [Problem] }

    /// The changes that cannot be applied, each with its target.
    static func refusals(_ changes: [Change]) -> [Problem] {
        changes.compactMap { change in change.problem.map { Problem(target: change.code, reason: $0) } }
    }

    /// A package read and its targets' contents checked as the editor checks them; or every problem.
    enum Reading {
        case package(NationalTargetPackage, contents: [String: NationalTargetContent], text: String)
        case problems([Problem])
    }

    /// `party`'s targets as `drafts` says (its drafts only for its own users), each at its version.
    static func export(party: String, drafts: Bool, now: Date = Date(), on db: any Database) async throws -> NationalTargetPackage {
        let rows = try await NationalTargetService.list(party: party, drafts: drafts, on: db)
        return NationalTargetPackage(party: party, exportedAt: now,
                                     targets: rows.map { NationalTargetPackage.Target(code: $0.code, version: $0.version, status: $0.status, $0.content) })
    }

    /// Reads an uploaded file, else `text` (carried from the preview to the confirmation).
    static func read(file: ByteBuffer?, text: String?, party: String, lookups: NationalTargetService.Lookups) -> Reading {
        guard let trimmed = PackageUpload.body(file: file, text: text) else { return .problems([Problem(target: nil, reason: "error.import.not-utf8")]) }
        switch NationalTargetPackage.parse(Data(trimmed.utf8), party: party) {
        case .problems(let problems):
            return .problems(problems.map { Problem(target: $0.target, reason: $0.catalogKey) })
        case .package(let package):
            var contents: [String: NationalTargetContent] = [:]
            var problems: [Problem] = []
            for target in package.targets {
                let language = target.language.map { Language(rawValue: $0) }
                if case .some(.none) = language {
                    problems.append(Problem(target: target.code, reason: "error.national-target-package.language"))
                    continue
                }
                switch lookups.check(target.form, language: language ?? nil) {
                case .success(let content): contents[target.code] = content
                case .failure(let problem): problems.append(Problem(target: target.code, reason: problem.catalogKey))
                }
            }
            return problems.isEmpty ? .package(package, contents: contents, text: trimmed) : .problems(problems)
        }
    }

    /// What the package would change in `rows` (the Party's targets as they are), as `user` may. A
    /// target `user` may not change is a problem only where the package would write it: changed in
    /// the package and not online since the download, or chosen in `overwrite`.
    static func changes(_ package: NationalTargetPackage, contents: [String: NationalTargetContent], rows: [NationalTargetModel],
                        overwrite: Set<String> = [], by user: UserModel) -> [Change] {
        let online = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return package.targets.map { target in
            let content = contents[target.code] ?? NationalTargetContent(title: target.title)
            guard let row = online[target.code] else {
                // A version says it was downloaded: a target the Party does not have is not silently made anew.
                return Change(code: target.code, kind: .new, title: content.title, fields: [], changedOnline: false,
                              problem: target.version == 0 ? nil : "error.national-target-package.unknown")
            }
            let fields = differences(row.content, content)
            let changedOnline = !fields.isEmpty && row.version != target.version
            let written = !fields.isEmpty && (!changedOnline || overwrite.contains(target.code))
            let mayChange = AuthorizationPolicy.permits(user.actor, NationalTargetService.changing(row))
            return Change(code: target.code, kind: fields.isEmpty ? .unchanged : .changed, title: content.title, fields: fields,
                          changedOnline: changedOnline, problem: written && !mayChange ? "error.national-target-package.published" : nil,
                          mayChange: mayChange)
        }
    }

    static func differences(_ online: NationalTargetContent, _ package: NationalTargetContent) -> [String] {
        var fields: [String] = []
        if online.title != package.title { fields.append("title") }
        if online.description != package.description { fields.append("description") }
        if online.language != package.language { fields.append("language") }
        if online.alignments != package.alignments { fields.append("alignments") }
        if online.indicators != package.indicators { fields.append("indicators") }
        if online.otherTargets != package.otherTargets { fields.append("otherTargets") }
        if online.progress != package.progress { fields.append("progress") }
        if online.progressSummary != package.progressSummary { fields.append("progressSummary") }
        return fields
    }

    /// Applies the package in one write that locks the Party's targets: its changes computed again
    /// there (a save since the preview is a change online, kept unless in `overwrite`); any target
    /// the user may not change refuses it all. New targets are drafts. Returns how many it wrote.
    @discardableResult
    static func apply(_ package: NationalTargetPackage, contents: [String: NationalTargetContent], overwrite: Set<String>, party: String,
                      by user: UserModel, on db: any Database) async throws -> Int {
        do {
            return try await db.write { tx in
                try Authorize.require(user.actor, .editNationalTargets(party: party))
                // A lock named for the Party's targets first, which also stands for the targets a package adds (two
                // packages adding the same codes take turns instead of meeting in the unique index) without locking a row
                // others point at, then its targets' rows.
                try await tx.lock(named: "national-targets:\(party)")
                try await tx.lock(NationalTargetModel.schema, where: "party_code", equals: party)
                let rows = try await NationalTargetModel.query(on: tx.db).filter(\.$partyCode == party).all()
                let online = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
                let changes = Self.changes(package, contents: contents, rows: rows, overwrite: overwrite, by: user)
                let refused = Self.refusals(changes)
                if !refused.isEmpty { throw Refused(problems: refused) }
                var written = 0
                for change in changes where change.kind != .unchanged {
                    guard let content = contents[change.code], !change.changedOnline || overwrite.contains(change.code) else { continue }
                    if let row = online[change.code] {
                        try NationalTargetService.requireMayChange(row, by: user)
                        try await NationalTargetService.change(row, to: content, by: user, in: tx)
                    } else {
                        let row = NationalTargetModel()
                        row.partyCode = party
                        row.code = change.code
                        row.set(content)
                        row.status = .draft
                        row.version = 1
                        row.createdBy = user.email
                        row.updatedBy = user.email
                        try await NationalTargetService.insert(row, by: user, in: tx)
                    }
                    written += 1
                }
                return written
            }
        } catch where DatabaseFailure.isUniqueViolation(error) {
            // A target of the same code created online at the same moment: nothing applied.
            throw Refusal("error.national-target-package.changed-meanwhile")
        }
    }
}
