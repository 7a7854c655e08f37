import Testing
@testable import SynergiaCore

@Suite("Search text: folding, query terms and excerpts in six languages")
struct SearchTextTests {
    @Test("folding removes case and Latin accents, reads ё as е, folds Arabic letter variants and vowels, keeps Chinese")
    func folding() {
        #expect(SearchText.fold("Hábitat de Aves ACUÁTICAS") == "habitat de aves acuaticas")
        #expect(SearchText.fold("Œuvre   d’eau\u{00A0}Straße") == "oeuvre d'eau strasse")
        #expect(SearchText.fold("Ёлка") == "елка")
        // أَرَاضٍ with its short vowels; ة and ى; tatweel.
        #expect(SearchText.fold("الأَرَاضِي الرَّطْبَة") == "الاراضي الرطبه")
        #expect(SearchText.fold("مُسـتوى") == "مستوي")
        #expect(SearchText.fold("关于特别是作为水禽栖息地的国际重要湿地公约") == "关于特别是作为水禽栖息地的国际重要湿地公约")
        #expect(SearchText.fold("٢٠٣٠ and ２０３０") == "2030 and 2030")
        // й typed whole and й as extracted from a PDF (и + combining breve) read alike; bidi marks are invisible.
        #expect(SearchText.fold("Кенийский") == SearchText.fold("Кени\u{0438}\u{0306}ски\u{0438}\u{0306}"))
        #expect(SearchText.fold("الأراضي\u{200F}\u{2067}الرطبة\u{2069}") == "الاراضيالرطبه")
    }

    @Test("a query's words are folded and given a light stem that still finds their other forms")
    func terms() throws {
        #expect(try SearchQuery("Wetlands").terms == ["wetland"])
        #expect(try SearchQuery("zones humides").terms == ["zone", "humide"])
        #expect(try SearchQuery("humedales").terms == ["humedale"])
        #expect(try SearchQuery("водно-болотные").terms == ["водно-болотн"])
        #expect(try SearchQuery("الأراضي الرطبة").terms == ["اراضي", "رطبه"])
        #expect(try SearchQuery("湿地").terms == ["湿地"])
        #expect(try SearchQuery("  XII/6, «décision»  ").terms == ["xii/6", "decision"])
        // Punctuation alone is no search; a repeated word counts once.
        #expect(try SearchQuery(" \"%_' -- ").isEmpty)
        #expect(try SearchQuery("Ramsar ramsar RAMSAR").terms == ["ramsar"])
        // A lone letter is in every text and is left out; a lone Chinese character is a word.
        #expect(try SearchQuery("a wetland y").terms == ["wetland"])
        #expect(try SearchQuery("湿").terms == ["湿"])
        let mixed = try SearchQuery("湿地 wetland")
        #expect(mixed.pairs == ["湿地"] && mixed.indexed == ["wetland"] && mixed.short == [])
    }

    @Test("Chinese is also kept as its two-character words, for an index of words; other scripts are not")
    func bigrams() throws {
        #expect(SearchText.bigrams("国际重要湿地公约") == "国际 际重 重要 要湿 湿地 地公 公约")
        #expect(SearchText.bigrams("ramsar 湿地, 水 and wetlands") == "湿地 水")
        #expect(SearchText.bigrams("wetlands") == "")
        let query = try SearchQuery("湿地 保护区 eu 水")
        #expect(query.pairs == ["湿地"] && query.indexed == ["保护区"] && query.short == ["eu", "水"])
    }

    @Test("a query too long or with too many words is refused")
    func limits() {
        #expect(throws: SearchQuery.Problem.tooLong) { try SearchQuery(String(repeating: "a", count: SearchQuery.maxLength + 1)) }
        #expect(throws: SearchQuery.Problem.tooManyTerms) { try SearchQuery("one two three four five six seven eight nine") }
        #expect((try? SearchQuery(String(repeating: "a", count: SearchQuery.maxLength))) != nil)
    }

    @Test("every stem is a part of the word it came from, so a word always finds itself")
    func stemsArePrefixes() throws {
        for word in ["wetlands", "biodiversité", "humedales", "сотрудничества", "водно-болотных", "والتنوع", "البيولوجي", "生物多样性", "ss", "cross"] {
            let folded = SearchText.fold(word)
            let stem = try #require(try SearchQuery(word).terms.first)
            #expect(folded.contains(stem), "\(word) → \(stem)")
        }
    }

    @Test("an excerpt marks each match as written in the original, around the first one")
    func excerpt() {
        let text = "Convención relativa a los Humedales de Importancia Internacional especialmente como Hábitat de Aves Acuáticas"
        let excerpt = SearchExcerpt(text, terms: ["humedale", "habitat"])
        #expect(excerpt.parts.filter(\.match).map(\.text) == ["Humedales", "Hábitat"], "a stem is marked to the end of its word")
        #expect(excerpt.text == text)

        let arabic = SearchExcerpt("حماية الأَرَاضِي الرطبة", terms: ["اراضي"])
        #expect(arabic.parts.filter(\.match).map(\.text) == ["الأَرَاضِي".dropFirst(2).description])

        let chinese = SearchExcerpt("关于特别是作为水禽栖息地的国际重要湿地公约", terms: ["湿地"])
        #expect(chinese.parts.map(\.text) == ["关于特别是作为水禽栖息地的国际重要", "湿地", "公约"])
    }

    @Test("a long text is cut around the first match, at word boundaries, with ellipses")
    func longExcerpt() {
        let words = (1...200).map { "word\($0)" }
        let text = (words[0..<120] + ["wetland"] + words[120...]).joined(separator: " ")
        let excerpt = SearchExcerpt(text, terms: ["wetland"], length: 120)
        #expect(excerpt.parts.first?.text == "…")
        #expect(excerpt.parts.last?.text == "…")
        #expect(excerpt.parts.contains(Part(text: "wetland", match: true)))
        #expect(excerpt.text.count <= 124)
        #expect(!excerpt.text.contains("word1 "), "starts near the match, not at the beginning")
        // Nothing matched (the title did): the beginning.
        #expect(SearchExcerpt(text, terms: ["absent"], length: 50).parts.first?.text.hasPrefix("word1 ") == true)
    }

    typealias Part = SearchExcerpt.Part
}
