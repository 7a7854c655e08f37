import Testing
@testable import SynergiaCore

@Suite("Shipped target crosswalks")
struct CrosswalkFileTests {
    @Test("every shipped link joins two existing targets of different frameworks and names its source")
    func shippedLinksAreValid() throws {
        let file = try CrosswalkFile.load()
        let reference = try ReferenceData.load()
        let targets = Set(reference.frameworks.flatMap { framework in framework.targets.map { "\(framework.code)/\($0.code)" } })
        #expect(file.links.count >= 4)
        #expect(file.problems(targets: targets).isEmpty, "\(file.problems(targets: targets))")
        #expect(file.links.allSatisfy { $0.source.url?.hasPrefix("http") ?? false })
        #expect(file.links.contains { $0.from == TargetReference(framework: "RAMSAR-SP4", code: "9") && $0.to == TargetReference(framework: "KMGBF", code: "1") })
    }

    @Test("problems are found: same framework, unknown target, no source, listed twice")
    func findsProblems() {
        let source = TargetLink.Source(title: "S", url: nil)
        let a = TargetReference(framework: "KMGBF", code: "1"), b = TargetReference(framework: "SP2011", code: "5")
        let file = CrosswalkFile(version: 1, source: "", links: [
            TargetLink(from: a, to: b, relation: .sameAs, source: source),
            TargetLink(from: a, to: b, relation: .sameAs, source: source),
            TargetLink(from: a, to: TargetReference(framework: "KMGBF", code: "2"), relation: .partOf, source: source),
            TargetLink(from: a, to: TargetReference(framework: "SP2011", code: "99"), relation: .partOf, source: .init(title: " ", url: nil)),
        ])
        let problems = file.problems(targets: ["KMGBF/1", "KMGBF/2", "SP2011/5"])
        #expect(problems.count == 4)
        #expect(problems.contains { $0.contains("listed twice") } && problems.contains { $0.contains("one framework") })
        #expect(problems.contains { $0.contains("no target SP2011/99") } && problems.contains { $0.contains("no source") })
    }
}
