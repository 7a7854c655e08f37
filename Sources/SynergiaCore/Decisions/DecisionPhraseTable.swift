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

/// A compiled table of phrases (already folded) and a greedy longest-match tokenizer.
/// Phrases may contain `*`, which matches 0 to 4 letters (used for inflected endings:
/// "исполнительн* секретар*").
///
/// Index: a phrase whose first three scalars are literal (no `*`) is found through an
/// open-addressing hash of those three scalars, so at a word only the phrases sharing its
/// first three scalars are tried (most Arabic phrases share their first two, "ال"). Shorter
/// phrases, and phrases with a `*` in their first three scalars, are found by first scalar
/// alone and are also copied into every three-scalar list of that first scalar. Every list
/// keeps the order of the first-scalar bucket (longest pattern first), so the first phrase
/// that matches, the one returned, is the same as with a scan of the whole bucket.
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
    /// Entry indexes, in lists; each list is in bucket order (longest pattern first).
    private var lists: [Int32] = []
    /// For each BMP scalar, the list (range of `lists`) of the entries starting with it that
    /// have no three-scalar key; used when the text's first three scalars have no list.
    private var shortStart: [Int32] = []
    private var shortCount: [Int32] = []
    /// Whether any entry starts with this BMP scalar.
    private var anyEntry: [Bool] = []
    /// Open-addressing hash table (linear probing, power-of-two size) from a three-scalar key
    /// to its list: the entries with that key plus the keyless entries of the same first scalar.
    private var slotKey: [UInt64] = []
    private var slotStart: [Int32] = []
    private var slotCount: [Int32] = []
    private var slotShift: UInt64 = 63
    private static let emptySlot = UInt64.max

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

    /// Key of three scalars (first < 0x10000, the others < 0x200000): never `emptySlot`.
    @inline(__always)
    private static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c)
    }

    /// The three-scalar key of a pattern, or nil if it is shorter or has a `*` among them.
    private static func key(of p: [UInt32]) -> UInt64? {
        guard p.count >= 3, p[1] != star, p[2] != star else { return nil }
        return key(p[0], p[1], p[2])
    }

    @inline(__always)
    private func slot(_ k: UInt64) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> slotShift)
    }

    private mutating func compile() {
        var buckets: [Int: [Int]] = [:]
        for (i, p) in patterns.enumerated() {
            flatStart.append(Int32(flat.count))
            flat.append(contentsOf: p)
            flatEnd.append(Int32(flat.count))
            let last = p[p.count - 1]
            needsWordEnd.append(last == Self.star || DecisionScalars.isWordLetter(last) || DecisionScalars.isDigit(last))
            buckets[Int(p[0]), default: []].append(i)
        }
        shortStart = [Int32](repeating: 0, count: 0x10000)
        shortCount = [Int32](repeating: 0, count: 0x10000)
        anyEntry = [Bool](repeating: false, count: 0x10000)
        let patterns = self.patterns
        var keyed: [(key: UInt64, start: Int32, count: Int32)] = []
        for (first, list) in buckets.sorted(by: { $0.key < $1.key }) {
            let bucket = list.sorted { patterns[$0].count > patterns[$1].count }
            let keys = bucket.map { Self.key(of: patterns[$0]) }
            anyEntry[first] = true
            shortStart[first] = Int32(lists.count)
            for (j, e) in bucket.enumerated() where keys[j] == nil { lists.append(Int32(e)) }
            shortCount[first] = Int32(lists.count) - shortStart[first]
            var seen = Set<UInt64>()
            for case let k? in keys where seen.insert(k).inserted {
                let start = Int32(lists.count)
                for (j, e) in bucket.enumerated() where keys[j] == nil || keys[j] == k { lists.append(Int32(e)) }
                keyed.append((k, start, Int32(lists.count) - start))
            }
        }
        // At most half full, so a probe soon reaches an empty slot.
        var bits: UInt64 = 1
        while 1 << bits < 2 * keyed.count { bits += 1 }
        let size = 1 << Int(bits)
        slotShift = 64 - bits
        slotKey = [UInt64](repeating: Self.emptySlot, count: size)
        slotStart = [Int32](repeating: 0, count: size)
        slotCount = [Int32](repeating: 0, count: size)
        for (k, start, count) in keyed {
            var s = slot(k)
            while slotKey[s] != Self.emptySlot { s = (s + 1) & (size - 1) }
            slotKey[s] = k
            slotStart[s] = start
            slotCount[s] = count
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
        guard v < 0x10000, anyEntry[Int(v)] else { return nil }
        if i > 0, DecisionScalars.isWordLetter(v), DecisionScalars.isWordLetter(t[i - 1]) { return nil }
        var start = Int(shortStart[Int(v)]), count = Int(shortCount[Int(v)])
        if i + 2 < t.count, t[i + 1] | t[i + 2] < 0x20_0000 {
            let k = Self.key(v, t[i + 1], t[i + 2])
            var s = slot(k)
            while slotKey[s] != Self.emptySlot {
                if slotKey[s] == k { start = Int(slotStart[s]); count = Int(slotCount[s]); break }
                s = (s + 1) & (slotKey.count - 1)
            }
        }
        return flat.withUnsafeBufferPointer { fb in
            for b in start..<(start + count) {
                let e = Int(lists[b])
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
    /// Linear in the text length times the (small, bounded) number of phrases sharing the first
    /// three scalars of a word.
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
