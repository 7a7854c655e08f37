/// Compiles the per-concern tables (verbs, addressees, resources, meeting names, dates,
/// structure words) into one phrase table per language, built once and shared.
enum DecisionLexicon {
    static let languages = ["zh", "en", "fr", "es", "ru", "ar"]

    static let tables: [String: DecisionPhraseTable] = {
        var out: [String: DecisionPhraseTable] = [:]
        for l in languages { out[l] = build(l) }
        return out
    }()

    static func table(_ language: String) -> DecisionPhraseTable { tables[language] ?? tables["en"]! }

    /// Arabic forms of a noun phrase with attached "و" (and), "ب" (with), "ل" (for).
    static func arabicProclitics(_ phrase: String) -> [String] {
        var out = [phrase]
        if phrase.hasPrefix("ال") {
            let rest = String(phrase.dropFirst())
            out += ["و" + phrase, "ب" + phrase, "ل" + rest, "وب" + phrase, "ول" + rest]
        } else {
            out += ["و" + phrase, "ب" + phrase, "ل" + phrase, "وب" + phrase, "ول" + phrase]
        }
        return out
    }

    static func build(_ l: String) -> DecisionPhraseTable {
        var e: [(String, DecisionRole)] = []
        let ar = l == "ar"
        func nouns(_ phrase: String) -> [String] { ar ? arabicProclitics(phrase) : [phrase] }
        func alternatives(_ s: String) -> [String] { s.split(separator: "|").map(String.init) }

        for v in DecisionVerbs.entries(l) {
            e.append((v.phrase, v.leading ? .leadingVerb(v.verb) : .verb(v.verb)))
            if ar, !v.phrase.hasPrefix("إذ"), !v.phrase.hasPrefix("وإذ") { e.append(("و" + v.phrase, .conjoinedVerb(v.verb))) }
        }
        for (phrase, verbs) in DecisionVerbs.compounds[l] ?? [] {
            for v in verbs { e.append((phrase, .verb(v))) }
            if ar { for v in verbs { e.append(("و" + phrase, .conjoinedVerb(v))) } }
        }
        for o in DecisionVerbs.openers[l] ?? [] { e.append((o, .opener)) }
        for c in DecisionVerbs.conjunctions[l] ?? [] { e.append((c, .conjunction)) }
        for b in DecisionVerbs.blockers[l] ?? [] { e.append((b, .plain)) }
        for (phrase, ids) in DecisionAddressees.entries(l) {
            for p in nouns(phrase) { e.append((p, .addressee(ids))) }
        }
        for f in DecisionAddressees.fillers[l] ?? [] { e.append((f, .filler)) }
        for r in DecisionResources.phrases[l] ?? [] { e.append((r, .resources)) }
        for (name, id) in DecisionMeetingNames.bodies[l] ?? [] {
            for p in nouns(name) { e.append((p, .body(id))) }
        }
        for (name, id) in DecisionMeetingNames.acronyms { e.append((name, .body(id))) }
        for a in DecisionMeetingNames.anaphors[l] ?? [] { e.append((a, .anaphor)) }
        for (phrase, n, back) in DecisionMeetingNames.ordinalPhrases(l) {
            for p in nouns(phrase) { e.append((p, back ? .anaphoricOrdinal(n) : .ordinal(n))) }
        }
        // Header dates of every language version are often in English ("30 November 2018").
        let monthNames = l == "en" ? DecisionDates.months["en"]! : (DecisionDates.months[l] ?? []) + []
        if l != "en" {
            for (i, m) in DecisionDates.months["en"]!.enumerated() { e.append((m, .month(i + 1))) }
        }
        for (i, forms) in monthNames.enumerated() {
            for m in alternatives(forms) { e.append((m, .month(i + 1))) }
        }
        for c in DecisionDates.cuesBefore[l] ?? [] { e.append((c, .dateCueBefore)) }
        for c in DecisionDates.cuesAfter[l] ?? [] { e.append((c, .dateCueAfter)) }
        for w in DecisionStructureWords.decisionWords[l] ?? [] {
            for p in nouns(w) { e.append((p, .decisionWord)) }
        }
        for w in DecisionStructureWords.decisionWordsAfter[l] ?? [] { e.append((w, .decisionWordAfter)) }
        for w in DecisionStructureWords.resolutionWords[l] ?? [] {
            for p in nouns(w) { e.append((p, .resolutionWord)) }
        }
        // "The Conference of the Parties" is also the body inside a sentence.
        for c in DecisionStructureWords.chapeaux[l] ?? [] { e.append((c, .chapeau)); e.append((c, .body("COP"))) }
        for d in DecisionStructureWords.decisionAdopted[l] ?? [] { e.append((d, .decisionAdopted)) }
        for a in DecisionStructureWords.agenda[l] ?? [] { e.append((a, .agenda)) }
        for n in DecisionStructureWords.headNoise { e.append((n, .headNoise)) }
        for p in DecisionStructureWords.pageWords { e.append((p, .pageWord)) }
        return DecisionPhraseTable(e)
    }
}
