/// Joins the lines of one paragraph back into running text: no space between Chinese
/// characters (or around CJK punctuation), hyphenation undone ("coope-" + "ration" ->
/// "cooperation", "сотруд-" + "ничество" -> "сотрудничество"), real hyphens kept before
/// capitals and digits ("Sharm El-" + "Sheikh", "2011-" + "2020") and after prefixes that keep them.
struct DecisionLineJoiner {
    /// Prefixes whose hyphen is part of the word ("non-governmental", "science-policy").
    static let keptHyphenPrefixes: Set<String> = [
        "non", "self", "cross", "well", "long", "science", "socio", "biodiversity", "gender", "capacity",
        "small", "large", "medium", "decision", "country", "community", "nature", "ecosystem", "quasi", "anti",
        "semi", "mid", "web", "policy", "rights", "area", "knowledge", "evidence", "sector", "cost", "climate",
    ]

    private(set) var scalars: [Unicode.Scalar] = []

    var isEmpty: Bool { scalars.isEmpty }

    /// Appends a trimmed line (already without its footnote markers).
    mutating func append<C: Collection>(_ line: C) where C.Element == Unicode.Scalar {
        guard let first = line.first else { return }
        guard let last = scalars.last else {
            scalars.append(contentsOf: line)
            return
        }
        let l = last.value, f = first.value
        if l == 0x2D || l == 0xAD || l == 0x2010 {
            let beforeHyphen = scalars.count >= 2 ? scalars[scalars.count - 2].value : 0
            if DecisionScalars.isWordLetter(beforeHyphen), DecisionScalars.isWordLetter(f) {
                if isLowercase(f), !keepsHyphen() {
                    scalars.removeLast()           // hyphenation: join the two halves
                }
                scalars.append(contentsOf: line)
                return
            }
            if DecisionScalars.isDigit(beforeHyphen) || DecisionScalars.isDigit(f) {
                scalars.append(contentsOf: line)   // "2011-" + "2020"
                return
            }
        }
        if DecisionScalars.isCJK(l) || DecisionScalars.isCJK(f) {
            scalars.append(contentsOf: line)
            return
        }
        scalars.append(" ")
        scalars.append(contentsOf: line)
    }

    private func isLowercase(_ v: UInt32) -> Bool {
        if DecisionScalars.isLowerLatin(v) { return true }
        if v >= 0x430 && v <= 0x45F { return true }
        return false
    }

    /// Whether the word before the final hyphen is a prefix that keeps its hyphen.
    private func keepsHyphen() -> Bool {
        var i = scalars.count - 2
        var word: [UInt32] = []
        while i >= 0, DecisionScalars.isWordLetter(scalars[i].value), word.count < 16 {
            word.append(DecisionScalars.lower(scalars[i].value))
            i -= 1
        }
        guard word.count < 16 else { return false }
        return Self.keptHyphenPrefixes.contains(DecisionScalars.string(values: word.reversed()))
    }

    var string: String { DecisionScalars.string(scalars) }
}
