/// Finds references: documents verbatim ("UNEP/CBD/COP/12/24"), decisions normalized as
/// "decision X/20" (from "第 X/20 号决定", "decision X/20", "décision X/20", "решения X/20";
/// "المقرر 10/20" gives "decision X/20" too: sessions 1-12 are written in roman numerals),
/// and resolutions: General Assembly ones as "A/RES/66/288" ("大会第 66/288 号决议"; session 31
/// or later, the numbering of slash symbols), UN Environment Assembly ones as "UNEP/EA.1/Res.12"
/// (sessions 1-10), others as "resolution x/y".
enum DecisionReferences {
    static func isSymbolScalar(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x2F || v == 0x2E || v == 0x2D
    }

    /// UN document symbols: one token of ASCII letters, digits, ".", "-" with two "/" or more,
    /// starting with an upper-case code ("UNEP/CBD/COP/12/INF/48", "EMG/1320/GEN"). Not URLs.
    static func documents(_ s: [Unicode.Scalar]) -> [String] {
        var out: [String] = []
        guard s.contains(where: { $0.value == 0x2F }) else { return out }
        var i = 0
        let n = s.count
        while i < n {
            guard s[i].value == 0x2F else { i += 1; continue }
            var lo = i, hi = i
            while lo > 0, isSymbolScalar(s[lo - 1].value) { lo -= 1 }
            while hi < n, isSymbolScalar(s[hi].value) { hi += 1 }
            let next = hi + 1
            defer { i = next }
            while hi > lo, s[hi - 1].value == 0x2E || s[hi - 1].value == 0x2D || s[hi - 1].value == 0x2F { hi -= 1 }
            guard hi > lo, DecisionScalars.isUpperASCII(s[lo].value) else { continue }
            if lo > 0, s[lo - 1].value == 0x3A { continue } // "http://"
            var slashes = 0
            var firstSegmentUpper = true
            var inFirst = true
            for k in lo..<hi {
                let v = s[k].value
                if v == 0x2F { slashes += 1; inFirst = false; continue }
                if inFirst, !DecisionScalars.isUpperASCII(v) { firstSegmentUpper = false }
            }
            guard slashes >= 2, firstSegmentUpper, hi - lo <= 60 else { continue }
            out.append(DecisionScalars.string(s[lo..<hi]))
        }
        return out
    }

    static func isRoman(_ v: UInt32) -> Bool { v == 0x69 || v == 0x76 || v == 0x78 || v == 0x6C || v == 0x63 }

    /// Decisions and resolutions: "X/20" or "14/30" with a decision or resolution word nearby.
    static func decisionsAndResolutions(_ c: DecisionAnalysis.Context) -> [String] {
        let f = c.folded
        let n = f.count
        var out: [String] = []
        guard f.contains(0x2F) else { return out }
        var kindAt = [UInt8](repeating: 0, count: n + 1)   // 1 decision word ends here, 2 resolution word ends, 3 decision-after starts, 4 resolution-after starts
        for (k, t) in c.tokens.enumerated() {
            for r in c.roles(k) {
                switch r {
                case .decisionWord: kindAt[t.end] = 1
                case .decisionWordAfter: kindAt[t.start] = 3
                case .resolutionWord:
                    // "号决议" follows the number; "resolution" precedes it.
                    if c.language == "zh" { kindAt[t.start] = 4 } else { kindAt[t.end] = 2 }
                default: continue
                }
            }
        }
        var lastDecisionEnd = -100
        var i = 0
        while i < n {
            guard f[i] == 0x2F else { i += 1; continue }
            var lo = i, hi = i + 1
            while lo > 0, (DecisionScalars.isDigit(f[lo - 1]) || isRoman(f[lo - 1])), i - lo < 6 { lo -= 1 }
            while hi < n, DecisionScalars.isDigit(f[hi]), hi - i <= 3 { hi += 1 }
            defer { i = hi }
            guard lo < i, hi > i + 1 else { continue }
            // Part of a longer symbol ("cop/12/24") or a word ("and/or")?
            if lo > 0, isSymbolScalar(f[lo - 1]) || DecisionScalars.isWordLetter(f[lo - 1]) { continue }
            if hi < n, isSymbolScalar(f[hi]), !(f[hi] == 0x2E && (hi + 1 == n || !isSymbolScalar(f[hi + 1]))) { continue }
            let left = f[lo..<i]
            let leftDigits = left.allSatisfy { DecisionScalars.isDigit($0) }
            let leftRoman = left.allSatisfy(isRoman)
            guard leftDigits || leftRoman else { continue }
            let right = DecisionScalars.string(values: Array(f[(i + 1)..<hi]))
            let leftText = DecisionScalars.string(values: Array(left))
            // Nearest word before (within 30) or right after (within 3).
            var kind: UInt8 = 0
            var q = lo
            while q >= 0, lo - q <= 30 {
                if kindAt[q] == 1 || kindAt[q] == 2 { kind = kindAt[q]; break }
                q -= 1
            }
            var p = hi
            while p <= n, p - hi <= 3 {
                if kindAt[p] == 3 || kindAt[p] == 4 { kind = kindAt[p]; break }
                p += 1
            }
            if kind == 0, leftRoman || lo - lastDecisionEnd <= 12 { kind = 1 }
            switch kind {
            case 1, 3:
                out.append("decision \(decisionSession(leftText))/\(right)")
                lastDecisionEnd = hi
            case 2, 4:
                if leftDigits, let session = Int(leftText) {
                    if session >= 31 { out.append("A/RES/\(leftText)/\(right)") }
                    else if session <= 10 { out.append("UNEP/EA.\(leftText)/Res.\(right)") }
                    else { out.append("resolution \(leftText)/\(right)") }
                }
            default:
                continue
            }
        }
        return out
    }

    /// Sessions 1-12 of the COP numbered their decisions in roman numerals: "10/36" (as the
    /// Arabic text writes it) is decision X/36.
    static func decisionSession(_ left: String) -> String {
        if let n = Int(left), (1...12).contains(n), let roman = DecisionLineLabels.romanNumeral(n) { return roman.uppercased() }
        return left.uppercased()
    }

    static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}
