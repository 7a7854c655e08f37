import Fluent
import Foundation
import SynergiaCore
import Vapor

extension TranslationsPage {
    /// The record `subject` of `kind` and its translations; 404 when there is none.
    static func query(_ kind: TranslatedKind, subject: String, actor: Actor, on db: any Database) async throws -> Model {
        let record = try await Record.find(kind, subject, on: db)
        // A draft national target, and so its translations, only for the Party's own users.
        if let party = record.draftOf, !NationalTargetService.mayReadDrafts(actor, party: party) { throw Abort(.notFound) }
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
        /// The Party whose draft the record is (a national target not yet published), seen only by its users.
        var draftOf: String? = nil

        enum Key: Sendable { case uuid(UUID), text(String), partyCode(party: String, code: String) }

        /// Locks the record's row until the write `tx` ends.
        func lock(in tx: WriteContext) async throws {
            switch key {
            case .uuid(let id): try await tx.lock(table, where: keyColumn, equals: id)
            case .text(let code): try await tx.lock(table, where: keyColumn, equals: code)
            case .partyCode(let party, let code): try await tx.lock(table, where: "party_code", equals: party, and: "code", equals: code)
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
            case .nationalTarget:
                // Changing a published target's texts is publishing them, as for its content.
                guard let named = NationalTargetSubject(subject),
                      let row = try await NationalTargetService.find(party: named.party, code: named.code, drafts: true, on: db) else { throw Abort(.notFound) }
                let content = row.content
                return Record(id: named.subject, language: content.language,
                              originals: ["title": content.title, "description": content.description, "progressSummary": content.progressSummary],
                              page: SiteURL.nationalTarget(party: row.partyCode, code: row.code).path,
                              json: .api(.nationalTarget(party: row.partyCode, code: row.code)),
                              editing: row.status == .published ? .publishNationalTargets(party: row.partyCode) : .editNationalTargets(party: row.partyCode),
                              table: NationalTargetModel.schema, keyColumn: "code", key: .partyCode(party: row.partyCode, code: row.code),
                              draftOf: row.status == .draft ? row.partyCode : nil)
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
