import SynergiaCore
import Testing

@Suite("Names in each language's alphabetical order")
struct CollationTests {
    @Test("ICU's collation: Chinese by pinyin, Russian with Ё beside Е, French accents after the base letter, Arabic by its alphabet; ties keep their order", arguments: [
        (Language.chinese, ["中国", "阿富汗", "巴西", "埃及", "美国", "德国"], ["阿富汗", "埃及", "巴西", "德国", "美国", "中国"]),
        (.russian, ["Япония", "Ёлка", "Австрия", "Ель", "Египет"], ["Австрия", "Египет", "Ёлка", "Ель", "Япония"]),
        (.french, ["Zambie", "Équateur", "Égypte", "Espagne", "Chine"], ["Chine", "Égypte", "Équateur", "Espagne", "Zambie"]),
        (.spanish, ["Ñandú", "Nepal", "Oman", "Níger"], ["Nepal", "Níger", "Ñandú", "Oman"]),
        (.arabic, ["مصر", "بلجيكا", "تونس", "ألبانيا"], ["ألبانيا", "بلجيكا", "تونس", "مصر"]),
        (.english, ["b", "B", "a", "b"], ["a", "b", "b", "B"]),
    ])
    func order(language: Language, names: [String], expected: [String]) {
        #expect(Collation.sorted(names, in: language) { $0 } == expected)
        #expect(Collation.sorted(names, in: language) { $0 } == expected, "the same from memory")
    }
}
