import Testing
@testable import SynergiaCore

@Suite("Generated demo data at scale")
struct ScaleDemoDataTests {
    @Test("every generated answer to every question of every template is valid")
    func answersAreValid() throws {
        var random = DemoRandom(seed: 7)
        for template in try ReportTemplates.load() {
            for question in template.questions {
                for _ in 0..<5 {
                    let value = ScaleDemoAnswers.answer(for: question, random: &random)
                    #expect(AnswerValidation.validate(value, for: question) == nil, "\(question.id): \(value)")
                }
            }
        }
    }

    @Test("assessments: one per Party, target and cycle, the same for the same seed, spread over the categories")
    func assessments() {
        let make = { ScaleDemoData.assessments(parties: ["KE", "FR", "CN"], frameworks: [("KMGBF", ["1", "2", "3"]), ("SP2011", ["11"])],
                                               cycles: ["2026", "2028", "2030"], seed: 1) }
        let a = make()
        #expect(a.count == 3 * 4 * 3 && a == make())
        #expect(Set(a.map { "\($0.party)/\($0.framework)/\($0.target)/\($0.cycle)" }).count == a.count)
        let big = ScaleDemoData.assessments(parties: (0..<196).map { "P\($0)" }, frameworks: [("KMGBF", (1...23).map(String.init))],
                                            cycles: ["2026"], seed: 2)
        #expect(Set(big.map(\.category)) == Set(ProgressCategory.allCases))
    }

    @Test("values: 30 years per Party and indicator, percentages within 0–100, indices within 0–1")
    func values() {
        let values = ScaleDemoData.values(parties: ["KE", "FR"], indicators: [("3.1", "percent"), ("A.3", "index (0-1)"), ("X", "")],
                                          years: 1995...2024)
        #expect(values.count == 2 * 3 * 30)
        #expect(values.filter { $0.indicator == "3.1" }.allSatisfy { (0...100).contains($0.value) })
        #expect(values.filter { $0.indicator == "A.3" }.allSatisfy { (0...1).contains($0.value) })
    }
}
