import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing
import Vapor

/// What operators and readers on slow links get from the live server: `/metrics` for Prometheus
/// (never for the public), and compressed pages for clients that accept them.
@Suite("Metrics and compression")
struct MetricsAndCompressionTests {
    @Test("/metrics gives request counts and latencies by route and status, cache hits and the outbox, to this machine only")
    func metrics() async throws {
        try await withSynergia { app in
            try await LiveServer.with(app) { server in
                _ = try await server.client().get("/parties")
                _ = try await server.client().get("/parties")
                _ = try await server.client().get("/no-such-page")
                let scrape = try await get(server, "/metrics")
                #expect(scrape.status == .ok)
                #expect(scrape.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = scrape.body
                #expect(text.contains(#"http_requests_total{method="GET",path="/parties",status="200"}"#))
                #expect(text.contains(#"http_request_duration_seconds_bucket{method="GET",path="/parties",status="200",le="#))
                // An unknown path is counted under one label, so nobody can grow the series without bound.
                #expect(text.contains(#"path="vapor_route_undefined""#))
                #expect(!text.contains("no-such-page"))
                #expect(text.contains(#"synergia_page_cache_requests_total{result="hit"}"#))
                #expect(text.contains("synergia_notification_outbox_depth 0"))
                #expect(text.contains("synergia_content_generation "))
                #expect(text.contains(#"synergia_signed_in_cache_entries{cache="sessions"}"#))
                if app.db.isPostgres {
                    // At least the connection that read these figures was busy.
                    let busy = text.split(separator: "\n").first { $0.hasPrefix(#"synergia_database_connections{state="busy"}"#) }
                    #expect((busy?.split(separator: " ").last).flatMap { Double($0) }.map { $0 >= 1 } == true)
                }
                // Through a proxy, it is not there for the public.
                #expect(try await get(server, "/metrics", ["X-Forwarded-For": "203.0.113.9"]).status == .notFound)
            }
        }
    }

    @Test("with a scrape token, /metrics answers only that bearer token")
    func metricsToken() async throws {
        let token = "prometheus-scrape-token-0123456789"
        try await withSynergia(configure: { $0.metricsToken = token }, { app in
            try await LiveServer.with(app) { server in
                let none = try await get(server, "/metrics")
                let wrong = try await get(server, "/metrics", ["Authorization": "Bearer wrong-token-wrong-token-wrong"])
                let right = try await get(server, "/metrics", ["Authorization": "Bearer \(token)"])
                #expect(none.status == .notFound)
                #expect(wrong.status == .notFound)
                #expect(right.status == .ok)
            }
        })
        // Behind a proxy on this machine (a trusted proxy forwards the public), or in production: only with the token.
        try await withSynergia(configure: { $0.trustedProxies = [CIDR("127.0.0.1/32")!] }, { app in
            try await LiveServer.with(app) { server in
                let answer = try await get(server, "/metrics")
                #expect(answer.status == .notFound)
            }
        })
        try await withSynergia(configure: { $0.production = true }, { app in
            try await LiveServer.with(app) { server in
                let answer = try await get(server, "/metrics")
                #expect(answer.status == .notFound)
            }
        })
        #expect(throws: SettingsError.self) {
            try SynergiaSettings.from(environment: ["SYNERGIA_METRICS_TOKEN": "short"], production: false)
        }
    }

    @Test("pages and API answers are gzip-compressed for clients that accept it, and whole after decompression")
    func compressed() async throws {
        try await withSynergia { app in
            try await LiveServer.with(app) { server in
                for path in ["/parties", "/api/v1/parties", "/static/synergia.css"] {
                    let plain = try await get(server, path)
                    let gzipped = try await get(server, path, ["Accept-Encoding": "gzip"])
                    #expect(plain.headers.first(name: .contentEncoding) == nil, "\(path)")
                    #expect(gzipped.headers.first(name: .contentEncoding) == "gzip", "\(path)")
                    #expect(gzipped.bytes < plain.bytes / 3, "\(path): \(gzipped.bytes) of \(plain.bytes) bytes")
                    #expect(try gunzip(gzipped.raw) == Data(plain.body.utf8), "\(path)")
                }
                // A cached page is compressed once and kept so; each representation has its own validator.
                let kept = try await get(server, "/parties", ["Accept-Encoding": "gzip, deflate"])
                #expect(kept.headers.first(name: "X-Cache") == "hit" && kept.headers.first(name: .contentEncoding) == "gzip")
                let plain = try await get(server, "/parties")
                let zipTag = try #require(kept.headers.first(name: .eTag)), plainTag = try #require(plain.headers.first(name: .eTag))
                #expect(zipTag != plainTag)
                #expect(try await get(server, "/parties", ["Accept-Encoding": "gzip", "If-None-Match": zipTag]).status == .notModified)
                #expect(try await get(server, "/parties", ["If-None-Match": plainTag]).status == .notModified)
                #expect(try await get(server, "/parties", ["If-None-Match": zipTag]).status == .ok)
                #expect(kept.headers[.vary].joined(separator: ",").contains("Accept-Encoding"))
                #expect(kept.headers[.vary].joined(separator: ",").contains("Accept-Language"))
                // A client that refuses gzip gets it whole.
                #expect(try await get(server, "/parties", ["Accept-Encoding": "gzip;q=0, identity"]).headers.first(name: .contentEncoding) == nil)
            }
        }
    }

    struct Answer { var status: HTTPStatus; var headers: HTTPHeaders; var raw: Data; var body: String { String(decoding: raw, as: UTF8.self) }; var bytes: Int { raw.count } }

    func get(_ server: LiveServer, _ path: String, _ headers: HTTPHeaders = [:]) async throws -> Answer {
        let response = try await server.app.client.get(URI(string: "http://127.0.0.1:\(server.port)\(path)"), headers: headers)
        return Answer(status: response.status, headers: response.headers, raw: response.body.map { Data($0.readableBytesView) } ?? Data())
    }

    /// Decompresses with the system's gzip, as a browser would.
    func gunzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result
    }
}
