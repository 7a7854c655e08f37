import Foundation
import Vapor

/// The stylesheet, the print stylesheet, the section's autosave and conditions scripts and the OpenAPI document, read once from the
/// app's resources and served with a content hash for caching.
public struct StaticAssets: Sendable {
    public struct Asset: Sendable {
        public let body: String
        public let contentType: HTTPMediaType
        public let etag: String
    }

    public let files: [String: Asset]

    static let contentTypes: [String: HTTPMediaType] = [
        "synergia.css": .init(type: "text", subType: "css", parameters: ["charset": "utf-8"]),
        "print.css": .init(type: "text", subType: "css", parameters: ["charset": "utf-8"]),
        "openapi.yaml": .init(type: "application", subType: "yaml", parameters: ["charset": "utf-8"]),
        "autosave.js": .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]),
        "conditions.js": .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]),
    ]

    public static func load() throws -> StaticAssets {
        var files: [String: Asset] = [:]
        for (name, type) in contentTypes {
            let source = try source(name)
            let body = name.hasSuffix(".css") ? CSSMinifier.minify(source) : source
            let digest = SHA256.hash(data: Data(body.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
            files[name] = Asset(body: body, contentType: type, etag: "\"\(digest)\"")
        }
        let combined = SHA256.hash(data: Data(files.keys.sorted().compactMap { files[$0]?.etag }.joined().utf8))
        return StaticAssets(files: files, version: combined.prefix(8).map { String(format: "%02x", $0) }.joined())
    }

    /// An asset as written in the app's resources.
    static func source(_ name: String) throws -> String {
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources") else {
            throw SettingsError("the app's resource \(name) is missing from the build")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// A short hash of every asset, appended to their URLs so a new version is fetched at once.
    public let version: String

    /// A response for the asset, or 304 when the client has it already.
    func response(for name: String, request: Request) -> Response? {
        guard let asset = files[name] else { return nil }
        if request.headers.first(name: .ifNoneMatch) == asset.etag {
            return Response(status: .notModified, headers: ["ETag": asset.etag])
        }
        var headers = HTTPHeaders()
        headers.contentType = asset.contentType
        headers.replaceOrAdd(name: .eTag, value: asset.etag)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: asset.body))
    }

}
