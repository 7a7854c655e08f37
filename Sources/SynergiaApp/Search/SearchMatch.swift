import SQLKit
import SynergiaCore

/// The SQL that finds a query's terms in the search index, for one database: every term must be
/// found, in the title or the body.
///
/// - SQLite: FTS5 over trigrams for the terms of three characters or more (ranked by BM25, the
///   title weighing four times the body); two-character Chinese words (`湿地`) in the FTS5 table of
///   such words; other shorter terms (`eu`) by `instr` over the folded text, a scan.
/// - PostgreSQL: `LIKE` over the folded text, answered by the `pg_trgm` GIN index; two-character
///   Chinese words in the GIN-indexed `tsvector` of such words; a match in the title first, then
///   by full-text rank (`ts_rank`, title weighted).
///
/// Every term reaches the database as a bound value; `LIKE` wildcards in it are escaped (none can be
/// in a term as ``SearchQuery`` reads it; this is the second line) and FTS5 strings quoted, so a query
/// can only ever be searched for, never run.
struct SearchMatch {
    let query: SearchQuery
    let postgres: Bool

    /// Whether the SQLite form joins the trigram FTS table.
    var usesFTS: Bool { !postgres && !query.indexed.isEmpty }

    /// `FROM …`, with the entries as `e`.
    var from: SQLQueryString {
        usesFTS ? "search_fts JOIN search_entries e ON e.seq = search_fts.rowid" : "search_entries e"
    }

    /// The condition that every term is found.
    var condition: SQLQueryString {
        var parts: [SQLQueryString] = []
        if postgres {
            for term in query.pairs { parts.append("e.bigram_words @@ plainto_tsquery('simple', \(bind: term))") }
            for term in query.indexed + query.short { parts.append("e.folded LIKE \(bind: Self.contains(term)) ESCAPE '\\'") }
        } else {
            if usesFTS { parts.append("search_fts MATCH \(bind: Self.ftsExpression(query.indexed))") }
            if !query.pairs.isEmpty {
                parts.append("e.seq IN (SELECT rowid FROM search_bigrams WHERE search_bigrams MATCH \(bind: Self.ftsExpression(query.pairs)))")
            }
            // A plain substring test: the text is folded already, and instr() reads it faster than LIKE.
            for term in query.short {
                parts.append("(instr(e.title_folded, \(bind: term)) > 0 OR instr(e.body_folded, \(bind: term)) > 0)")
            }
        }
        return parts.isEmpty ? "1 = 0" : parts.joined(separator: " AND ")
    }

    /// What ranks a match, best first: each expression (over `e`, and on SQLite the FTS table) and
    /// whether a larger value is better; ties go to the older entry (`e.seq`).
    var rank: [(expression: SQLQueryString, descending: Bool)] {
        if postgres {
            let text = query.terms.joined(separator: " ")
            // Trigram word similarity ranked better but cost 70 ms over 1,400 matches; a match in the title
            // first, then the full-text rank (exact words; a stem's other forms rank by the title alone).
            return [("(e.title_folded LIKE \(bind: Self.contains(query.terms[0])) ESCAPE '\\')", true),
                    ("ts_rank(e.tsv, plainto_tsquery('simple', \(bind: text)))", true)]
        }
        if usesFTS { return [("bm25(search_fts, 4.0, 1.0)", false)] }
        return [("CASE WHEN instr(e.title_folded, \(bind: query.terms[0])) > 0 THEN 0 ELSE 1 END", false), ("length(e.body_folded)", false)]
    }

    /// One page of the entries that match and pass `filters`, best first: `seq` and the rank's
    /// values (`r0`, `r1`, …) of each, for ``orderOfPage(_:)`` to sort them by again once joined.
    /// Only the index is read to rank; the texts are read for the page alone.
    func page(filters: SQLQueryString, limit: Int, offset: Int) -> SQLQueryString {
        let rank = self.rank
        var columns: [SQLQueryString] = ["e.seq AS seq"]
        for (index, key) in rank.enumerated() { columns.append("\(key.expression) AS \(unsafeRaw: "r\(index)")") }
        return """
            SELECT \(columns.joined(separator: ", ")) FROM \(from) WHERE \(condition)\(filters)
            ORDER BY \(orderOfPage(nil)) LIMIT \(literal: limit) OFFSET \(literal: offset)
            """
    }

    /// `r0 DESC, …, seq`, over the page's rows as `table` (or unqualified).
    func orderOfPage(_ table: String?) -> SQLQueryString {
        let prefix = table.map { "\($0)." } ?? ""
        var keys: [SQLQueryString] = rank.enumerated().map { index, key in "\(unsafeRaw: "\(prefix)r\(index)\(key.descending ? " DESC" : "")")" }
        keys.append("\(unsafeRaw: prefix)seq")
        return keys.joined(separator: ", ")
    }

    /// `%term%` with `\`, `%` and `_` escaped.
    static func contains(_ term: String) -> String {
        var escaped = ""
        for character in term {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%\(escaped)%"
    }

    /// `"a" AND "b"`: each term an FTS5 string (its quotes doubled), all required.
    static func ftsExpression(_ terms: [String]) -> String {
        terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }
}
