/// Reads the header lines before the decision's title: the body ("Conference of the Parties
/// to the Convention on Biological Diversity"), the session ("Twelfth meeting", "第十二届会议"),
/// place and dates, the agenda item, and the title line itself ("XII/6. Cooperation...").
struct DecisionHeader {
    enum Outcome {
        /// The line gave a value.
        case kept
        /// A known header line with nothing to keep.
        case noise
        /// A header line the parser does not understand.
        case unplaced
    }

    var documentSymbol: String?
    var symbol: String?
    var title: String?
    var agendaItem: String?
    var body: String?
    var bodyName: String?
    var session: Int?
    var place: String?
    var dates: String?
    var startDate: String?
    var endDate: String?
    private var lastWasBody = false

    let language: String
    let table: DecisionPhraseTable

    init(language: String) {
        self.language = language
        table = DecisionLexicon.table(language)
    }

    /// "XII/6. Title", "14/30 - Title": the decision number and where the title starts.
    static func titleLine(_ s: [Unicode.Scalar], _ r: Range<Int>) -> (symbol: String, textStart: Int)? {
        var i = r.lowerBound
        let start = i
        while i < r.upperBound, i - start < 6 {
            let v = s[i].value
            guard v == 0x49 || v == 0x56 || v == 0x58 || v == 0x4C || DecisionScalars.isDigit(v) else { break }
            i += 1
        }
        guard i > start, i < r.upperBound, s[i].value == 0x2F else { return nil }
        let left = s[start..<i]
        let roman = left.allSatisfy { !DecisionScalars.isDigit($0.value) }
        let digits = left.allSatisfy { DecisionScalars.isDigit($0.value) }
        guard roman || (digits && left.count <= 2) else { return nil }
        i += 1
        let rightStart = i
        while i < r.upperBound, DecisionScalars.isDigit(s[i].value), i - rightStart < 3 { i += 1 }
        guard i > rightStart, i < r.upperBound else { return nil }
        let symbolEnd = i
        let p = s[i].value
        if p == 0x2E || p == 0xFF0E || p == 0x3A {
            i += 1
        } else {
            while i < r.upperBound, DecisionScalars.isSpace(s[i].value) { i += 1 }
            guard i < r.upperBound, [0x2D, 0x2013, 0x2014].contains(s[i].value) else { return nil }
            i += 1
        }
        while i < r.upperBound, DecisionScalars.isSpace(s[i].value) { i += 1 }
        guard i < r.upperBound, !DecisionScalars.isDigit(s[i].value) else { return nil }
        return (DecisionScalars.string(s[start..<symbolEnd]), i)
    }

    mutating func read(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Outcome {
        let folded = DecisionScalars.fold(s[r])
        let tokens = table.tokenize(folded)
        let wasBody = lastWasBody
        lastWasBody = false
        func has(_ test: (DecisionRole) -> Bool) -> Bool {
            tokens.contains { t in table.roles(of: t).contains(where: test) }
        }
        let firstRoles = tokens.first.map { $0.start == 0 ? table.roles(of: $0) : [] } ?? []
        if has({ $0 == .decisionAdopted }) { return .noise }
        if has({ $0 == .agenda }), let number = firstNumber(s, r) {
            agendaItem = agendaItem ?? number
            return .kept
        }
        if folded.count <= 48 {
            for t in tokens {
                for role in table.roles(of: t) {
                    if case .ordinal(let n) = role, session == nil { session = n; return .kept }
                }
            }
        }
        if let year = yearPosition(folded), hasMonth(folded, tokens) {
            _ = year
            return readDates(s, r) ? .kept : .noise
        }
        for role in firstRoles {
            if case .body(let id) = role {
                if bodyName == nil {
                    body = id
                    bodyName = DecisionScalars.string(s[r])
                    lastWasBody = true
                    return .kept
                }
            }
        }
        if firstRoles.contains(.headNoise) {
            if wasBody, let name = bodyName, tokens.first?.end ?? 0 >= folded.count - 1 {
                // "CONFERENCE OF THE PARTIES TO THE" + "CONVENTION ON BIOLOGICAL DIVERSITY"
                let line = DecisionScalars.string(s[r])
                if line.count > 12 { bodyName = name + " " + line; return .kept }
            }
            return .noise
        }
        return .unplaced
    }

    private func firstNumber(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String? {
        var i = r.lowerBound
        while i < r.upperBound, DecisionLineLabels.digitValue(s[i].value) == nil { i += 1 }
        guard i < r.upperBound else { return nil }
        var out = ""
        while i < r.upperBound, let d = DecisionLineLabels.digitValue(s[i].value), out.count < 4 { out += String(d); i += 1 }
        return out
    }

    private func yearPosition(_ f: [UInt32]) -> Int? {
        var i = 0
        while i + 4 <= f.count {
            if (i == 0 || !DecisionScalars.isDigit(f[i - 1])), (0..<4).allSatisfy({ DecisionScalars.isDigit(f[i + $0]) }),
               i + 4 == f.count || !DecisionScalars.isDigit(f[i + 4]) { return i }
            i += 1
        }
        return nil
    }

    private func hasMonth(_ f: [UInt32], _ tokens: [DecisionToken]) -> Bool {
        if f.contains(0x6708) { return true } // 月
        return tokens.contains { t in table.roles(of: t).contains { if case .month = $0 { return true }; return false } }
    }

    /// "Sharm El-Sheikh, Egypt, 17-29 November 2018" or "2014年10月6日至17日，大韩民国平昌".
    /// Returns false for a line that is only a date (the document's issue date).
    private mutating func readDates(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var firstDigit = r.lowerBound
        while firstDigit < r.upperBound, DecisionLineLabels.digitValue(s[firstDigit].value) == nil { firstDigit += 1 }
        var lastDigit = r.upperBound - 1
        while lastDigit > firstDigit, DecisionLineLabels.digitValue(s[lastDigit].value) == nil { lastDigit -= 1 }
        func isSeparator(_ v: UInt32) -> Bool { v == 0x2C || v == 0xFF0C || v == 0x060C || v == 0x3001 || v == 0x3B }
        func trimmedString(_ lo: Int, _ hi: Int) -> String? {
            var a = lo, b = hi
            while a < b, DecisionScalars.isSpace(s[a].value) || isSeparator(s[a].value) { a += 1 }
            while b > a, DecisionScalars.isSpace(s[b - 1].value) || isSeparator(s[b - 1].value) { b -= 1 }
            return a < b ? DecisionScalars.string(s[a..<b]) : nil
        }
        var datesRange = firstDigit..<r.upperBound
        var placeText: String?
        let prefix = trimmedString(r.lowerBound, firstDigit)
        if prefix == nil || (prefix?.unicodeScalars.count ?? 0) <= 2 {
            // Dates first: they run to the separator after the last digit.
            var end = lastDigit + 1
            while end < r.upperBound, !isSeparator(s[end].value) { end += 1 }
            datesRange = r.lowerBound..<end
            placeText = trimmedString(end, r.upperBound)
        } else {
            placeText = prefix
        }
        let datesText = trimmedString(datesRange.lowerBound, datesRange.upperBound)
        let folded = DecisionScalars.fold(s[datesRange])
        let parsed = DecisionDates.range(folded, tokens: table.tokenize(folded), table: table)
        let isRange = parsed.map { $0.0 != $0.1 } ?? false
        if placeText == nil && !isRange { return false }
        guard dates == nil else { return false }
        place = placeText
        dates = datesText
        if let parsed {
            startDate = parsed.0.iso
            endDate = parsed.1.iso
        }
        return true
    }

    var meeting: DecisionMeeting? {
        let id = body ?? documentSymbol.flatMap(DecisionPageCleaner.body(fromSymbol:))
        guard id != nil || session != nil || dates != nil else { return nil }
        return DecisionMeeting(body: id ?? "COP", bodyName: bodyName, session: session, place: place, dates: dates,
                               startDate: startDate, endDate: endDate)
    }
}
