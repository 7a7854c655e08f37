import Fluent
import Foundation
import SynergiaCore

/// A file kept in the database (an answer's, a national target's): what was checked of it, its
/// bytes, who stored it and when. Each model that holds files has these columns.
protocol StoredFile: AnyObject {
    var filename: String { get set }
    var mediaType: String { get set }
    var size: Int { get set }
    var sha256: String { get set }
    var content: Data { get set }
    var uploadedBy: String { get set }
    var uploadedAt: Date { get set }
}

extension StoredFile {
    /// Holds `data`, as ``AttachmentCheck`` found it, stored by `email` now.
    func store(_ data: Data, _ checked: CheckedAttachment, by email: String) {
        filename = checked.filename
        mediaType = checked.type.mediaType
        size = checked.size
        sha256 = checked.sha256
        content = data
        uploadedBy = email
        uploadedAt = Date()
    }

    /// For the audit log: name, type, size and digest.
    var auditLine: String { "\(filename) \(mediaType) \(size) bytes sha256:\(sha256)" }
}

extension SchemaBuilder {
    /// The columns of a ``StoredFile``.
    func storedFileFields() -> SchemaBuilder {
        field("filename", .string, .required)
            .field("media_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("content", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
    }
}
