/// Finds deadlines: named meetings ("执行问题附属机构第一次会议" -> "SBI-1", "the thirteenth
/// meeting of the Conference of the Parties" -> "COP-13", "该附属机构的第一次会议" -> the body named
/// just before) and dates with a deadline cue ("by 31 December 2016" -> "2016-12-31",
/// "2015 年 5 月之前" -> "2015-05").
enum DecisionDeadlines {
    static func extract(_ c: DecisionAnalysis.Context) -> [String] {
        var out: [String] = []
        func add(_ s: String) { if !out.contains(s) { out.append(s) } }
        meetings(c, add)
        dates(c, add)
        return out
    }

    private static func bodyId(_ roles: [DecisionRole]) -> String? {
        for r in roles { if case .body(let id) = r { return id } }
        return nil
    }

    static func meetings(_ c: DecisionAnalysis.Context, _ add: (String) -> Void) {
        var lastBody: (id: String, end: Int)?
        var lastAnaphorEnd = -100
        for k in c.tokens.indices {
            let t = c.tokens[k]
            let roles = c.roles(k)
            if let id = bodyId(roles) { lastBody = (id, t.end); continue }
            if roles.contains(.anaphor) { lastAnaphorEnd = t.end; continue }
            var number: Int?
            var backwards = false
            for r in roles {
                if case .ordinal(let n) = r { number = n }
                if case .anaphoricOrdinal(let n) = r { number = n; backwards = true }
            }
            guard let n = number else { continue }
            var id: String?
            if let b = lastBody, backwards || t.start - lastAnaphorEnd <= 4 || t.start - b.end <= 2 {
                id = b.id
            }
            if id == nil, k + 1 < c.tokens.count, let next = bodyId(c.roles(k + 1)), c.tokens[k + 1].start - t.end <= 12 {
                id = next
            }
            if id == nil, let b = lastBody, t.start - b.end <= 12 { id = b.id }
            if let id { add("\(id)-\(n)") }
        }
    }

    /// Dates with a cue: year, optional month (name or "N 月") and day.
    static func dates(_ c: DecisionAnalysis.Context, _ add: (String) -> Void) {
        let f = c.folded
        let n = f.count
        // Most paragraphs have no year at all: skip the index arrays for them.
        var hasYear = false
        var run = 0
        for v in f {
            if DecisionScalars.isDigit(v) { run += 1 } else { if run == 4 { hasYear = true; break }; run = 0 }
        }
        guard hasYear || run == 4 else { return }
        // Token index by end and by start position.
        var byEnd = [Int32](repeating: -1, count: n + 1)
        var byStart = [Int32](repeating: -1, count: n + 1)
        for (k, t) in c.tokens.enumerated() { byEnd[t.end] = Int32(k); byStart[t.start] = Int32(k) }
        func role(_ k: Int32, _ test: (DecisionRole) -> Bool) -> Bool { k >= 0 && c.roles(Int(k)).contains(where: test) }
        func month(_ k: Int32) -> Int? {
            guard k >= 0 else { return nil }
            for r in c.roles(Int(k)) { if case .month(let m) = r { return m } }
            return nil
        }
        /// Token ending at or up to `gap` scalars (spaces, "de", "/") before `p`.
        func tokenEnding(before p: Int, gap: Int) -> Int32 {
            var q = p
            while q >= 0, p - q <= gap {
                if byEnd[q] >= 0 { return byEnd[q] }
                q -= 1
            }
            return -1
        }
        func number(endingBefore p: Int, gap: Int) -> (Int, Int)? {
            var q = p - 1
            while q >= 0, p - q <= gap, !DecisionScalars.isDigit(f[q]) { q -= 1 }
            guard q >= 0, DecisionScalars.isDigit(f[q]) else { return nil }
            var v = 0, mul = 1, s = q
            while s >= 0, DecisionScalars.isDigit(f[s]), q - s < 2 { v += Int(f[s] - 0x30) * mul; mul *= 10; s -= 1 }
            if s >= 0, DecisionScalars.isDigit(f[s]) { return nil }
            return (v, s + 1)
        }
        var i = 0
        while i + 4 <= n {
            guard DecisionScalars.isDigit(f[i]), i == 0 || !DecisionScalars.isDigit(f[i - 1]) else { i += 1; continue }
            var j = i
            while j < n, DecisionScalars.isDigit(f[j]) { j += 1 }
            defer { i = j }
            guard j - i == 4, i == 0 || (f[i - 1] != 0x2F && f[i - 1] != 0x2D), j == n || f[j] != 0x2F else { continue }
            let year = (0..<4).reduce(0) { $0 * 10 + Int(f[i + $1] - 0x30) }
            guard (1990...2100).contains(year) else { continue }
            var parts = DecisionDates.Parts(year: year)
            var start = i, end = j
            if c.language == "zh" {
                // 2016 年 12 月 31 日
                var p = j
                func skip() { while p < n, f[p] == 0x20 { p += 1 } }
                func digits() -> Int? {
                    var v = 0, d = 0
                    while p < n, DecisionScalars.isDigit(f[p]), d < 2 { v = v * 10 + Int(f[p] - 0x30); p += 1; d += 1 }
                    return d > 0 ? v : nil
                }
                skip()
                if p < n, f[p] == 0x5E74 {
                    p += 1; skip(); end = p
                    let save = p
                    if let m = digits() { skip(); if p < n, f[p] == 0x6708 { p += 1; parts.month = m; end = p } else { p = save } }
                    if parts.month != nil {
                        skip()
                        let save2 = p
                        if let d = digits() { skip(); if p < n, f[p] == 0x65E5 { p += 1; parts.day = d; end = p } else { p = save2 } }
                    }
                }
            } else {
                var mk = tokenEnding(before: i - 1, gap: 5)
                if let m = month(mk) {
                    parts.month = m
                    start = c.tokens[Int(mk)].start
                    // "كانون الأول/ديسمبر": a second name for the same month just before.
                    let prev = tokenEnding(before: start - 1, gap: 1)
                    if month(prev) != nil { mk = prev; start = c.tokens[Int(prev)].start }
                    if let (d, ds) = number(endingBefore: start, gap: 5), (1...31).contains(d) {
                        parts.day = d
                        start = ds
                    }
                }
            }
            guard DecisionDates.isPlausible(year: parts.year, month: parts.month, day: parts.day) else { continue }
            let before = tokenEnding(before: start - 1, gap: 4)
            var cued = role(before) { $0 == .dateCueBefore }
            if !cued {
                var p = end
                while p < n, p - end < 2, byStart[p] < 0 { p += 1 }
                if p < n { cued = role(byStart[p]) { $0 == .dateCueAfter } }
            }
            if cued { add(parts.iso) }
        }
    }
}
