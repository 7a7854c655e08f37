/// What a phrase found in the text means to the parser. One phrase may carry several roles
/// (English "and" is both a conjunction before a verb and a filler between addressees).
enum DecisionRole: Sendable, Equatable {
    /// An action verb, normalized ("requests").
    case verb(String)
    /// An action verb with its conjunction attached (Arabic "ويطلب"): it may start a clause anywhere.
    case conjoinedVerb(String)
    /// Opens a preambular paragraph without being an action ("Without prejudice", "在不损害").
    case opener
    /// Someone a paragraph can address; several ids for phrases like "the United Nations and other organizations".
    case addressee([String])
    /// Words allowed between addressees ("the", "members of", "les", "各").
    case filler
    /// Clause-joining word before a verb ("and", "并", "et").
    case conjunction
    /// A condition on the availability of resources.
    case resources
    /// A meeting body ("COP", "SBI", "SBSTTA").
    case body(String)
    /// An ordinal meeting ("first meeting", "第一次会议").
    case ordinal(Int)
    /// An ordinal meeting that refers back to the last body named ("اجتماعه الأول").
    case anaphoricOrdinal(Int)
    /// A word that refers back to the last body named ("its", "该附属机构").
    case anaphor
    /// A month name (1-12).
    case month(Int)
    /// "by", "before", "до": a date after it is a deadline.
    case dateCueBefore
    /// "之前", "前": a date before it is a deadline.
    case dateCueAfter
    /// "decision", "décision", "решения": a number like X/20 after it is a decision.
    case decisionWord
    /// "号决定": a number like X/20 before it is a decision.
    case decisionWordAfter
    /// "resolution", "号决议".
    case resolutionWord
    /// "The Conference of the Parties," opening the preamble.
    case chapeau
    /// "Decision adopted by the Conference of the Parties" header line.
    case decisionAdopted
    /// "Agenda item".
    case agenda
    /// Known header lines with nothing to keep ("Distr.: General", "Original: English").
    case headNoise
    /// "Page", "Página", "Стр.", "الصفحة" in page headers and footers.
    case pageWord
    /// A verb only at the start of a paragraph ("通过" is also "through").
    case leadingVerb(String)
    /// A word that only blocks shorter matches inside it ("请求" is a noun, not "请").
    case plain
}

/// One phrase found in a folded text.
struct DecisionToken: Sendable {
    var start: Int
    var end: Int
    var entry: Int32
}

/// A compiled table of phrases (already folded) with an O(1) index by first scalar, and a
/// greedy longest-match tokenizer. Phrases may contain `*`, which matches 0 to 4 letters
/// (used for inflected endings: "исполнительн* секретар*").
struct DecisionPhraseTable: Sendable {
    static let star: UInt32 = 0xFFFF_FFFF

    private(set) var patterns: [[UInt32]] = []
    private(set) var roles: [[DecisionRole]] = []
    private var byPattern: [[UInt32]: Int] = [:]
    // Flat, compiled form used by the tokenizer (no nested arrays: no retain/release in the hot loop).
    /// All patterns, one after the other.
    private var flat: [UInt32] = []
    /// Start and end of each entry's pattern in `flat`.
    private var flatStart: [Int32] = []
    private var flatEnd: [Int32] = []
    private var needsWordEnd: [Bool] = []
    /// For each BMP scalar, the range of `bucketEntries` holding the entries starting with it.
    private var firstStart: [Int32] = []
    private var firstCount: [Int32] = []
    /// Entry indexes grouped by first scalar, longest first.
    private var bucketEntries: [Int32] = []

    init(_ entries: [(String, DecisionRole)]) {
        for (phrase, role) in entries { add(phrase, role) }
        compile()
    }

    private mutating func add(_ phrase: String, _ role: DecisionRole) {
        var p: [UInt32] = []
        for v in DecisionScalars.fold(phrase) { p.append(v == 0x2A ? Self.star : v) }
        guard let first = p.first, first != Self.star, first < 0x10000 else { return }
        if let i = byPattern[p] {
            if !roles[i].contains(role) { roles[i].append(role) }
            return
        }
        byPattern[p] = patterns.count
        patterns.append(p)
        roles.append([role])
    }

    private mutating func compile() {
        var lists: [Int: [Int]] = [:]
        for (i, p) in patterns.enumerated() {
            flatStart.append(Int32(flat.count))
            flat.append(contentsOf: p)
            flatEnd.append(Int32(flat.count))
            let last = p[p.count - 1]
            needsWordEnd.append(last == Self.star || DecisionScalars.isWordLetter(last) || DecisionScalars.isDigit(last))
            lists[Int(p[0]), default: []].append(i)
        }
        firstStart = [Int32](repeating: 0, count: 0x10000)
        firstCount = [Int32](repeating: 0, count: 0x10000)
        let patterns = self.patterns
        for (first, list) in lists.sorted(by: { $0.key < $1.key }) {
            firstStart[first] = Int32(bucketEntries.count)
            firstCount[first] = Int32(list.count)
            bucketEntries.append(contentsOf: list.sorted { patterns[$0].count > patterns[$1].count }.map { Int32($0) })
        }
        byPattern = [:]
    }

    /// End of the longest phrase starting exactly at `i`, with its entry index.
    func match(_ t: [UInt32], at i: Int) -> (end: Int, entry: Int)? {
        t.withUnsafeBufferPointer { tb in match(tb, at: i) }
    }

    @inline(__always)
    private func match(_ t: UnsafeBufferPointer<UInt32>, at i: Int) -> (end: Int, entry: Int)? {
        guard i < t.count else { return nil }
        let v = t[i]
        guard v < 0x10000 else { return nil }
        let count = Int(firstCount[Int(v)])
        guard count > 0 else { return nil }
        if i > 0, DecisionScalars.isWordLetter(v), DecisionScalars.isWordLetter(t[i - 1]) { return nil }
        return flat.withUnsafeBufferPointer { fb in
            let start = Int(firstStart[Int(v)])
            for b in start..<(start + count) {
                let e = Int(bucketEntries[b])
                if let end = matchPattern(fb, Int(flatStart[e]) + 1, Int(flatEnd[e]), t, i + 1) {
                    if needsWordEnd[e], end < t.count,
                       DecisionScalars.isWordLetter(t[end]) || DecisionScalars.isDigit(t[end]) { continue }
                    return (end, e)
                }
            }
            return nil
        }
    }

    /// Matches pattern scalars p[pi..<pe] against the text from `ti`; returns the end in the text.
    private func matchPattern(_ p: UnsafeBufferPointer<UInt32>, _ pStart: Int, _ pe: Int,
                              _ t: UnsafeBufferPointer<UInt32>, _ tStart: Int) -> Int? {
        var pi = pStart, ti = tStart
        while pi < pe {
            let c = p[pi]
            if c == Self.star {
                var k = 0
                while k < 4, ti + k < t.count, DecisionScalars.isWordLetter(t[ti + k]) { k += 1 }
                while k >= 0 {
                    if let end = matchPattern(p, pi + 1, pe, t, ti + k) { return end }
                    k -= 1
                }
                return nil
            }
            guard ti < t.count, t[ti] == c else { return nil }
            pi += 1
            ti += 1
        }
        return ti
    }

    /// Greedy, non-overlapping, left-to-right longest-match tokenization of a folded text.
    /// Linear in the text length times the (small, bounded) number of phrases sharing a first scalar.
    func tokenize(_ t: [UInt32]) -> [DecisionToken] {
        var out: [DecisionToken] = []
        t.withUnsafeBufferPointer { tb in
            var i = 0
            let n = tb.count
            while i < n {
                if let m = match(tb, at: i) {
                    out.append(DecisionToken(start: i, end: m.end, entry: Int32(m.entry)))
                    i = max(m.end, i + 1)
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    func roles(of token: DecisionToken) -> [DecisionRole] { roles[Int(token.entry)] }
}
