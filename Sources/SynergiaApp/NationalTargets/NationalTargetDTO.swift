import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A national target as pages and the API give it.
struct NationalTargetDTO: Content, Equatable {
    var party: String
    var code: String
    var title: String
    var description: String
    /// The language the title, description and progress were written in (nil: not said).
    var language: String?
    var alignments: [TargetAlignment]
    var indicators: [String]
    /// `FRAMEWORK/CODE`.
    var otherTargets: [String]
    var progress: ProgressRating?
    var progressSummary: String
    var status: NationalTargetStatus
    /// Send it back with a change: a change based on an older version is a conflict (409).
    var version: Int
    var updatedAt: Date
    var publishedAt: Date?
    /// Its title, description and progress in other languages: field → language code → text (``TranslatedKind/nationalTarget``).
    var translations: CodedTranslations = [:]

    init(_ row: NationalTargetModel, translations: FieldTranslations = [:]) {
        let content = row.content
        party = row.partyCode
        code = row.code
        title = content.title
        description = content.description
        language = content.language?.code
        alignments = content.alignments
        indicators = content.indicators
        otherTargets = content.otherTargets.map { "\($0.framework)/\($0.code)" }
        progress = content.progress
        progressSummary = content.progressSummary
        status = row.status
        version = row.version
        updatedAt = row.updatedAt
        publishedAt = row.publishedAt
        self.translations = translations.coded
    }

    /// `rows` with their translations (one query for all).
    static func all(_ rows: [NationalTargetModel], on db: any Database) async throws -> [NationalTargetDTO] {
        let translations = try await ContentTranslationStore.load(.nationalTarget, subjects: rows.map(\.translationSubject), on: db)
        return rows.map { NationalTargetDTO($0, translations: translations[$0.translationSubject] ?? [:]) }
    }

    /// `field` (`title`, `description`, `progressSummary`) in `reader`'s language when translated into it, else as written.
    func shown(_ field: String, to reader: Language) -> WrittenText.Shown {
        let original = switch field {
        case "description": description
        case "progressSummary": progressSummary
        default: title
        }
        return TranslatedField.shown(original, language: language, field: field, translations, to: reader)
    }
}

extension NationalTargetModel {
    /// Its key among translated records: `PARTY/CODE`.
    var translationSubject: String { NationalTargetSubject(party: partyCode, code: code).subject }
}

/// What an API client sends to create or change a national target.
struct NationalTargetBody: Content {
    struct Alignment: Content {
        var target: String
        var degree: String
        var elements: String?
    }

    /// The Party's own code (creating only; a change keeps the code of its address).
    var code: String?
    var title: String?
    var description: String?
    var alignments: [Alignment]?
    var indicators: [String]?
    var otherTargets: [String]?
    var progress: String?
    var progressSummary: String?
    /// The version the change is based on (changing and publishing).
    var version: Int?

    /// As a form; two alignments to the same goal or target are refused.
    func form() throws -> NationalTargetForm {
        var degrees: [String: String] = [:], elements: [String: String] = [:]
        for alignment in alignments ?? [] {
            guard degrees[alignment.target] == nil else { throw Refusal("error.national-target.alignment") }
            degrees[alignment.target] = alignment.degree
            elements[alignment.target] = alignment.elements ?? ""
        }
        return NationalTargetForm(title: title, description: description, degrees: degrees, elements: elements,
                                  indicators: indicators ?? [], otherTargets: otherTargets ?? [], progress: progress,
                                  progressSummary: progressSummary)
    }
}
