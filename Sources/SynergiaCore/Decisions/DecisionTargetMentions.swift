/// Finds the global targets a decision's paragraph names ("Aichi Biodiversity Target 9",
/// "爱知生物多样性指标 9", "Target 3 of the Kunming-Montreal Global Biodiversity Framework"), so the
/// tracker can link a paragraph and its action items to the targets in Synergia's frameworks.
public enum DecisionTargetMentions {
    /// A target named in the text: the framework code of `frameworks.json` and the target number.
    public struct Mention: Sendable, Equatable, Hashable, Codable {
        public var framework: String
        public var code: String
        public init(framework: String, code: String) {
            self.framework = framework
            self.code = code
        }
    }

    /// Phrases that introduce target numbers, per framework, in the six languages.
    static let phrases: [(framework: String, phrase: String)] = [
        ("SP2011", "Aichi Biodiversity Targets"), ("SP2011", "Aichi Biodiversity Target"), ("SP2011", "Aichi Target"),
        ("SP2011", "爱知生物多样性指标"), ("SP2011", "爱知生物多样性目标"), ("SP2011", "爱知目标"),
        ("SP2011", "objectifs d'Aichi relatifs à la diversité biologique"), ("SP2011", "objectif d'Aichi relatif à la diversité biologique"),
        ("SP2011", "Metas de Aichi para la Diversidad Biológica"), ("SP2011", "Meta de Aichi para la Diversidad Biológica"),
        ("SP2011", "целевых задач по сохранению и устойчивому использованию биоразнообразия, принятых в Айти,"),
        ("SP2011", "Айтинской целевой задачи"), ("SP2011", "Айтинских целевых задач"),
        ("SP2011", "هدف أيشي للتنوع البيولوجي"), ("SP2011", "أهداف أيشي للتنوع البيولوجي"),
        ("KMGBF", "Global Biodiversity Framework target"), ("KMGBF", "Global Biodiversity Framework Target"),
        ("KMGBF", "全球生物多样性框架具体目标"),
    ]

    /// Every target mentioned in `text`, in order of first mention, each once.
    public static func find(in text: String) -> [Mention] {
        var found: [Mention] = []
        for (framework, phrase) in phrases {
            var searchRange = text.startIndex..<text.endIndex
            while let range = text.range(of: phrase, options: [.caseInsensitive], range: searchRange) {
                for number in numbers(after: text[range.upperBound...]) {
                    let mention = Mention(framework: framework, code: number)
                    if !found.contains(mention) { found.append(mention) }
                }
                searchRange = range.upperBound..<text.endIndex
            }
        }
        return found
    }

    /// The numbers right after a phrase: "9", "5, 7 and 15", "5、7 和 15". Stops at the first word
    /// that is not a number or a connective; only 1–23 count (the largest framework has 23 targets).
    static func numbers(after text: Substring) -> [String] {
        let connectives: Set<String> = [",", "、", "和", "及", "and", "et", "y", "и", "و", "or", "ou", "o", "или"]
        var numbers: [String] = []
        var token = ""
        var tokens: [String] = []
        for character in text.prefix(40) {
            if character.isNumber && character.isASCII {
                token.append(character)
            } else {
                if !token.isEmpty { tokens.append(token); token = "" }
                if character == "," || character == "、" { tokens.append(String(character)) }
                else if character.isLetter { token = ""; tokens.append(String(character)) }
                else if character == " " { tokens.append(" ") }
                else { break }
            }
        }
        if !token.isEmpty { tokens.append(token) }
        // Re-join letters into words.
        var words: [String] = []
        var word = ""
        for piece in tokens {
            if piece.count == 1, let c = piece.first, c.isLetter, !c.isNumber { word.append(c); continue }
            if !word.isEmpty { words.append(word); word = "" }
            if piece != " " { words.append(piece) }
        }
        if !word.isEmpty { words.append(word) }
        for word in words {
            if let value = Int(word) {
                guard (1...23).contains(value) else { break }
                numbers.append(String(value))
            } else if !connectives.contains(word.lowercased()) {
                break
            }
        }
        return numbers
    }
}
