import Fluent
import Foundation
@testable import SynergiaApp
import Testing
import Vapor
import VaporTesting

/// Hostile multipart bodies: answered 400, never a stopped process (the multipart parser stops
/// on an empty boundary) nor a 500.
@Suite("Multipart bodies an attacker sends")
struct MultipartInputTests {
    static let body = "--\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nx\r\n----\r\n"

    @Test("an empty, missing, quoted-empty or over-long boundary is a 400 on every kind of route, anonymous or with a form; the app answers after")
    func boundaries() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let paths = ["/sign-in", "/indicators/import", "/reports/\(report.id!)/answers/cbd-7nr.s1.q5/attachment",
                         "/api/v1/reports/\(report.id!)/answers/cbd-7nr.s1.q5/attachment", "/parties/KE/national-targets/T3/documents"]
            let types = ["multipart/form-data; boundary=", "multipart/form-data", "multipart/form-data; boundary=\"\"", "Multipart/Form-Data; boundary=",
                         "multipart/mixed; boundary=", "multipart/form-data; boundary=" + String(repeating: "a", count: 71),
                         "multipart/form-data; boundary=a\u{7F}b"]
            for path in paths {
                for type in types {
                    var headers = HTTPHeaders()
                    headers.replaceOrAdd(name: .contentType, value: type)
                    let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: Self.body))
                    #expect(response.status == .badRequest, "\(path) with \(type): \(response.status)")
                }
            }
            #expect(try await Browser(app).get("/healthz").status == .ok)
        }
    }

    @Test("a body that does not parse under a valid boundary is a 400 to an uploader with a token, not a 500, and stores nothing")
    func malformed() async throws {
        try await withSynergia { app in
            let report = try await startKenyaCBDReport(app)
            let focalPoint = try #require(try await UserModel.query(on: app.db).filter(\.$email == "fp@example.org").first())
            let token = try await APITokenService.create(named: "test", for: focalPoint, on: app.db)
            for body in ["garbage", "--abc\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nunterminated", "--abc\r\n\r\n--abc--",
                         "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7\r\n--abc"] {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=abc")
                headers.bearerAuthorization = BearerAuthorization(token: token)
                let response = try await app.testing().sendRequest(.POST, "/api/v1/reports/\(report.id!)/answers/cbd-7nr.s1.q5/attachment",
                                                                   headers: headers, body: ByteBuffer(string: body))
                #expect(response.status == .badRequest || response.status == .unprocessableEntity, "\(body.prefix(20)): \(response.status)")
            }
            #expect(try await AttachmentModel.query(on: app.db).count() == 0)
        }
    }
}
