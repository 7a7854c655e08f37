import Foundation
import Testing
@testable import SynergiaCore

/// Property-style robustness: the parser returns on random and mutated inputs, accounts for
/// every line (placed, dropped as page furniture, footnote, or reported as a warning) and
/// produces encodable results.
@Suite("Decision parser robustness")
struct DecisionRobustnessTests {
    /// Pieces random strings are made of: every script, labels, footnote rules, page furniture.
    static let alphabet: [String] = [
        "a", "e", "z", "A", "Q", " ", " ", "\n", "\n\n", "\r\n", "\t", ".", ",", ";", ":", "(", ")", "-", "/", "'", "’",
        "0", "1", "2", "9", "12", "2019", "XII/6", "14/30", "(a)", "(ii)", "a)", "1.", "12. ", "A. ", "B. ", "\n1 ",
        "生", "物", "请", "邀请", "缔约方大会，", "注意到 ", "第十二届会议", "年", "月", "日", "，", "。", "；", "、", "《", "》",
        "и", "просит", "Сторон", "совещании", "сотруд-\nничество", "ي", "يطلب إلى", "الأطراف", "،", "(أ)", "'1'",
        "Requests the Executive Secretary", "Invites Parties", "subject to the availability of resources",
        "\n" + String(repeating: " ", count: 54) + "\n", "\n______\n", "\nhttp://unemg.org/\n", "\nPage 2\n",
        "CBD/COP/DEC/14/30", "UNEP/CBD/COP/12/24", "coope-\nration", "\u{0}", "\u{FEFF}", "\u{200B}", "\u{301}", "🌳",
        "\u{2028}", "̈", "\u{0640}", "ً",
    ]

    static func randomText(_ rng: inout DemoRandom) -> String {
        let count = Int(rng.next() % 400)
        var out = ""
        for _ in 0..<count { out += alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        return out
    }

    static func mutate(_ text: String, _ rng: inout DemoRandom) -> String {
        switch rng.next() % 6 {
        case 0: // truncation at a random byte (may cut a UTF-8 sequence)
            let bytes = Array(text.utf8)
            let cut = Int(rng.next() % UInt64(max(bytes.count, 1)))
            return String(decoding: bytes[..<cut], as: UTF8.self)
        case 1: // byte flips
            var bytes = Array(text.utf8)
            guard !bytes.isEmpty else { return text }
            for _ in 0..<(1 + Int(rng.next() % 20)) {
                let i = Int(rng.next() % UInt64(bytes.count))
                bytes[i] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8))
            }
            return String(decoding: bytes, as: UTF8.self)
        case 2: // duplicated lines
            var lines = text.components(separatedBy: "\n")
            for _ in 0..<(1 + Int(rng.next() % 10)) where !lines.isEmpty {
                let i = Int(rng.next() % UInt64(lines.count))
                lines.insert(lines[i], at: Int(rng.next() % UInt64(lines.count)))
            }
            return lines.joined(separator: "\n")
        case 3: // removed lines
            var lines = text.components(separatedBy: "\n")
            for _ in 0..<(1 + Int(rng.next() % 15)) where !lines.isEmpty {
                lines.remove(at: Int(rng.next() % UInt64(lines.count)))
            }
            return lines.joined(separator: "\n")
        case 4: // swapped lines
            var lines = text.components(separatedBy: "\n")
            guard lines.count > 1 else { return text }
            for _ in 0..<(1 + Int(rng.next() % 10)) {
                lines.swapAt(Int(rng.next() % UInt64(lines.count)), Int(rng.next() % UInt64(lines.count)))
            }
            return lines.joined(separator: "\n")
        default: // random text spliced in
            let scalars = Array(text.unicodeScalars)
            let at = Int(rng.next() % UInt64(scalars.count + 1))
            return DecisionScalars.string(scalars[..<at]) + randomText(&rng) + DecisionScalars.string(scalars[at...])
        }
    }

    /// Runs the parser and checks its invariants.
    static func check(_ input: String, _ label: String) throws {
        let (d, stats) = DecisionParser.parseWithStats(input)
        #expect(stats.lines == stats.blank + stats.dropped + stats.footnote + stats.placed + stats.warned, "\(label)")
        if stats.warned > 0 { #expect(!d.warnings.isEmpty, "\(label): unplaced lines without warnings") }
        #expect(d.warnings.count <= DecisionWarnings.limit + 1)
        #expect(DecisionLexicon.languages.contains(d.language))
        let data = try d.jsonData()
        #expect(try JSONDecoder().decode(ParsedDecision.self, from: data) == d, "\(label)")
        _ = d.summary()
        for p in d.paragraphs {
            #expect(p.kind == .operative ? p.number != nil : p.number == nil)
        }
    }

    @Test func randomStrings() throws {
        var rng = DemoRandom(seed: 0x5EED_0001)
        for i in 0..<150 {
            try Self.check(Self.randomText(&rng), "random #\(i)")
        }
    }

    @Test func mutatedFixtures() throws {
        var rng = DemoRandom(seed: 0x5EED_0002)
        let texts = try DecisionTestSupport.allFixtures.map(DecisionTestSupport.text)
        for i in 0..<150 {
            var text = texts[i % texts.count]
            for _ in 0..<(1 + Int(rng.next() % 3)) { text = Self.mutate(text, &rng) }
            try Self.check(text, "mutation #\(i)")
        }
    }

    /// Inputs that once made the parser loop, kept as regression cases.
    @Test func formerHangs() throws {
        try Self.check("1.；./\u{200B}", "trailing dot and slash")
        try Self.check("1. ./", "dot slash")
    }

    @Test func garbageIsReported() {
        let d = DecisionParser.parse("qwerty uiop\nasdf ghjkl\n\u{0}\u{0}\n")
        #expect(d.paragraphs.isEmpty)
        #expect(d.warnings.count >= 2)
    }

    @Test func pathologicalShapes() throws {
        // Long lines, many labels, deep nesting, a long run of footnote-like lines.
        let shapes = [
            String(repeating: "a", count: 200_000),
            String(repeating: "(a)\n", count: 5_000),
            String(repeating: "1. ", count: 20_000),
            "The Conference of the Parties,\n" + String(repeating: "Recalling x,\n", count: 5_000),
            String(repeating: " ", count: 60) + "\n" + (1...3_000).map { "\($0) note" }.joined(separator: "\n"),
            String(repeating: "/", count: 50_000),
            String(repeating: "第 X/20 号决定", count: 5_000),
            String(repeating: "—", count: 10_000),
        ]
        for (i, s) in shapes.enumerated() { try Self.check(s, "shape #\(i)") }
    }
}
