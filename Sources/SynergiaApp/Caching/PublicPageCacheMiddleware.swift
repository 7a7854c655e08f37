import Metrics
import Vapor

/// Serves public pages and API answers from ``PageCache`` to readers with no session and no
/// token, and answers `If-None-Match` with 304 for them. Whatever a page depends on is in its
/// key (path, query and language) or in its generation; a signed-in reader, a token, a page
/// with a form token, a page that sets a cookie, a stream and anything but HTML or JSON always
/// go to the route.
struct PublicPageCacheMiddleware: AsyncMiddleware {
    let cache: PageCache
    /// Routes that never touch the database stay that way (a cache look-up reads the generation).
    static let uncachedPrefixes = ["/healthz", "/readyz", "/metrics", "/static/", "/favicon.ico"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let url = request.url
        let path = url.path
        guard Self.mayServeFromCache(request, path: path) else { return try await next.respond(to: request) }
        let key = "\(request.language.code) \(path)?\(url.query ?? "")"
        guard key.utf8.count <= PageCache.maxKeyBytes else { return try await next.respond(to: request) }
        let generation = try await request.generations().content
        switch await cache.lookup(key, generation: generation) {
        case .hit(let entry):
            Self.counted.hit.increment()
            return Self.response(from: entry, for: request, result: "hit")
        case .render:
            Self.counted.bypass.increment()
            return try await next.respond(to: request)
        case .lead:
            Self.counted.miss.increment()
            let response: Response
            do {
                response = try await next.respond(to: request)
            } catch {
                cache.finish(key, generation: generation, entry: nil)
                throw error
            }
            let entry = Self.entry(of: response, generation: generation, maxBytes: cache.maxEntryBytes)
            cache.finish(key, generation: generation, entry: entry)
            return entry.map { Self.response(from: $0, for: request, result: "miss") } ?? response
        }
    }

    /// Requests by what the cache did: served a kept page, rendered and kept one, or rendered one it cannot keep.
    static let counted = (hit: Counter(label: "synergia_page_cache_requests_total", dimensions: [("result", "hit")]),
                          miss: Counter(label: "synergia_page_cache_requests_total", dimensions: [("result", "miss")]),
                          bypass: Counter(label: "synergia_page_cache_requests_total", dimensions: [("result", "bypass")]))

    /// A page with a form carries its reader's form token: never kept.
    static let formTokenField = Array("name=\"\(CSRFMiddleware.fieldName)\"".utf8)

    static func mayServeFromCache(_ request: Request, path: String) -> Bool {
        request.method == .GET && request.sessionToken == nil && request.apiTokenUser == nil
            && !request.headers.contains(name: .authorization)
            && !uncachedPrefixes.contains(where: { path.hasPrefix($0) })
    }

    /// What may be kept of `response`: a whole 200 HTML or JSON body that sets no cookie and
    /// carries no reader's form token.
    static func entry(of response: Response, generation: Int64, maxBytes: Int) -> PageCache.Entry? {
        guard response.status == .ok, response.headers[.setCookie].isEmpty, let body = response.body.buffer, body.readableBytes <= maxBytes,
              let type = response.headers.contentType, type == .html || type == .json || type.subType == "json" else { return nil }
        if body.readableBytesView.firstRange(of: formTokenField) != nil { return nil }
        var headers = response.headers
        headers.remove(name: .eTag)
        return PageCache.Entry(generation: generation, status: response.status, headers: headers, body: body)
    }

    /// The response for one reader: 304 when they hold this version already; the gzip copy kept
    /// with the entry when their client accepts gzip (compressed once, not for every reader).
    static func response(from entry: PageCache.Entry, for request: Request, result: String) -> Response {
        let gzip = entry.gzipped != nil && acceptsGzip(request.headers)
        let etag = gzip ? entry.gzipETag : entry.etag
        var headers = entry.headers
        headers.replaceOrAdd(name: .eTag, value: etag)
        // Kept by the browser, but checked with the server each time (a 304 costs a few bytes).
        headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        headers.replaceOrAdd(name: "X-Cache", value: result)
        if entry.gzipped != nil { headers.add(name: .vary, value: "Accept-Encoding") }
        if request.headers[.ifNoneMatch].contains(where: { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag } }) {
            headers.remove(name: .contentType)
            headers.remove(name: .contentLength)
            return Response(status: .notModified, headers: headers)
        }
        guard gzip, let gzipped = entry.gzipped else { return Response(status: entry.status, headers: headers, body: .init(buffer: entry.body)) }
        headers.replaceOrAdd(name: .contentEncoding, value: "gzip")
        headers.responseCompression = .disable
        return Response(status: entry.status, headers: headers, body: .init(buffer: gzipped))
    }

    /// Does the client take gzip (`Accept-Encoding: gzip`, with no `q=0`)?
    static func acceptsGzip(_ headers: HTTPHeaders) -> Bool {
        headers[.acceptEncoding].flatMap { $0.split(separator: ",") }.contains { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard parts.first == "gzip" || parts.first == "x-gzip" else { return false }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }
}
