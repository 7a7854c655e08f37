/// Finds the actions of a text: verbs from `DecisionVerbs` that open the text or a clause
/// (after ",", ";", "and", "并"...), each with the addressees that directly follow it when the
/// verb asks someone to act (`DecisionVerbs.directive`).
enum DecisionActions {
    /// Punctuation after which a verb opens a clause.
    static func isClauseBreak(_ v: UInt32) -> Bool {
        switch v {
        case 0x2C, 0x3B, 0x3A, 0x2E, 0xFF0C, 0xFF1B, 0xFF1A, 0x3002, 0x060C, 0x061B, 0x28, 0x29, 0xFF08, 0xFF09: return true
        default: return false
        }
    }

    /// Scalars that may separate addressees ("Parties, other Governments", "缔约方、其他国家政府").
    static func isAddresseeGap(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x2C, 0xFF0C, 0x3001, 0x300A, 0x300B, 0x22, 0x27, 0x201C, 0x201D, 0x060C: return true
        default: return false
        }
    }

    static func extract(_ c: DecisionAnalysis.Context) -> [DecisionAction] {
        var actions: [DecisionAction] = []
        var k = 0
        let tokens = c.tokens
        while k < tokens.count {
            let t = tokens[k]
            let roles = c.roles(k)
            var verbs: [String] = []
            var anywhere = false
            var leadingOnly = false
            for r in roles {
                switch r {
                case .verb(let v): verbs.append(v)
                case .conjoinedVerb(let v): verbs.append(v); anywhere = true
                case .leadingVerb(let v): verbs.append(v); leadingOnly = true
                default: break
                }
            }
            guard !verbs.isEmpty else { k += 1; continue }
            let atStart = t.start == 0
            let accepted: Bool
            if atStart { accepted = true }
            else if leadingOnly { accepted = false }
            else if anywhere { accepted = true }
            else { accepted = opensClause(c, k) }
            guard accepted else { k += 1; continue }
            for (n, verb) in verbs.enumerated() {
                var action = DecisionAction(verb: verb)
                if verb == "further-requests", actions.isEmpty { action.verb = "requests" }
                if n == verbs.count - 1, DecisionVerbs.directive.contains(action.verb) {
                    action.addressees = addressees(c, after: k)
                }
                actions.append(action)
            }
            k += 1
        }
        return actions
    }

    /// A verb opens a clause when it follows clause punctuation, a conjunction, or another verb.
    static func opensClause(_ c: DecisionAnalysis.Context, _ k: Int) -> Bool {
        var p = c.tokens[k].start - 1
        while p >= 0, c.folded[p] == 0x20 { p -= 1 }
        if p < 0 { return true }
        if isClauseBreak(c.folded[p]) { return true }
        guard k > 0, c.tokens[k - 1].end == p + 1 else { return false }
        for r in c.roles(k - 1) {
            switch r {
            case .conjunction, .verb, .conjoinedVerb, .leadingVerb: return true
            default: continue
            }
        }
        return false
    }

    /// Ids of the addressees right after token `k`, separated only by fillers, "and" and commas.
    static func addressees(_ c: DecisionAnalysis.Context, after k: Int) -> [String] {
        var ids: [String] = []
        var pos = c.tokens[k].end
        var j = k + 1
        scan: while j < c.tokens.count {
            let t = c.tokens[j]
            var p = pos
            while p < t.start {
                guard isAddresseeGap(c.folded[p]) else { break scan }
                p += 1
            }
            var isLink = false
            var found: [String]?
            for r in c.roles(j) {
                switch r {
                case .addressee(let a): found = a
                case .filler, .conjunction: isLink = true
                default: continue
                }
            }
            if let found {
                for id in found where !ids.contains(id) { ids.append(id) }
            } else if !isLink {
                break
            }
            pos = t.end
            j += 1
        }
        return ids
    }
}
