import Foundation
import SynergiaCore
import Vapor

extension AnswerLanguages {
    /// The question `questionID` of the report as its reader may see it (the report's own access
    /// rules: a draft's answers only to those preparing it). Not found: not a question of the
    /// report, or not one answered in words.
    static func query(_ req: Request, _ loaded: ReportAccess.Loaded, question questionID: String) async throws -> Model {
        guard let section = loaded.template.sections.first(where: { $0.questions.contains { $0.id == questionID } }),
              let question = section.questions.first(where: { $0.id == questionID }), isWritten(question) else { throw Abort(.notFound) }
        let report = try await ReportingRoutes.model(req, loaded)
        let answer = report.answer(questionID)
        return Model(report: report.id, party: report.party, partyNames: report.partyNames, section: section, question: question,
                     version: answer?.version ?? 0, answered: answer != nil, text: answer?.value.writtenText ?? WrittenText(""),
                     author: answer?.author, changedAt: answer?.changedAt, canEdit: report.actions.canEdit)
    }

    /// The form as sent: the original (`value`, `language`) and a translation per language (`t-CODE`,
    /// empty for none), over `baseVersion`. Nil when a language is not one of the six, or a
    /// translation is in the original's own language.
    struct Form: Content {
        var baseVersion: Int?
        var value: String?
        var language: String?
        var tAr: String?, tEn: String?, tEs: String?, tFr: String?, tRu: String?, tZh: String?
        /// `on`: the translation in that language, made from an earlier original, still matches it.
        var cAr: String?, cEn: String?, cEs: String?, cFr: String?, cRu: String?, cZh: String?

        enum CodingKeys: String, CodingKey {
            case baseVersion, value, language
            case tAr = "t-ar", tEn = "t-en", tEs = "t-es", tFr = "t-fr", tRu = "t-ru", tZh = "t-zh"
            case cAr = "c-ar", cEn = "c-en", cEs = "c-es", cFr = "c-fr", cRu = "c-ru", cZh = "c-zh"
        }

        /// The languages whose translation the editor says still matches the original.
        var stillCurrent: Set<Language> {
            Set(zip(Language.allCases, Language.allCases.map { language -> String? in
                switch language {
                case .arabic: cAr
                case .english: cEn
                case .spanish: cEs
                case .french: cFr
                case .russian: cRu
                case .chinese: cZh
                }
            }).compactMap { $0.1 == "on" ? $0.0 : nil })
        }

        func translation(_ language: Language) -> String? {
            switch language {
            case .arabic: tAr
            case .english: tEn
            case .spanish: tEs
            case .french: tFr
            case .russian: tRu
            case .chinese: tZh
            }
        }

        /// The text the form says, for a question of `type`: a short text trimmed, as the report's forms trim it.
        func written(for type: QuestionType) throws -> WrittenText {
            func cleaned(_ text: String?) -> String {
                type == .shortText ? (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) : text ?? ""
            }
            guard let code = language, let original = Language(rawValue: code) else { throw Refusal("error.answer.language-unknown") }
            var translations: [Language: String] = [:]
            for language in Language.allCases {
                let text = cleaned(translation(language))
                guard !text.allSatisfy(\.isWhitespace) else { continue }
                if language == original { throw Refusal("error.answer.translation-same-language") }
                translations[language] = text
            }
            // Said explicitly, even when empty: the translations the form no longer has are removed.
            return WrittenText(cleaned(value), language: original, translations: translations)
        }
    }
}
