/// Collects the parser's warnings, each short, with a cap so that garbage input cannot make
/// the result grow without bound; past the cap only a count is kept.
struct DecisionWarnings: Sendable {
    static let limit = 200

    private(set) var list: [String] = []
    private(set) var suppressed = 0
    /// Lines reported as not placed (for the parser's accounting).
    private(set) var unplacedLines = 0

    mutating func add(_ message: String) {
        if list.count < Self.limit { list.append(message) } else { suppressed += 1 }
    }

    mutating func unplaced(_ s: [Unicode.Scalar], _ r: Range<Int>, lineNumber: Int, what: String) {
        unplacedLines += 1
        if list.count >= Self.limit { suppressed += 1; return }
        add("line \(lineNumber): \(what): " + Self.excerpt(s, r))
    }

    var isFull: Bool { list.count >= Self.limit }

    /// At most 80 scalars of a line, for messages.
    static func excerpt(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        let end = min(r.upperBound, r.lowerBound + 80)
        return DecisionScalars.string(s[r.lowerBound..<end]) + (end < r.upperBound ? "…" : "")
    }

    var all: [String] {
        suppressed > 0 ? list + ["\(suppressed) more warnings not shown"] : list
    }
}
