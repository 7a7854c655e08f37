import SynergiaCore
import Testing

@Suite("Targets named in decision paragraphs")
struct DecisionTargetMentionsTests {
    typealias Mention = DecisionTargetMentions.Mention

    @Test("Aichi and GBF targets are found in several languages", arguments: [
        ("国际植物保护公约在协助实现爱知生物多样性指标 9 方面的作用", [Mention(framework: "SP2011", code: "9")]),
        ("contributing to Aichi Biodiversity Targets 5, 7 and 15 and to", [Mention(framework: "SP2011", code: "5"), Mention(framework: "SP2011", code: "7"), Mention(framework: "SP2011", code: "15")]),
        ("en apoyo de la Meta de Aichi para la Diversidad Biológica 11;", [Mention(framework: "SP2011", code: "11")]),
        ("towards Global Biodiversity Framework target 3 by 2030", [Mention(framework: "KMGBF", code: "3")]),
        ("与森林相关的爱知生物多样性指标，并", []),
        ("Aichi Biodiversity Target 2020 is not a target number", []),
    ])
    func mentions(text: String, expected: [Mention]) {
        #expect(DecisionTargetMentions.find(in: text) == expected)
    }
}
