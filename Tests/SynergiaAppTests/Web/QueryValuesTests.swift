@testable import SynergiaApp
import Testing
import VaporTesting

@Suite("A request's query read as a browser's form writes it")
struct QueryValuesTests {
    @Test("`+` is a space, `%XX` bytes of UTF-8, a repeated name has its last value, bad encoding is absent")
    func decoding() {
        let values = QueryValues("q=zones+humides&kind=target&empty=&bare&zh=%E6%B9%BF%E5%9C%B0&plus=a%2Bb&q2=a%26b%3Dc&kind=decision&bad=%E6%B9&worse=%zz&=x")
        #expect(values["q"] == "zones humides")
        #expect(values["kind"] == "decision", "the last value, as Vapor's own req.query reads it")
        #expect(values["empty"] == "" && values["bare"] == "")
        #expect(values["zh"] == "湿地")
        #expect(values["plus"] == "a+b" && values["q2"] == "a&b=c")
        #expect(values["bad"] == nil, "half a UTF-8 character is not guessed at")
        #expect(values["worse"] == nil && values["missing"] == nil)
        #expect(values.dictionary.count == 7)
        #expect(QueryValues(nil).pairs.isEmpty && QueryValues("").pairs.isEmpty && QueryValues("&&").pairs.isEmpty)
    }

    @Test("a search typed with spaces keeps them through the language switcher and the filters' links")
    func switcherKeepsSpaces() async throws {
        try await withSynergia { app async throws in
            let page = try await Browser(app).get("/search?q=zones+humides&lang=fr")
            #expect(page.status == .ok)
            #expect(page.contains("?lang=es&amp;q=zones%20humides") || page.contains("?lang=es&q=zones%20humides"), "\(page.body.prefix(3000))")
            #expect(!page.contains("zones%2Bhumides"))
            // The page searched for the two words, and says so.
            #expect(page.contains("value=\"zones humides\""))
        }
    }
}
