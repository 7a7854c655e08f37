import Fluent
import Foundation
import SynergiaCore
import Vapor

extension TranslationsPage {
    /// The record `subject` of `kind` and its translations; 404 when there is none.
    static func query(_ kind: TranslatedKind, subject: String, actor: Actor, on db: any Database) async throws -> Model {
        let record = try await Record.find(kind, subject, on: db)
        let translations = try await ContentTranslationStore.load(kind, subjects: [record.id], on: db)[record.id] ?? [:]
        return Model(kind: kind, subject: record.id, heading: record.originals[kind.headingField] ?? "", language: record.language,
                     originals: record.originals, translations: translations, back: record.page, json: record.json,
                     canEdit: AuthorizationPolicy.permits(actor, record.editing))
    }

    /// What the translations page needs of a record: its id, its fields as written and who may change it.
    struct Record: Sendable {
        var id: String
        var language: Language?
        var originals: [String: String]
        var page: String
        var json: SiteURL
        var editing: Action
        /// The table and key column to lock it by, and its key there (typed as the column is: a uuid or a code).
        var table: String
        var keyColumn: String
        var key: Key

        enum Key: Sendable { case uuid(UUID), text(String) }

        /// Locks the record's row until the write `tx` ends.
        func lock(in tx: WriteContext) async throws {
            switch key {
            case .uuid(let id): try await tx.lock(table, where: keyColumn, equals: id)
            case .text(let code): try await tx.lock(table, where: keyColumn, equals: code)
            }
        }

        static func find(_ kind: TranslatedKind, _ subject: String, on db: any Database) async throws -> Record {
            switch kind {
            case .news:
                guard let id = UUID(uuidString: subject), let row = try await NewsItemModel.find(id, on: db) else { throw Abort(.notFound) }
                return Record(id: id.uuidString, language: Language(rawValue: row.language), originals: ["title": row.title, "summary": row.summary],
                              page: SiteURL.newsItem(id).path, json: .apiNewsItem(id), editing: .publishNews(convention: row.conventionCode),
                              table: NewsItemModel.schema, keyColumn: "id", key: .uuid(id))
            case .meeting:
                let row = try await MeetingQueries.meeting(subject, on: db)
                return Record(id: row.code, language: row.language.flatMap(Language.init(rawValue:)),
                              originals: ["title": row.title, "description": row.description],
                              page: SiteURL.meeting(row.code).path, json: .api(.meeting(row.code)),
                              editing: .manageMeetings(convention: row.conventionCode), table: MeetingModel.schema, keyColumn: "code",
                              key: .text(row.code))
            case .nationalIndicator:
                guard let row = try await NationalIndicatorModel.query(on: db).filter(\.$code == subject).first() else { throw Abort(.notFound) }
                return Record(id: row.code, language: row.language.flatMap(Language.init(rawValue:)),
                              originals: ["name": row.name, "definition": row.definition],
                              page: SiteURL.indicator(row.code, party: row.partyCode).path, json: .api(.nationalIndicators),
                              editing: .publishIndicatorData(party: row.partyCode), table: NationalIndicatorModel.schema, keyColumn: "code",
                              key: .text(row.code))
            }
        }
    }

    /// The translations a form sent: `f.FIELD.CODE` for each field and each language but the record's own.
    static func translations(from form: [String: String], kind: TranslatedKind, original: Language?) -> FieldTranslations {
        var result: FieldTranslations = [:]
        for field in kind.fields {
            for language in Language.allCases where language != original {
                guard let text = form["f.\(field).\(language.code)"], !text.allSatisfy(\.isWhitespace) else { continue }
                result[field, default: [:]][language] = kind.isLong(field) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return result
    }
}
