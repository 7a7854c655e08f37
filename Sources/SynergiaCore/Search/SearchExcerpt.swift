/// A short piece of a text around the first words a search matched, with every match marked:
/// what a result shows under its title. Built from the original text (not the folded one), so
/// `Hábitat` is shown as written when `habitat` was searched.
public struct SearchExcerpt: Codable, Sendable, Equatable {
    public struct Part: Codable, Sendable, Equatable {
        public var text: String
        /// The words of the query.
        public var match: Bool

        public init(text: String, match: Bool) {
            self.text = text
            self.match = match
        }
    }

    public var parts: [Part]

    /// The plain text, without marks.
    public var text: String { parts.map(\.text).joined() }

    /// An excerpt of at most about `length` characters of `text`, starting a little before the first
    /// match of any of `terms` (folded query terms), at a word's start; `…` where text was cut.
    /// The whole text when it is short enough; its beginning when nothing matches.
    public init(_ text: String, terms: [String], length: Int = 240) {
        let characters = Array(text)
        let matches = Self.matches(of: terms, in: characters)
        var start = 0
        if characters.count > length, let first = matches.first?.lowerBound {
            start = max(0, first - length / 4)
            if start > 0, let space = characters[start..<first].firstIndex(where: \.isWhitespace) { start = space + 1 }
        }
        var end = min(characters.count, start + length)
        if end < characters.count, let space = characters[start..<end].lastIndex(where: \.isWhitespace), space > start + length / 2 { end = space }
        var parts: [Part] = []
        var at = start
        for match in matches where match.upperBound > start && match.lowerBound < end {
            let from = max(match.lowerBound, start), to = min(match.upperBound, end)
            if from > at { parts.append(Part(text: String(characters[at..<from]), match: false)) }
            if to > max(from, at) { parts.append(Part(text: String(characters[max(from, at)..<to]), match: true)) }
            at = max(at, to)
        }
        if end > at { parts.append(Part(text: String(characters[at..<end]), match: false)) }
        if start > 0 { parts.insert(Part(text: "…", match: false), at: 0) }
        if end < characters.count { parts.append(Part(text: "…", match: false)) }
        self.parts = parts
    }

    /// The character ranges of `characters` where one of `terms` is found (in the folded text),
    /// sorted and merged.
    static func matches(of terms: [String], in characters: [Character]) -> [Range<Int>] {
        let mapped = SearchText.mapped(characters)
        let haystack = mapped.folded
        var ranges: [Range<Int>] = []
        for term in terms {
            let needle = Array(term.unicodeScalars)
            guard !needle.isEmpty, needle.count <= haystack.count else { continue }
            var i = 0
            while i + needle.count <= haystack.count {
                if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) {
                    var end = mapped.origin[i + needle.count - 1] + 1
                    // A stem is marked to the end of its word (`zone` in `zones`); Chinese has no words to extend.
                    while end < characters.count, characters[end].isLetter, !Self.isIdeographic(characters[end]) { end += 1 }
                    ranges.append(mapped.origin[i]..<end)
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    static func isIdeographic(_ character: Character) -> Bool {
        guard let v = character.unicodeScalars.first?.value else { return false }
        return SearchText.isIdeographic(v)
    }
}
