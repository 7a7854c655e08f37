import Plot
import SynergiaCore
import Vapor

/// Turns every error into a response: a JSON error under `/api`, else a page in the
/// person's language. Unexpected errors are logged and shown as a generic 500; no
/// request can take the server down.
struct ErrorPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) -> Response {
        let status: HTTPStatus
        let reasonKey: String
        var headers = HTTPHeaders()
        if let abort = error as? any AbortError {
            status = abort.status
            reasonKey = abort.reason.hasPrefix("error.") ? abort.reason : defaultKey(for: status, fallback: abort.reason)
            headers = abort.headers
        } else if error is DecodingError || DatabaseFailure.isUnstorableText(error) || Self.isMalformedMultipart(error) {
            status = .badRequest
            reasonKey = "error.bad-request"
        } else {
            request.logger.report(error: error)
            status = .internalServerError
            reasonKey = "error.internal"
        }
        if status.code >= 500, !(error is any AbortError) {
            request.logger.error("unhandled error: \(String(reflecting: error))")
        }
        let catalog = request.catalog
        let message = reasonKey.hasPrefix("error.") ? catalog[reasonKey] : reasonKey
        if request.url.path.hasPrefix("/api/") || request.url.path == "/api" {
            let body = APIError(error: true, status: Int(status.code), reason: message)
            let response = Response(status: status, headers: headers)
            try? response.content.encode(body, as: .json)
            return response
        }
        let page = request.page
        let html = Layout.render(page, title: page.t("error.title", ["status": "\(status.code)"]), main: [
            .h1(.escapedText(page.t("error.title", ["status": "\(status.code)"]))),
            .p(.class("error"), .escapedText(message)),
            .p(.a(.href(SiteURL.home.path), page.text("error.home"))),
        ])
        let response = Response.html(html, status: status)
        for (name, value) in headers where name.lowercased() != "content-type" {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return response
    }

    /// A multipart body the parser could not read (its errors are its own, some of them private types).
    static func isMalformedMultipart(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("MultipartKit.")
    }

    static func defaultKey(for status: HTTPStatus, fallback: String) -> String {
        switch status {
        case .notFound: "error.not-found"
        case .forbidden: "error.forbidden"
        case .unauthorized: "error.unauthorized"
        case .badRequest: "error.bad-request"
        case .tooManyRequests: "error.too-many-requests"
        case .methodNotAllowed: "error.method-not-allowed"
        case .payloadTooLarge: "error.payload-too-large"
        case .unsupportedMediaType: "error.bad-request"
        default: status.code >= 500 ? "error.internal" : fallback
        }
    }
}

/// The JSON body of every API error.
struct APIError: Content {
    var error: Bool
    var status: Int
    var reason: String
}
