import Fluent
import Foundation
import SynergiaCore

/// A link between targets of two frameworks, with its source. Loaded from `crosswalks.json`
/// and edited by secretariats.
public final class TargetLinkModel: Model, @unchecked Sendable {
    public static let schema = "target_links"
    @ID(key: .id) public var id: UUID?
    @Field(key: "from_framework") public var fromFramework: String
    @Field(key: "from_code") public var fromCode: String
    @Field(key: "to_framework") public var toFramework: String
    @Field(key: "to_code") public var toCode: String
    /// A ``TargetRelation`` raw value.
    @Field(key: "relation") public var relation: TargetRelation
    @Field(key: "source_title") public var sourceTitle: String
    @OptionalField(key: "source_url") public var sourceURL: String?
    @OptionalField(key: "quote") public var quote: String?
    /// `reference data` for shipped links, else the email of the secretariat member.
    @Field(key: "created_by") public var createdBy: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    public init() {}

    var from: TargetReference { TargetReference(framework: fromFramework, code: fromCode) }
    var to: TargetReference { TargetReference(framework: toFramework, code: toCode) }
}

struct CreateTargetLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TargetLinkModel.schema)
            .id()
            .field("from_framework", .string, .required)
            .field("from_code", .string, .required)
            .field("to_framework", .string, .required)
            .field("to_code", .string, .required)
            .field("relation", .string, .required)
            .field("source_title", .string, .required)
            .field("source_url", .string)
            .field("quote", .string)
            .field("created_by", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "from_framework", "from_code", "to_framework", "to_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TargetLinkModel.schema).delete()
    }
}

/// Loads the shipped crosswalks: a link not yet stored is added; stored links (perhaps edited
/// or removed by a secretariat since) are left as they are. Runs when the file's version is new.
enum CrosswalkLoader {
    static let file = "crosswalks.json"
    /// The `created_by` of shipped links.
    static let shippedBy = "reference data"

    static func load(_ crosswalks: CrosswalkFile, on db: any Database) async throws {
        guard try await ReferenceLoader.needsLoad(file, crosswalks.version, on: db) else { return }
        try await db.transaction { db in
            for link in crosswalks.links {
                let exists = try await TargetLinkModel.query(on: db)
                    .filter(\.$fromFramework == link.from.framework).filter(\.$fromCode == link.from.code)
                    .filter(\.$toFramework == link.to.framework).filter(\.$toCode == link.to.code).first() != nil
                if exists { continue }
                let row = TargetLinkModel()
                row.fromFramework = link.from.framework
                row.fromCode = link.from.code
                row.toFramework = link.to.framework
                row.toCode = link.to.code
                row.relation = link.relation
                row.sourceTitle = link.source.title
                row.sourceURL = link.source.url
                row.quote = link.quote
                row.createdBy = shippedBy
                try await row.create(on: db)
            }
            try await ReferenceLoader.markLoaded(file, crosswalks.version, on: db)
        }
    }
}
