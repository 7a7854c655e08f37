import Foundation
@testable import SynergiaApp
import Testing
import Vapor

/// The app served on a real TCP port of the loopback interface, and clients that talk to it over
/// real connections, many at once: for tests about what happens when requests arrive together.
final class LiveServer: @unchecked Sendable {
    let app: Application
    let port: Int

    private init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    static func start(_ app: Application) async throws -> LiveServer {
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        // The clients see each answer as it is (a 303 stays a 303).
        app.http.client.configuration.redirectConfiguration = .disallow
        // Every simultaneous client gets its own connection, as separate browsers would.
        app.http.client.configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        app.http.client.configuration.timeout = .init(connect: .seconds(10), read: .seconds(120))
        try await app.server.start()
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
        return LiveServer(app: app, port: port)
    }

    func stop() async { await app.server.shutdown() }

    func client() -> LiveClient { LiveClient(server: self) }

    /// Runs `body` with the app served live; stops serving after.
    static func with(_ app: Application, _ body: (LiveServer) async throws -> Void) async throws {
        let server = try await start(app)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

/// A client of a ``LiveServer`` with its own cookies (a browser) and, once made, an API token.
final class LiveClient: @unchecked Sendable {
    let server: LiveServer
    private let lock = NSLock()
    private var cookies: [String: String] = [:]
    var token: String?

    init(server: LiveServer) { self.server = server }

    struct Answer: Sendable {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String
        var location: String? { headers.first(name: .location) }
        func json<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(body.utf8))
        }
    }

    func get(_ path: String) async throws -> Answer { try await send(.GET, path) }

    /// A form post, with the form token from the cookie (fetched first if needed).
    func post(_ path: String, _ fields: [String: String]) async throws -> Answer {
        if cookie(CSRFMiddleware.cookieName) == nil { _ = try await get("/sign-in") }
        var fields = fields
        fields[CSRFMiddleware.fieldName] = cookie(CSRFMiddleware.cookieName) ?? ""
        let body = fields.sorted { $0.key < $1.key }.map { "\(Browser.formEscape($0.key))=\(Browser.formEscape($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, contentType: .urlEncodedForm, body: body)
    }

    /// A JSON request with the API token.
    func api(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> Answer {
        try await send(method, path, contentType: json == nil ? nil : .json, body: json, bearer: token)
    }

    func signIn(_ email: String, _ password: String = "correct horse battery") async throws {
        let answer = try await post("/sign-in", ["email": email, "password": password])
        guard answer.status == .seeOther else { throw Abort(.unauthorized, reason: "sign-in of \(email) failed: \(answer.status)") }
    }

    /// Signs in and makes an API token for the account.
    func signInWithToken(_ email: String) async throws {
        try await signIn(email)
        let page = try await post("/account/tokens", ["name": "test"])
        guard let range = page.body.range(of: #"<code id="new-token">"#), let end = page.body[range.upperBound...].range(of: "</code>") else {
            throw Abort(.internalServerError, reason: "no token on the page")
        }
        token = String(page.body[range.upperBound..<end.lowerBound])
    }

    private func cookie(_ name: String) -> String? { lock.withLock { cookies[name] } }

    func send(_ method: HTTPMethod, _ path: String, contentType: HTTPMediaType? = nil, body: String? = nil, bearer: String? = nil) async throws -> Answer {
        var headers = HTTPHeaders()
        let jar = lock.withLock { cookies }
        if !jar.isEmpty { headers.add(name: .cookie, value: jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let contentType { headers.contentType = contentType }
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        let response = try await server.app.client.send(method, headers: headers, to: URI(string: "http://127.0.0.1:\(server.port)\(path)")) { request in
            if let body { request.body = ByteBuffer(string: body) }
        }
        lock.withLock {
            for value in response.headers[.setCookie] {
                let pair = value.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
                if value.lowercased().contains("max-age=0") || value.contains("1970") || pair[1].isEmpty { cookies[name] = nil } else { cookies[name] = String(pair[1]) }
            }
        }
        return Answer(status: response.status, headers: response.headers, body: response.body.map { String(buffer: $0) } ?? "")
    }
}

/// Runs `count` copies of `body` at the same moment and returns their results in order.
func simultaneously<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) async throws -> T) async throws -> [T] {
    try await withThrowingTaskGroup(of: (Int, T).self) { group in
        for index in 0..<count { group.addTask { (index, try await body(index)) } }
        var results: [(Int, T)] = []
        for try await result in group { results.append(result) }
        return results.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
