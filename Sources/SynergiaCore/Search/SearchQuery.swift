import Foundation

/// What a reader typed into the search box, read as the terms that must all be found.
///
/// Each term is folded like the index (``SearchText``) and given a light, prefix-safe stem, so
/// that it matches the word as a substring in its other forms: a trailing plural `s` of a Latin
/// word (`wetlands` finds `wetland`), a Russian inflection (`водно-болотные` finds
/// `водно-болотных`), the Arabic article (`الرطبة` finds `رطبة`). Chinese needs no stemming: it
/// is matched as written, without spaces (`湿地` finds `国际重要湿地公约`).
public struct SearchQuery: Sendable, Equatable {
    /// Longest query read, in characters; longer input is refused.
    public static let maxLength = 200
    /// Most terms read; a query with more is refused.
    public static let maxTerms = 8
    /// A term with fewer scalars than this is too short for a trigram index and is matched by a scan.
    public static let trigram = 3

    public enum Problem: Error, Equatable, Sendable {
        case tooLong
        case tooManyTerms
    }

    /// The query as typed, trimmed.
    public let text: String
    /// Folded and stemmed, each at most once, in the order typed.
    public let terms: [String]

    public init(_ raw: String) throws(Problem) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= Self.maxLength else { throw .tooLong }
        var terms: [String] = []
        for word in Self.words(SearchText.fold(text)) {
            let stem = Self.stem(word)
            // A single letter or digit (`a`, `y`, `و`) is in nearly every text: it is left out, but a Chinese character is a word.
            if stem.unicodeScalars.count == 1, !SearchExcerpt.isIdeographic(Character(stem)) { continue }
            if !stem.isEmpty, !terms.contains(stem) { terms.append(stem) }
        }
        guard terms.count <= Self.maxTerms else { throw .tooManyTerms }
        self.text = text
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The terms long enough for a trigram index; the two-character Chinese words, for the index of
    /// two-character words (``SearchText/bigrams(_:)``); and the others, matched by a scan.
    public var indexed: [String] { terms.filter { $0.unicodeScalars.count >= Self.trigram } }
    public var pairs: [String] { terms.filter { $0.unicodeScalars.count == 2 && $0.unicodeScalars.allSatisfy { SearchText.isIdeographic($0.value) } } }
    public var short: [String] { terms.filter { $0.unicodeScalars.count < Self.trigram && !pairs.contains($0) } }

    /// Splits folded text into words: letters, digits and marks, with `-`, `'`, `.` and `/` kept inside
    /// a word (`водно-болотные`, `d'eau`, `a.1`, `xii/6`).
    static func words(_ folded: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            var word = String(current)
            while let last = word.unicodeScalars.last, joiners.contains(last) { word.unicodeScalars.removeLast() }
            while let first = word.unicodeScalars.first, joiners.contains(first) { word.unicodeScalars.removeFirst() }
            if !word.isEmpty { words.append(word) }
            current.removeAll()
        }
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .spacingMark
                || (joiners.contains(scalar) && !current.isEmpty) {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    static let joiners: Set<Unicode.Scalar> = ["-", "'", ".", "/"]

    /// Russian endings of nouns and adjectives, longest first.
    static let russianEndings: [String] = [
        "иями", "ями", "ами", "ыми", "ими", "ого", "его", "ому", "ему", "иях", "ях", "ах", "ая", "яя", "ое", "ее", "ые", "ие",
        "ый", "ий", "ой", "ых", "их", "ую", "юю", "ам", "ям", "ов", "ев", "ей", "ом", "ем", "ию", "ия", "ий",
        "а", "я", "о", "е", "ы", "и", "у", "ю", "ь",
    ]

    /// A light stem that is a prefix of the word's other forms (never longer than the word).
    static func stem(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return word }
        switch first.value {
        case 0x0400...0x04FF where scalars.count >= 6:
            for ending in russianEndings where word.hasSuffix(ending) && scalars.count - ending.unicodeScalars.count >= 4 {
                return String(word.dropLast(ending.count))
            }
            return word
        case 0x0600...0x06FF:
            for article in ["وال", "ال"] where word.hasPrefix(article) && scalars.count - article.unicodeScalars.count >= 3 {
                return String(word.dropFirst(article.count))
            }
            return word
        case 0x61...0x7A where scalars.count >= 5 && word.hasSuffix("s") && !word.hasSuffix("ss"):
            return String(word.dropLast())
        default:
            return word
        }
    }
}
