import Fluent
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Form protection and response headers")
struct SecurityTests {
    @Test("a form posted without its token is refused and changes nothing")
    func csrfMissing() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "admin@example.org", role: .administrator)
            let browser = Browser(app)
            let refused = try await browser.post("/sign-in", ["email": "admin@example.org", "password": "correct horse battery"], csrf: false)
            #expect(refused.status == .forbidden)
            #expect(refused.contains("This form has expired"))
            #expect(browser.cookies["synergia-session"] == nil, "no session was started")
        }
    }

    @Test("a form token planted in a cookie (by a sibling site) that is not one of ours is never written into a page")
    func plantedFormToken() async throws {
        try await withSynergia { app async throws in
            // 43 characters, as a token has, but markup: once it was put into every form as it came.
            let planted = #"x"><script>alert(1)</script><b title="aaaaa"#
            #expect(planted.count == 43)
            for value in [planted, String(repeating: "é", count: 43), String(repeating: "A", count: 42)] {
                var headers = HTTPHeaders()
                headers.add(name: .cookie, value: "synergia-csrf=\(value)")
                let response = try await app.testing().sendRequest(.GET, "/sign-in", headers: headers)
                #expect(response.status == .ok)
                #expect(!response.body.string.contains("<script>alert(1)"))
                #expect(!response.body.string.contains(value))
                // A token of our own takes its place, in a new cookie.
                let fresh = try #require(response.headers.setCookie?[CSRFMiddleware.cookieName]?.string)
                #expect(fresh != value && RequestCookies(["Cookie": "t=\(fresh)"]).token("t") == fresh)
            }
        }
    }

    @Test("a form with a forged token is refused")
    func csrfForged() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app)
            _ = try await browser.get("/sign-in")
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.add(name: .cookie, value: "synergia-csrf=\(browser.cookies["synergia-csrf"]!)")
            let response = try await app.testing().sendRequest(.POST, "/sign-in", headers: headers,
                                                               body: .init(string: "email=a%40b.org&password=x&_csrf=forged"))
            #expect(response.status == .forbidden)
        }
    }

    @Test("form tokens' base64url reads back every length of bytes, as Foundation's base64 writes them, and refuses plain base64")
    func base64URL() {
        for count in 0...70 {
            let bytes = CSRFMiddleware.randomBytes(count)
            #expect(bytes.count == count)
            let text = CSRFMiddleware.base64URLEncoded(bytes)
            let foundation = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(text == foundation)
            #expect(CSRFMiddleware.base64URLDecoded(text) == bytes)
        }
        #expect(CSRFMiddleware.base64URLDecoded("ab+/") == nil && CSRFMiddleware.base64URLDecoded("a") == nil && CSRFMiddleware.base64URLDecoded("é") == nil)
        #expect(CSRFMiddleware.randomBytes(32) != CSRFMiddleware.randomBytes(32))
    }

    @Test("the form token is in every form, masked afresh in each response (BREACH), and its cookie is HTTP-only and SameSite=Strict")
    func tokenInForms() async throws {
        try await withSynergia { app async throws in
            let browser = Browser(app)
            let page = try await browser.get("/sign-in")
            let token = try #require(browser.cookies["synergia-csrf"])
            let field = try #require(PublicPageCacheTests.formToken(page.body))
            let again = try #require(PublicPageCacheTests.formToken(try await browser.get("/sign-in").body))
            // The page never holds the token itself, and no two responses carry the same bytes for it …
            #expect(!page.contains(token))
            #expect(field != again)
            // … yet each unmasks to the cookie's token, and a form sent with it is accepted.
            #expect(CSRFMiddleware.unmasked(field) == token && CSRFMiddleware.unmasked(again) == token)
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.add(name: .cookie, value: "synergia-csrf=\(token)")
            let signIn = try await app.testing().sendRequest(.POST, "/sign-in", headers: headers,
                                                             body: .init(string: "email=a%40b.org&password=x&_csrf=\(field)"))
            #expect(signIn.status != .forbidden)
            // A masked token of another cookie is refused.
            let other = CSRFMiddleware.masked(CSRFMiddleware.newToken())
            let forged = try await app.testing().sendRequest(.POST, "/sign-in", headers: headers,
                                                             body: .init(string: "email=a%40b.org&password=x&_csrf=\(other)"))
            #expect(forged.status == .forbidden)
            let setCookie = page.headers[.setCookie].first { $0.hasPrefix("synergia-csrf=") } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
        }
    }

    @Test("session cookies are HTTP-only, SameSite=Lax, and Secure when configured")
    func sessionCookieFlags() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "bureau@example.org", role: .bureau)
            let browser = Browser(app)
            _ = try await browser.get("/sign-in")
            let page = try await browser.post("/sign-in", ["email": "bureau@example.org", "password": "correct horse battery"])
            let cookie = page.headers[.setCookie].first { $0.hasPrefix("synergia-session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(try SynergiaSettings.from(environment: [:], production: true).secureCookies)
            #expect(try SynergiaSettings.from(environment: ["SYNERGIA_SECURE_COOKIES": "1"], production: false).secureCookies)
        }
    }

    @Test("pages forbid framing and scripts")
    func headers() async throws {
        try await withSynergia { app async throws in
            let page = try await Browser(app).get("/")
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'none'") == true)
        }
    }

    @Test("text from people is escaped, in text and in attribute values")
    func escaping() async throws {
        try await withSynergia { app async throws in
            let page = try await Browser(app).post("/sign-in", ["email": "\"><script>alert(1)</script>", "password": ""])
            #expect(page.status == .unprocessableEntity)
            #expect(!page.contains("<script>"))
            #expect(page.contains("value=\"&quot;&gt;&lt;script&gt;"))
        }
    }
}
