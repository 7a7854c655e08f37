/// Detects the language of a decision from its script and, for Latin-script texts, from
/// counts of frequent function words.
enum DecisionLanguage {
    /// Function words that tell English, French and Spanish apart.
    static let stopwords: [String: Set<String>] = [
        "en": ["the", "and", "of", "with", "its", "to", "for", "on", "that"],
        "fr": ["les", "des", "et", "du", "aux", "une", "sur", "pour", "dans", "est"],
        "es": ["los", "las", "del", "y", "el", "para", "con", "por", "sobre", "una"],
    ]

    /// Looks at the first 200 000 scalars at most.
    static func detect(_ scalars: [Unicode.Scalar]) -> String {
        var han = 0, arabic = 0, cyrillic = 0, latin = 0
        let limit = min(scalars.count, 200_000)
        var word: [UInt32] = []
        var scores: [String: Int] = ["en": 0, "fr": 0, "es": 0]
        let words = stopwords.mapValues { Set($0.map { DecisionScalars.fold($0) }) }
        func flush() {
            if !word.isEmpty, word.count <= 4 {
                for (l, set) in words where set.contains(word) { scores[l, default: 0] += 1 }
            }
            word.removeAll(keepingCapacity: true)
        }
        for i in 0..<limit {
            let v = scalars[i].value
            if DecisionScalars.isHan(v) { han += 1 }
            else if DecisionScalars.isArabic(v) { arabic += 1 }
            else if DecisionScalars.isCyrillic(v) { cyrillic += 1 }
            if DecisionScalars.isLatinLetter(v) {
                latin += 1
                word.append(DecisionScalars.lower(v))
            } else {
                flush()
            }
        }
        flush()
        // Han characters carry a word each; weigh them against letters of alphabetic scripts.
        let best = [("zh", han * 3), ("ar", arabic), ("ru", cyrillic), ("latin", latin)].max { $0.1 < $1.1 }!
        if best.1 == 0 { return "en" }
        if best.0 != "latin" { return best.0 }
        let en = scores["en"]!, fr = scores["fr"]!, es = scores["es"]!
        if fr > en && fr >= es { return "fr" }
        if es > en && es > fr { return "es" }
        return "en"
    }
}
