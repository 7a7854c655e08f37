import Crypto
import Fluent
import SynergiaCore
import Vapor

/// A section's answers saved with one form (issue 17): only the answers the person changed, each
/// with its own base version and its own conflict check, so a conflict or a bad value on one
/// answer does not throw away the others. Each answer is its own write (with its own audit entry),
/// as when it is saved alone.
///
/// The form names each answer's fields by its question: `v:ID` (the value; `m:ID` once per choice
/// of a multiple choice) and `b:ID`, what it was written over: `VERSION.DIGEST`, the version and
/// the digest of the value as the page showed it. A question with no answer yet has no `b:` field
/// on the page (the autosave script sends `0`): it was written over nothing. A page of an earlier
/// release sends the digest apart, as `w:ID`. An answer whose sent value has the digest it was shown with was not changed
/// and is not saved: a colleague's newer answer is never overwritten by a field the person did
/// not touch.
enum SectionSave {
    /// What was sent for one question: what was typed, and the version and digest it was
    /// written over (kept for a refused value, so that sending it again corrected still checks
    /// against what the person saw, not against a colleague's newer answer).
    struct Typed: Sendable, Equatable {
        var value: String?
        var values: [String]
        var base: Int = 0
        var shown: String = ""
    }

    /// An answer saved: its new version and the digest of the value as a page would show it now
    /// (what the section's fields hold for it after the save).
    struct Saved: Content, Equatable, Sendable { var question: String; var version: Int; var shown: String }

    struct Outcome: Sendable {
        var saved: [Saved] = []
        var conflicts: [String: ReportPage.Feedback.Conflict] = [:]
        var errors: [String: String] = [:]
        var typed: [String: Typed] = [:]
    }

    static func valueField(_ question: String) -> String { "v:\(question)" }
    static func choiceField(_ question: String) -> String { "m:\(question)" }
    static func baseField(_ question: String) -> String { "b:\(question)" }
    static func shownField(_ question: String) -> String { "w:\(question)" }

    /// The text a control shows for `value` (nothing for no answer), as compared with what comes back.
    static func shownText(_ question: TemplateQuestion, _ value: AnswerValue?) -> String {
        guard let value else { return "" }
        if case .multipleChoice(let ids) = value { return canonical(question, Typed(value: nil, values: ids)) }
        return AnswerForm.controlText(value)
    }

    /// What was typed, in the form the digest is taken of: a browser sends a text area's line
    /// breaks as CR LF, and a multiple choice's boxes in the page's order.
    static func canonical(_ question: TemplateQuestion, _ typed: Typed) -> String {
        if question.type == .multipleChoice { return typed.values.filter { !$0.isEmpty }.sorted().joined(separator: "\n") }
        return (typed.value ?? "").replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The first 128 bits of the SHA-256 of `text` (its line breaks as LF), in base64url: 22
    /// characters a field carries for each answer of a section. (Only a change is detected with
    /// it: a value made to collide would merely not be saved.)
    static func digest(_ text: String) -> String {
        let hash = SHA256.hash(data: Array((text.utf8.contains(13) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text).utf8))
        return String(Data(hash.prefix(16)).base64EncodedString().dropLast(2))
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    /// Whether `text` is what a page showed, by the digest it carries: 22 base64url characters,
    /// or on a page of the previous release the whole SHA-256 in 64 hex digits.
    static func shows(_ text: String, digest shown: String) -> Bool {
        guard shown.utf8.count == 64 else { return digest(text) == shown }
        return SHA256.hash(data: Array(text.replacingOccurrences(of: "\r\n", with: "\n").utf8)).map { String(format: "%02x", $0) }.joined() == shown
    }

    /// The value of the `b:` field: what an answer's control was written over. No answer yet
    /// (version 0, nothing shown) is `0` alone: most of a new report's fields.
    static func writtenOver(version: Int, shown: String) -> String {
        version == 0 && shown == nothingShown ? nothingYet : "\(version).\(shown)"
    }

    /// What a control with no answer behind it was written over; a page leaves its `b:` field out.
    static let nothingYet = "0"

    /// The digest of an empty control.
    static let nothingShown = digest("")

    /// What the person changed in `section`: each question whose sent value differs from what the
    /// page showed, with what was typed. A question sent as shown is left out; one sent without its
    /// `b:` field was written over no answer yet (so over a colleague's answer it is a conflict,
    /// never an overwrite), and one the form did not carry at all is left out as sent empty.
    static func changes(_ form: QueryValues, section: TemplateSection) -> [(question: TemplateQuestion, typed: Typed)] {
        var fields: [String: [String]] = [:]
        for pair in form.pairs { fields[pair.name, default: []].append(pair.value) }
        return section.questions.compactMap { question in
            let id = question.id
            let over = fields[baseField(id)]?.last ?? nothingYet
            let parts = over.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let base = Int(parts[0]), base >= 0,
                  let shown = parts.count == 2 ? String(parts[1]) : fields[shownField(id)]?.last ?? (base == 0 ? nothingShown : nil) else { return nil }
            let typed = Typed(value: fields[valueField(id)]?.last, values: fields[choiceField(id)] ?? [], base: base, shown: shown)
            return shows(canonical(question, typed), digest: shown) ? nil : (question, typed)
        }
    }

    /// Saves what changed of `section` in `form`, one answer at a time. Whatever stops one answer
    /// (a refused value, a permission, the database) is that answer's error, with what was typed:
    /// the others go on, and nothing typed is lost. A new text is taken to be in `language`, the page's.
    static func save(_ form: QueryValues, section: TemplateSection, report: ReportAccess.Loaded, by user: UserModel,
                     writtenIn language: Language, logger: Logger, on db: any Database) async throws -> Outcome {
        var outcome = Outcome()
        for (question, typed) in changes(form, section: section) {
            let id = question.id
            let shown = typed.shown
            let base = typed.base
            func refuse(_ key: String) {
                outcome.errors[id] = key
                outcome.typed[id] = typed
            }
            switch AnswerForm.parse(question, value: typed.value, values: typed.values) {
            case .failure(let refusal): refuse(refusal.catalogKey)
            case .success(let value):
                // Written otherwise but saying what was shown (`3 560` for 3560, a space trimmed): nothing to save.
                guard !shows(shownText(question, value), digest: shown) else { continue }
                do {
                    switch try await ReportingService.save(value, question: id, baseVersion: base, report: report.id, template: report.template,
                                                           by: user, writtenIn: language, on: db) {
                    case .saved(let version): outcome.saved.append(Saved(question: id, version: version, shown: digest(shownText(question, value))))
                    case .conflict(let mine, let theirs): outcome.conflicts[id] = .init(mine: mine, theirs: theirs)
                    }
                } catch let refusal as Refusal {
                    refuse(refusal.catalogKey)
                } catch let abort as any AbortError where abort.status == .forbidden {
                    refuse("error.forbidden")
                } catch {
                    logger.error("a section's answer was not saved", metadata: ["question": .string(id), "error": .string(String(reflecting: error))])
                    refuse("error.internal")
                }
            }
        }
        return outcome
    }
}
