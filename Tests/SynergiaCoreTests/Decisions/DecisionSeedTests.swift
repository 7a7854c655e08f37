import Foundation
import Testing
@testable import SynergiaCore

/// The seed: CBD decision XII/6 in Chinese as extracted from the official PDF.
@Suite("Decision XII/6 (Chinese seed)")
struct DecisionSeedTests {
    let d: ParsedDecision

    init() throws {
        d = DecisionParser.parse(try DecisionTestSupport.text("XII-6.zh.txt"))
    }

    typealias T = DecisionTestSupport

    @Test func header() throws {
        #expect(d.symbol == "XII/6")
        #expect(d.title == "与其他公约、国际组织和倡议的合作")
        #expect(d.language == "zh")
        #expect(d.agendaItem == "29")
        let m = try #require(d.meeting)
        #expect(m.body == "COP")
        #expect(m.bodyName == "生物多样性公约缔约方大会")
        #expect(m.session == 12)
        #expect(m.place?.contains("平昌") == true)
        #expect(m.place?.contains("大韩民国") == true)
        #expect(m.dates == "2014年10月6日至17日")
        #expect(m.startDate == "2014-10-06")
        #expect(m.endDate == "2014-10-17")
        #expect(d.warnings.isEmpty, "\(d.warnings)")
    }

    @Test func sectionsAndCounts() {
        #expect(d.sections.map(\.label) == ["A", "B"])
        #expect(d.sections.first?.title == "与其他公约的合作")
        #expect(d.sections.last?.title == "与国际组织和倡议的合作")
        #expect(T.preambular(d, section: "A").count == 8)
        #expect(T.preambular(d, section: "B").count == 1)
        let operative = d.paragraphs.filter { $0.kind == .operative }
        #expect(operative.compactMap(\.number) == (1...21).map(String.init))
        #expect(operative.filter { $0.section == "A" }.compactMap(\.number) == (1...12).map(String.init))
        #expect(operative.filter { $0.section == "B" }.compactMap(\.number) == (13...21).map(String.init))
        // Document order: A's preamble, 1-12, B's preamble, 13-21.
        #expect(d.paragraphs.map(\.kind) == Array(repeating: .preambular, count: 8) + Array(repeating: .operative, count: 12)
                + [.preambular] + Array(repeating: .operative, count: 9))
    }

    @Test func subparagraphs() throws {
        #expect(try T.operative(d, 4).subparagraphs.map(\.label) == ["a", "b", "c", "d"])
        #expect(try T.operative(d, 11).subparagraphs.map(\.label) == ["a", "b"])
        #expect(try T.operative(d, 4).text == "重申 第 X/20 号决定，邀请 生物多样性相关公约联络组成员：")
        #expect(try T.operative(d, 4).subparagraphs[3].text == "考虑如何为评估《2011-2020 年生物多样性战略计划》所取得进展作出贡献；")
    }

    @Test func footnotes() throws {
        #expect(d.footnotes.map(\.marker) == ["1", "2", "3", "4", "5"])
        #expect(d.footnotes[0].text == "UNEP/CBD/COP/12/24。")
        #expect(d.footnotes[1].text == "大会第 66/288 号决议，附件。")
        #expect(d.footnotes[3].text.hasSuffix("环境管理小组的报告，（EMG/1320/GEN）环境规划署，2010 年。参见：http://unemg.org。"))
        let all = T.allText(d)
        for note in d.footnotes {
            #expect(!all.contains(note.text), "footnote \(note.marker) text left in a paragraph")
        }
        #expect(!all.contains("UNEP/CBD/COP/12/24"))
        #expect(!all.contains("66/288"))
        #expect(!all.contains("65/161"))
        #expect(!all.contains("unemg.org"))
        #expect(!all.contains("landscapeunifi"))
        let pre = T.preambular(d)
        #expect(pre[0].footnotes == ["1"])
        #expect(pre[0].text == "注意到 执行秘书关于进展情况的报告，")
        let cites89 = try #require(pre.first { $0.text.contains("联合国可持续发展大会成果文件第 89 段") })
        #expect(cites89.footnotes == ["2"])
        #expect(cites89.text.contains("第 89 段，其中鼓励各多边环境协定的缔约方考虑采取进一步措施促进各相关层面的政策一致性"))
        #expect(try T.operative(d, 13).footnotes == ["3", "4"])
        #expect(try T.operative(d, 15).footnotes == ["5"])
        #expect(d.paragraphs.flatMap(\.footnotes) == ["1", "2", "3", "4", "5"])
    }

    @Test func joiningAndCleaning() throws {
        let pre = T.preambular(d)
        #expect(pre[1].text.contains("生物多样性相关公约之间的协同增效"))
        #expect(pre[1].text.hasPrefix("回顾 第 XI/6 号决定"))
        #expect(try T.operative(d, 6).text.contains("并邀请 生物多样性相关公约联络小组参加非正式咨询小组"))
        let all = T.allText(d)
        #expect(!all.contains("http"))
        #expect(!all.contains("——"))
        #expect(!d.paragraphs.contains { $0.text.contains("缔约方大会通过的决定") })
        #expect(try T.operative(d, 16).text.hasPrefix("感谢 联合国粮食及农业组织"))
    }

    @Test func references() throws {
        #expect(T.preambular(d)[0].references == ["UNEP/CBD/COP/12/24"])
        #expect(T.preambular(d)[1].references == ["decision XI/6"])
        #expect(T.preambular(d)[5].references.contains("A/RES/66/288"))
        #expect(try T.operative(d, 4).references == ["decision X/20"])
        #expect(try T.operative(d, 10).references == ["decision XI/6"])
        #expect(try T.operative(d, 13).references == ["A/RES/65/161", "UNEP/CBD/COP/12/INF/48", "EMG/1320/GEN"])
        #expect(try T.operative(d, 21).references == ["decision X/36"])
    }

    @Test func actionsOfSectionA() throws {
        let p1 = try T.operative(d, 1)
        #expect(T.verbs(p1.actions) == ["welcomes", "notes-with-appreciation"])

        let p4 = try T.operative(d, 4)
        #expect(T.verbs(p4.actions) == ["reaffirms", "invites"])
        #expect(T.addressees(p4.actions, "invites") == ["liaison-group-biodiversity-conventions"])

        let p6 = try T.operative(d, 6)
        #expect(p6.actions.first?.verb == "decides")
        #expect(T.addressees(p6.actions, "invites") == ["liaison-group-biodiversity-conventions"])
        #expect(p6.subjectToResources)
        #expect(p6.deadlines == ["SBI-1"])

        let p7 = try T.operative(d, 7)
        #expect(T.verbs(p7.actions) == ["invites"])
        #expect(T.addressees(p7.actions, "invites") == ["heads-of-biodiversity-conventions"])

        let p8 = try T.operative(d, 8)
        #expect(p8.actions == [DecisionAction(verb: "invites", addressees: ["unep-executive-director"])])

        let p9 = try T.operative(d, 9)
        #expect(p9.actions == [DecisionAction(verb: "requests", addressees: ["executive-secretary"])])
        #expect(p9.subjectToResources)
        #expect(p9.deadlines == ["SBI-1"])

        let p10 = try T.operative(d, 10)
        #expect(p10.actions == [DecisionAction(verb: "requests", addressees: ["informal-advisory-group"])])
        #expect(p10.references == ["decision XI/6"])

        let p11 = try T.operative(d, 11)
        #expect(p11.actions == [DecisionAction(verb: "requests", addressees: ["executive-secretary"])])
        #expect(p11.subparagraphs[0].subjectToResources)
        #expect(p11.subparagraphs[0].deadlines.isEmpty)
        #expect(!p11.subparagraphs[1].subjectToResources)
        #expect(p11.subparagraphs[1].deadlines == ["SBI-1", "COP-13"])

        let p12 = try T.operative(d, 12)
        #expect(p12.actions == [DecisionAction(verb: "requests", addressees: ["executive-secretary"])])
        #expect(!p12.subjectToResources)
    }

    @Test func actionsOfSectionB() throws {
        let p13 = try T.operative(d, 13)
        #expect(T.verbs(p13.actions) == ["reaffirms", "welcomes"])

        let p14 = try T.operative(d, 14)
        #expect(T.verbs(p14.actions) == ["invites"])
        #expect(T.addressees(p14.actions, "invites") == ["un-organizations", "other-organizations"])

        let p17 = try T.operative(d, 17)
        #expect(T.addressees(p17.actions, "requests") == ["executive-secretary"])
        #expect(T.addressees(p17.actions, "invites") == ["fao"])

        let p18 = try T.operative(d, 18)
        #expect(p18.actions == [DecisionAction(verb: "urges", addressees: ["unctad-biotrade"])])

        let p19 = try T.operative(d, 19)
        #expect(T.verbs(p19.actions).contains("welcomes"))
        #expect(T.verbs(p19.actions).contains("reaffirms"))
        #expect(T.addressees(p19.actions, "invites") == ["parties", "other-governments", "relevant-organizations"])

        let p20 = try T.operative(d, 20)
        #expect(T.verbs(p20.actions) == ["emphasizes", "requests"])
        #expect(T.addressees(p20.actions, "requests") == ["executive-secretary"])
        #expect(p20.subjectToResources)

        let p21 = try T.operative(d, 21)
        #expect(Array(T.verbs(p21.actions).prefix(4)) == ["emphasizes", "requests", "invites", "further-requests"])
        #expect(T.addressees(p21.actions, "requests") == ["executive-secretary"])
        #expect(T.addressees(p21.actions, "invites") == ["cpf"])
        #expect(T.addressees(p21.actions, "further-requests") == ["executive-secretary"])
        #expect(p21.subjectToResources)
        #expect(p21.references == ["decision X/36"])
        #expect(p21.deadlines == ["COP-13"])
    }

    @Test func jsonHasTheSpecKeys() throws {
        let data = try d.jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["symbol", "title", "language", "meeting", "agendaItem", "sections", "paragraphs",
                                     "footnotes", "warnings"])
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        #expect(Set(paragraphs[0].keys) == ["kind", "section", "number", "text", "subparagraphs", "actions",
                                            "subjectToResources", "deadlines", "references", "footnotes"])
        #expect(paragraphs[0]["kind"] as? String == "preambular")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"symbol\" : \"XII/6\""))
        let decoded = try JSONDecoder().decode(ParsedDecision.self, from: data)
        #expect(decoded == d)
    }

    @Test func summaryOutlinesTheDecision() {
        let s = d.summary()
        #expect(s.contains("Decision XII/6"))
        #expect(s.contains("COP 12"))
        #expect(s.contains("2014-10-06 to 2014-10-17"))
        #expect(s.contains("21."))
        #expect(s.contains("requests → executive-secretary"))
    }
}
