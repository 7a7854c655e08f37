import Fluent
import Foundation
import Plot
import SynergiaCore
import Vapor

/// The form that writes a national target: new, or a change at a version. Shown again with what
/// was sent and the error when it is refused, and with the other person's version on a conflict.
enum NationalTargetEditor {
    struct Choice: Sendable, Equatable {
        var value: String
        var label: String
    }

    struct Model: Sendable {
        var party: String
        var partyName: String
        /// nil: a new target.
        var code: String?
        var form: NationalTargetForm
        var version: Int
        var gbf: [Choice]
        var indicators: [(group: String, choices: [Choice])]
        var otherTargets: [(group: String, choices: [Choice])]
        /// Values of `otherTargets` the crosswalks suggest for the alignments.
        var suggested: Set<String>
        var error: String?
        /// The version saved by someone else since the editor loaded it.
        var theirs: NationalTargetDTO?
    }

    /// What the web form sends.
    struct Sent: Content {
        var code: String?
        var title: String?
        var description: String?
        var degree: [String: String]?
        var elements: [String: String]?
        var indicators: [String]?
        var otherTargets: [String]?
        var progress: String?
        var progressSummary: String?
        var version: Int?

        var form: NationalTargetForm {
            NationalTargetForm(title: title, description: description, degrees: degree ?? [:], elements: elements ?? [:],
                               indicators: indicators ?? [], otherTargets: otherTargets ?? [], progress: progress,
                               progressSummary: progressSummary)
        }
    }

    /// `content` as the form would send it.
    static func form(_ content: NationalTargetContent) -> NationalTargetForm {
        NationalTargetForm(title: content.title, description: content.description,
                           degrees: Dictionary(content.alignments.map { ($0.target.code, $0.degree.rawValue) }, uniquingKeysWith: { a, _ in a }),
                           elements: Dictionary(content.alignments.map { ($0.target.code, $0.elements) }, uniquingKeysWith: { a, _ in a }),
                           indicators: content.indicators, otherTargets: content.otherTargets.map { "\($0.framework)/\($0.code)" },
                           progress: content.progress?.rawValue, progressSummary: content.progressSummary)
    }

    static func query(party: String, code: String?, form: NationalTargetForm, version: Int, page: PageContext,
                      registry: IndicatorRegistry, on db: any Database) async throws -> Model {
        let partyRow = try await NationalTargetReaders.party(party, on: db)
        let frameworks = try await FrameworkModel.query(on: db).sort(\.$position).with(\.$goals).with(\.$targets).all()
        func title(_ values: [String: String]) -> String { LocalizedText(values).resolved(in: page.language).text }
        let gbf = frameworks.first { $0.code == "KMGBF" }
        let goals = (gbf?.goals ?? []).sorted { $0.position < $1.position }.map {
            Choice(value: $0.code, label: page.t("frameworks.goal", ["code": $0.code]) + " · " + title($0.title))
        }
        let targets = (gbf?.targets ?? []).sorted { $0.position < $1.position }.map {
            Choice(value: $0.code, label: page.t("frameworks.target", ["code": $0.code]) + " · " + title($0.title))
        }
        let national = try await NationalIndicatorModel.definitions(
            NationalIndicatorModel.query(on: db).filter(\.$partyCode == partyRow.alpha2).sort(\.$code).all(), on: db)
        let indicators = IndicatorKind.allCases.compactMap { kind -> (group: String, choices: [Choice])? in
            let of = (registry.indicators + national).filter { $0.kind == kind }
            return of.isEmpty ? nil : (page.t("indicators.kind-\(kind.rawValue)"),
                                       of.map { Choice(value: $0.code, label: "\($0.code) · \($0.name.resolved(in: page.language).text)") })
        }
        let others = frameworks.filter { $0.code != "KMGBF" }.map { framework in
            (group: title(framework.names), choices: framework.targets.sorted { $0.position < $1.position }.map {
                Choice(value: "\(framework.code)/\($0.code)", label: page.t("frameworks.target", ["code": $0.code]) + " · " + title($0.title))
            })
        }
        // Suggestions for what the form aligns to (as sent, or as stored).
        var aligned = NationalTargetContent(title: "")
        aligned.alignments = form.degrees.filter { !$0.value.isEmpty }.map {
            TargetAlignment(target: TargetReference(framework: "KMGBF", code: $0.key), degree: .low)
        }
        let suggested = try await NationalTargetPage.suggestions(for: aligned, on: db)
        return Model(party: partyRow.alpha2, partyName: title(partyRow.names), code: code, form: form, version: version,
                     gbf: goals + targets, indicators: indicators, otherTargets: others,
                     suggested: Set(suggested.map { "\($0.framework)/\($0.code)" }), error: nil, theirs: nil)
    }
}
