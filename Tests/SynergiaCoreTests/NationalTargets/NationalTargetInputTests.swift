import SynergiaCore
import Testing

/// What a Party may store as a national target, and the first thing wrong with what it may not.
@Suite("A national target as written")
struct NationalTargetInputTests {
    static let gbf = ["A", "B", "C", "D"] + (1...23).map(String.init)

    static func parse(_ form: NationalTargetForm) -> Result<NationalTargetContent, NationalTargetInput.Problem> {
        NationalTargetInput.parse(form, language: .english, gbf: gbf, knownIndicator: { ["A.1", "KE-FOREST-1"].contains($0) },
                                  knownTarget: { $0 == TargetReference(framework: "RAMSAR-SP4", code: "5") })
    }

    @Test("codes: upper-cased; letters, digits, hyphens and dots; never a path trick or empty")
    func codes() throws {
        #expect(try NationalTargetInput.code(" t3 ").get() == "T3")
        #expect(try NationalTargetInput.code("1.2").get() == "1.2")
        #expect(try NationalTargetInput.code("NBT-14").get() == "NBT-14")
        for bad in ["", "  ", "..", "../x", ".1", "-1", "T 3", "T/3", "Ť3", String(repeating: "A", count: 21), "T..3", "<b>", "T3%2F"] {
            #expect(throws: NationalTargetInput.Problem.code, "\(bad)") { try NationalTargetInput.code(bad).get() }
        }
    }

    @Test("a target aligned to GBF Target 3 (high) and Goal A (low), with its indicators, a Ramsar target and its progress: alignments in the framework's order, duplicates dropped")
    func whole() throws {
        let content = try Self.parse(NationalTargetForm(
            title: "  Conserve 30% of land  ", description: "By 2030.", degrees: ["3": "high", "A": "low", "5": ""],
            elements: ["3": "30% of land", "A": ""], indicators: ["A.1", "KE-FOREST-1", "A.1", ""],
            otherTargets: ["ramsar-sp4/5", "RAMSAR-SP4/5"], progress: "onTrack", progressSummary: "Coverage rose.")).get()
        #expect(content.title == "Conserve 30% of land")
        #expect(content.alignments == [TargetAlignment(target: .init(framework: "KMGBF", code: "A"), degree: .low),
                                       TargetAlignment(target: .init(framework: "KMGBF", code: "3"), degree: .high, elements: "30% of land")])
        #expect(content.indicators == ["A.1", "KE-FOREST-1"])
        #expect(content.otherTargets == [TargetReference(framework: "RAMSAR-SP4", code: "5")])
        #expect(content.progress == .onTrack)
        #expect(content.serves(TargetReference(framework: "KMGBF", code: "3")) && content.serves(TargetReference(framework: "RAMSAR-SP4", code: "5")))
        #expect(!content.serves(TargetReference(framework: "KMGBF", code: "5")))
    }

    @Test("refused with the first problem: no title, a goal or target the GBF does not have, elements without a degree, an unknown degree, an unknown indicator or target, a GBF target given as another convention's, an unknown progress, texts too long")
    func refusals() throws {
        let cases: [(NationalTargetForm, NationalTargetInput.Problem)] = [
            (.init(title: "  "), .title),
            (.init(title: "T", degrees: ["24": "high"]), .alignment("24")),
            (.init(title: "T", elements: ["E": "x"]), .alignment("E")),
            (.init(title: "T", elements: ["3": "30% of land"]), .degree("3")),
            (.init(title: "T", degrees: ["3": "total"]), .degree("3")),
            (.init(title: "T", indicators: ["Z.9"]), .indicator("Z.9")),
            (.init(title: "T", otherTargets: ["RAMSAR-SP4/99"]), .otherTarget("RAMSAR-SP4/99")),
            (.init(title: "T", otherTargets: ["KMGBF/3"]), .otherTarget("KMGBF/3")),
            (.init(title: "T", otherTargets: ["RAMSAR-SP4/5/1"]), .otherTarget("RAMSAR-SP4/5/1")),
            (.init(title: "T", progress: "great"), .progress),
            (.init(title: String(repeating: "x", count: NationalTargetInput.maxTitle + 1)), .tooLong),
            (.init(title: "T", progressSummary: String(repeating: "x", count: NationalTargetInput.maxText + 1)), .tooLong),
            (.init(title: "T", degrees: ["3": "low"], elements: ["3": String(repeating: "x", count: NationalTargetInput.maxElements + 1)]), .tooLong),
        ]
        for (form, problem) in cases {
            #expect(throws: problem) { try Self.parse(form).get() }
        }
    }
}
