import Foundation
import SynergiaCore
import Vapor

/// A link between targets of two frameworks, as the page shows it and the API returns it.
public struct TargetLinkDTO: Content, Equatable, Sendable {
    public var id: UUID
    /// `FRAMEWORK/CODE`.
    public var from: String
    public var to: String
    public var relation: TargetRelation
    public var sourceTitle: String
    public var sourceURL: String?
    public var quote: String?
    /// `reference data` for shipped links, `secretariat` for links a secretariat added (never a person's address).
    public var createdBy: String

    init(id: UUID, from: String, to: String, relation: TargetRelation, sourceTitle: String, sourceURL: String?, quote: String?, createdBy: String) {
        self.id = id; self.from = from; self.to = to; self.relation = relation
        self.sourceTitle = sourceTitle; self.sourceURL = sourceURL; self.quote = quote; self.createdBy = createdBy
    }

    init(_ row: TargetLinkModel) {
        id = row.id!
        from = "\(row.fromFramework)/\(row.fromCode)"
        to = "\(row.toFramework)/\(row.toCode)"
        relation = row.relation
        sourceTitle = row.sourceTitle
        sourceURL = row.sourceURL
        quote = row.quote
        createdBy = row.createdBy == CrosswalkLoader.shippedBy ? CrosswalkLoader.shippedBy : "secretariat"
    }
}
