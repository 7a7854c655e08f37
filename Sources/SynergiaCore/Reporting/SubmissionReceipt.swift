import Foundation

/// Proof of what was submitted: the SHA-256 of the report's canonical JSON with who, what and
/// when. Kept with the submitted version; anyone holding the content can re-check it.
public struct SubmissionReceipt: Codable, Sendable, Equatable {
    /// SHA-256 of the submitted content, 64 lower-case hex digits.
    public var sha256: String
    public var byteCount: Int
    public var submittedAt: Date
    /// Party alpha-2 code.
    public var party: String
    /// Convention code.
    public var convention: String
    /// Template id.
    public var template: String
    /// Template version.
    public var version: Int

    /// A short reference for letters and pages: `CBD-FR-cbd-7nr-v1-` plus the first 12 hex digits.
    public var reference: String { "\(convention)-\(party)-\(template)-v\(version)-\(sha256.prefix(12))" }

    /// The receipt for `content`, which must already be canonical JSON (`CanonicalJSON`).
    public static func make(content: Data, submittedAt: Date, party: String, convention: String,
                            template: String, version: Int) -> SubmissionReceipt {
        SubmissionReceipt(sha256: SHA256Hex.digest(content), byteCount: content.count, submittedAt: submittedAt,
                          party: party, convention: convention, template: template, version: version)
    }

    /// The receipt for an encodable report, encoded canonically first.
    public static func make<T: Encodable>(report: T, submittedAt: Date, party: String, convention: String,
                                          template: String, version: Int) throws -> SubmissionReceipt {
        make(content: try CanonicalJSON.encode(report), submittedAt: submittedAt, party: party,
             convention: convention, template: template, version: version)
    }

    /// Whether `content` is exactly what this receipt was made for.
    public func matches(_ content: Data) -> Bool { SHA256Hex.digest(content) == sha256 && content.count == byteCount }
}
