import Foundation
@testable import SynergiaApp
import Testing
import Vapor
import VaporTesting

/// A minimal browser over the in-memory test server: keeps cookies between requests and
/// fills in the form token the way a page's form would.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var acceptLanguage: String?

    init(_ app: Application, acceptLanguage: String? = nil) {
        self.app = app
        self.acceptLanguage = acceptLanguage
    }

    struct Page {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String
        func contains(_ text: String) -> Bool { body.contains(text) }
        var location: String? { headers.first(name: .location) }
    }

    func get(_ path: String, headers extra: HTTPHeaders = [:]) async throws -> Page {
        try await send(.GET, path, headers: extra, body: nil)
    }

    /// Posts a form; the token from the CSRF cookie is added unless `csrf` is false.
    func post(_ path: String, _ fields: [String: String], csrf: Bool = true, headers extra: HTTPHeaders = [:]) async throws -> Page {
        if csrf, cookies[CSRFMiddleware.cookieName] == nil { _ = try await get("/sign-in") }
        var fields = fields
        if csrf { fields[CSRFMiddleware.fieldName] = cookies[CSRFMiddleware.cookieName] ?? "" }
        let body = fields.sorted { $0.key < $1.key }
            .map { "\(Self.formEscape($0.key))=\(Self.formEscape($0.value))" }.joined(separator: "&")
        var headers = extra
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a form of named values in order, a name as often as a browser would send it (a
    /// multiple choice's boxes); the token is added unless `csrf` is false.
    func post(_ path: String, pairs: [(String, String)], csrf: Bool = true, headers extra: HTTPHeaders = [:]) async throws -> Page {
        if csrf, cookies[CSRFMiddleware.cookieName] == nil { _ = try await get("/sign-in") }
        var pairs = pairs
        if csrf { pairs.append((CSRFMiddleware.fieldName, cookies[CSRFMiddleware.cookieName] ?? "")) }
        var headers = extra
        headers.contentType = .urlEncodedForm
        let body = pairs.map { "\(Self.formEscape($0.0))=\(Self.formEscape($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Signs in through the form and checks that it worked.
    /// The bytes of the last response (for a file a page links to: a workbook, a PDF).
    private(set) var lastBytes = Data()

    /// A file as downloaded: status, headers and bytes.
    func download(_ path: String) async throws -> (status: HTTPStatus, headers: HTTPHeaders, data: Data) {
        let page = try await get(path)
        return (page.status, page.headers, lastBytes)
    }

    /// A form with a file (`multipart/form-data`), as a browser sends an upload.
    func upload(_ path: String, file field: String, named filename: String, _ data: Data, fields: [String: String] = [:]) async throws -> Page {
        if cookies[CSRFMiddleware.cookieName] == nil { _ = try await get("/sign-in") }
        var fields = fields
        fields[CSRFMiddleware.fieldName] = cookies[CSRFMiddleware.cookieName] ?? ""
        let boundary = "----synergia-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    func signIn(_ email: String, _ password: String = "correct horse battery") async throws {
        let page = try await post("/sign-in", ["email": email, "password": password])
        #expect(page.status == .seeOther, "sign-in of \(email) failed: \(page.status)")
    }

    private func send(_ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders, body: ByteBuffer?) async throws -> Page {
        var headers = extra
        if let acceptLanguage, !headers.contains(name: .acceptLanguage) { headers.add(name: .acceptLanguage, value: acceptLanguage) }
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        lastBytes = Data(buffer: response.body)
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            if value.lowercased().contains("max-age=0") || value.contains("1970") || String(pair[1]).isEmpty { cookies[name] = nil } else { cookies[name] = String(pair[1]) }
        }
        return Page(status: response.status, headers: response.headers, body: response.body.string)
    }

    static func formEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text)
    }

    /// Decodes a JSON response body.
    func json<T: Decodable>(_ type: T.Type, _ path: String) async throws -> T {
        let page = try await get(path)
        #expect(page.status == .ok, "\(path) answered \(page.status)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(page.body.utf8))
    }
}
