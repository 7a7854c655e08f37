import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A national target of a Party, as a record of its own (issue 15): its code, what the Party wrote,
/// the GBF goals and targets it aligns to, its indicators, the other conventions' targets it
/// serves, its progress, its status and its version (each save adds one; an edit based on an older
/// version is a conflict, as for answers).
final class NationalTargetModel: Model, @unchecked Sendable {
    static let schema = "national_targets"
    @ID(key: .id) var id: UUID?
    @Field(key: "party_code") var partyCode: String
    /// The Party's own code, unique within the Party (``NationalTargetInput/code(_:)``).
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @OptionalField(key: "language") var language: String?
    /// `[TargetAlignment]` as JSON.
    @Field(key: "alignments") var alignments: String
    /// Indicator codes, comma-separated.
    @Field(key: "indicators") var indicators: String
    /// `FRAMEWORK/CODE`, comma-separated.
    @Field(key: "other_targets") var otherTargets: String
    @OptionalField(key: "progress") var progress: ProgressRating?
    @Field(key: "progress_summary") var progressSummary: String
    @Field(key: "status") var status: NationalTargetStatus
    @Field(key: "version") var version: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}

    var content: NationalTargetContent {
        NationalTargetContent(
            title: title, description: description, language: language.flatMap(Language.init(rawValue:)),
            alignments: (try? JSONDecoder().decode([TargetAlignment].self, from: Data(alignments.utf8))) ?? [],
            indicators: NationalIndicatorModel.list(indicators),
            otherTargets: NationalIndicatorModel.list(otherTargets).compactMap { text in
                let parts = text.split(separator: "/").map(String.init)
                return parts.count == 2 ? TargetReference(framework: parts[0], code: parts[1]) : nil
            },
            progress: progress, progressSummary: progressSummary)
    }

    /// Stores `content` in the row's columns.
    func set(_ content: NationalTargetContent) {
        title = content.title
        description = content.description
        language = content.language?.code
        alignments = String(decoding: (try? CanonicalJSON.encode(content.alignments)) ?? Data("[]".utf8), as: UTF8.self)
        indicators = content.indicators.joined(separator: ",")
        otherTargets = content.otherTargets.map { "\($0.framework)/\($0.code)" }.joined(separator: ",")
        progress = content.progress
        progressSummary = content.progressSummary
    }
}

struct CreateNationalTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NationalTargetModel.schema)
            .id()
            .field("party_code", .string, .required, .references(PartyModel.schema, "alpha2"))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("language", .string)
            .field("alignments", .string, .required)
            .field("indicators", .string, .required)
            .field("other_targets", .string, .required)
            .field("progress", .string)
            .field("progress_summary", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("published_at", .datetime)
            .unique(on: "party_code", "code")
            .create()
        try await ContentGeneration.addTrigger(to: NationalTargetModel.schema, on: database)
    }

    func revert(on database: any Database) async throws {
        try await ContentGeneration.dropTrigger(from: NationalTargetModel.schema, on: database)
        try await database.schema(NationalTargetModel.schema).delete()
    }
}
