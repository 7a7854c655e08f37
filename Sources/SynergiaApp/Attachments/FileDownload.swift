import Foundation
import SynergiaCore
import Vapor

/// A stored file sent back: with the type found in its content (never one a client named), as a
/// download (never shown in the page's origin), sandboxed, with its SHA-256.
enum FileDownload {
    /// `shared`: whether a shared cache may keep it (a file the public may read).
    static func response(_ content: Data, mediaType: String, filename: String, sha256: String, shared: Bool) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: AttachmentType(mediaType: mediaType)?.mediaType ?? "application/octet-stream")
        headers.replaceOrAdd(name: .contentDisposition, value: DownloadDisposition.attachment(filename: filename))
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "sandbox; default-src 'none'")
        headers.replaceOrAdd(name: .cacheControl, value: shared ? "public, max-age=3600" : "private, no-store")
        headers.replaceOrAdd(name: "Digest", value: "sha-256=\(Data(hex: sha256)?.base64EncodedString() ?? "")")
        return Response(status: .ok, headers: headers, body: .init(data: content))
    }

    /// A file of a form (or an API client's multipart body), checked by ``AttachmentCheck``: refused before anything is stored.
    static func checked(_ file: File?) throws -> (Data, CheckedAttachment) {
        guard let file else { throw Refusal("error.attachment.empty") }
        let data = Data(buffer: file.data)
        switch AttachmentCheck.check(data, filename: file.filename) {
        case .success(let checked): return (data, checked)
        case .failure(let problem): throw Refusal(problem.catalogKey)
        }
    }
}
