@testable import SynergiaApp
import Testing
import Vapor

@Suite("Cookies read from a request")
struct RequestCookiesTests {
    private func cookies(_ lines: String...) -> RequestCookies {
        var headers = HTTPHeaders()
        for line in lines { headers.add(name: .cookie, value: line) }
        return RequestCookies(headers)
    }

    @Test("each cookie of a browser's header is found by name, with spaces around the pairs ignored")
    func browserHeader() {
        let jar = cookies("synergia-lang=fr;  synergia-session=AbC-_0123 ;synergia-csrf=x=y")
        #expect(jar["synergia-lang"] == "fr")
        #expect(jar["synergia-session"] == "AbC-_0123")
        #expect(jar["synergia-csrf"] == "x=y", "a value keeps every '=' after the first")
        #expect(jar["synergia"] == nil, "a name is matched whole, not by prefix")
        #expect(jar["Synergia-Lang"] == nil, "names are case-sensitive")
    }

    @Test("a quoted value is taken without its quotes; a pair without '=' or without a name is skipped")
    func oddPairs() {
        let jar = cookies("a=\"quoted\"; lonely; =nameless; b=; c=\"")
        #expect(jar["a"] == "quoted")
        #expect(jar["lonely"] == nil)
        #expect(jar[""] == nil)
        #expect(jar["b"] == "")
        #expect(jar["c"] == "\"", "a lone quote is the value itself")
    }

    @Test("a name sent twice, in one header or in two, keeps its last value (as Vapor's parser does)")
    func repeatedName() {
        #expect(cookies("s=first; s=second")["s"] == "second")
        #expect(cookies("s=first", "s=second")["s"] == "second")
    }

    @Test("pairs joined with ',' (as some proxies join two Cookie headers) are read apart, as Vapor reads them")
    func commaJoined() {
        let jar = cookies("synergia-lang=fr, synergia-session=abc")
        #expect(jar["synergia-lang"] == "fr" && jar["synergia-session"] == "abc")
    }

    @Test("a token is taken only in the form this site gives it: 43 characters of base64url")
    func tokenForm() {
        let good = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE"
        #expect(good.utf8.count == 43)
        #expect(cookies("t=\(good)").token("t") == good)
        for bad in [String(good.dropLast()), good + "A", String(good.dropLast()) + "=", String(good.dropLast()) + "é",
                    String(repeating: "é", count: 43), #"x"><script>alert(1)</script><b title="aaaaa"#] {
            #expect(cookies("t=\(bad)").token("t") == nil, "\(bad)")
        }
        #expect(cookies().token("t") == nil)
    }

    @Test("no Cookie header: no cookie")
    func none() {
        #expect(cookies()["synergia-session"] == nil)
    }
}
