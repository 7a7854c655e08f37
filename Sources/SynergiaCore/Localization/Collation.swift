import Foundation

/// Names in a language's alphabetical order, by ICU's collation through Foundation: Chinese by
/// pinyin (阿富汗, 埃及, 巴西, … 中国), Russian in Cyrillic order with Ё beside Е, Arabic by its
/// alphabet, accents after the base letter in French and Spanish.
public enum Collation {
    /// `items` ordered by `name` in `language` (ties keep their order). A list sorted once is
    /// remembered: the 196 Parties take ICU about 5 ms to sort, and reference data rarely changes.
    public static func sorted<T>(_ items: [T], in language: Language, by name: (T) -> String) -> [T] {
        let names = items.map(name)
        let key = Key(language: language, names: names)
        let order = lock.withLock { remembered[key] } ?? {
            let locale = LanguageFormats[language].locale
            let order = names.indices.sorted { a, b in
                switch names[a].compare(names[b], locale: locale) {
                case .orderedAscending: true
                case .orderedDescending: false
                case .orderedSame: a < b
                }
            }
            lock.withLock {
                if remembered.count >= 64 { remembered.removeAll() }
                remembered[key] = order
            }
            return order
        }()
        return order.map { items[$0] }
    }

    private struct Key: Hashable { let language: Language; let names: [String] }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var remembered: [Key: [Int]] = [:]
}
