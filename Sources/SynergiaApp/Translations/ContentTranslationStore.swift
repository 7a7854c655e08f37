import Fluent
import Foundation
import SQLKit
import SynergiaCore
import Vapor

/// Reads and replaces the translations of records (``ContentTranslationModel``).
enum ContentTranslationStore {
    /// The translations of the records `subjects` of `kind`, by record (one query).
    static func load(_ kind: TranslatedKind, subjects: [String], on db: any Database) async throws -> [String: FieldTranslations] {
        guard !subjects.isEmpty else { return [:] }
        let rows = try await ContentTranslationModel.query(on: db).filter(\.$subjectKind == kind.rawValue)
            .filter(\.$subjectID ~~ subjects).all()
        var result: [String: FieldTranslations] = [:]
        for row in rows {
            guard let language = Language(rawValue: row.language) else { continue }
            result[row.subjectID, default: [:]][row.field, default: [:]][language] = row.text
        }
        return result
    }

    /// A digest of `translations` as a form showed them: a save over a different one is a conflict.
    static func digest(_ translations: FieldTranslations) -> String {
        let lines = translations.flatMap { field, texts in texts.map { "\(field)\u{1F}\($0.key.code)\u{1F}\($0.value)" } }.sorted()
        return SHA256Hex.digest(Data(lines.joined(separator: "\u{1E}").utf8))
    }

    enum Outcome: Sendable {
        case saved
        /// Someone saved other translations since the form was shown: theirs, as now stored.
        case conflict(theirs: FieldTranslations)
    }

    /// Replaces the translations of one record with `translations` (an empty text: none in that
    /// language), in the write `tx` that has locked the record and checked who may change it,
    /// when those stored are still the ones whose ``digest(_:)`` the form was written over.
    static func replace(_ kind: TranslatedKind, subject: String, with translations: FieldTranslations, over shown: String,
                        by user: UserModel, in tx: WriteContext) async throws -> Outcome {
        let current = try await load(kind, subjects: [subject], on: tx.db)[subject] ?? [:]
        guard digest(current) == shown else { return .conflict(theirs: current) }
        try await ContentTranslationModel.query(on: tx.db).filter(\.$subjectKind == kind.rawValue).filter(\.$subjectID == subject).delete()
        let now = Date()
        for field in kind.fields {
            for (language, text) in (translations[field] ?? [:]).sorted(by: { $0.key < $1.key }) where !text.allSatisfy(\.isWhitespace) {
                try await insert(kind, subject: subject, field: field, language: language, text: text, by: user.email, at: now, on: tx.db)
            }
        }
        try await AuditLog.record(tx, actor: user.email, action: "translations.saved", subject: .other("\(kind.rawValue):\(subject)"))
        try await reindex(kind, subject: subject, in: tx)
        return .saved
    }

    /// The record's search entries as its translations now are, in the write that changed them:
    /// a search in French finds a news item or a meeting by its French title. (National indicators
    /// and national targets are not in search.)
    static func reindex(_ kind: TranslatedKind, subject: String, in tx: WriteContext) async throws {
        switch kind {
        case .news:
            guard let id = UUID(uuidString: subject), let item = try await NewsItemModel.find(id, on: tx.db) else { return }
            let translations = try await load(.news, subjects: [subject], on: tx.db)[subject] ?? [:]
            try await SearchIndex.replace(SearchDocuments.newsSource(id), with: try SearchDocuments.news(item, translations: translations), on: tx.db)
        case .meeting:
            guard let meeting = try await MeetingModel.query(on: tx.db).filter(\.$code == subject).first() else { return }
            try await MeetingService.reindex(meeting, in: tx)
        case .nationalIndicator, .nationalTarget:
            return
        }
    }

    /// Stores one translation of one field (the caller has removed the one it replaces).
    static func insert(_ kind: TranslatedKind, subject: String, field: String, language: Language, text: String, by author: String,
                       at now: Date, on db: any Database) async throws {
        let row = ContentTranslationModel()
        row.subjectKind = kind.rawValue
        row.subjectID = subject
        row.field = field
        row.language = language.code
        row.text = text
        row.updatedBy = author
        row.updatedAt = now
        try await row.create(on: db)
    }
}
