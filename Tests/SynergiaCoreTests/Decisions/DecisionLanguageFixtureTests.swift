import Foundation
import Testing
@testable import SynergiaCore

/// Decision 14/30-style fixtures written for these tests in English, French, Spanish, Russian
/// and Arabic, in the layout of PDF-extracted CBD decisions.
@Suite("Decision fixtures in five languages")
struct DecisionLanguageFixtureTests {
    typealias T = DecisionTestSupport

    /// What each fixture must give.
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var language: String
        var preambularA: Int
        var preambularB: Int
        var operative: Int
        var footnotes: Int
        var place: String
        /// A word that was hyphenated across a line break, as it must read after joining.
        var dehyphenated: String
        /// The broken form that must not remain.
        var broken: String
        var description: String { file }
    }

    static let cases: [Expected] = [
        Expected(file: "14-30.en.txt", language: "en", preambularA: 3, preambularB: 1, operative: 8, footnotes: 4,
                 place: "Sharm El-Sheikh, Egypt", dehyphenated: "enhance cooperation among", broken: "coope-"),
        Expected(file: "14-30.fr.txt", language: "fr", preambularA: 3, preambularB: 1, operative: 6, footnotes: 3,
                 place: "Charm el-Cheikh (Égypte)", dehyphenated: "d'avancement de la coopération", broken: "coopé-"),
        Expected(file: "14-30.es.txt", language: "es", preambularA: 2, preambularB: 1, operative: 6, footnotes: 3,
                 place: "Sharm el-Sheikh (Egipto)", dehyphenated: "avances en la cooperación entre", broken: "coope-"),
        Expected(file: "14-30.ru.txt", language: "ru", preambularA: 3, preambularB: 1, operative: 6, footnotes: 3,
                 place: "Шарм-эш-Шейх, Египет", dehyphenated: "укреплению сотрудничества", broken: "сотруд-"),
        Expected(file: "14-30.ar.txt", language: "ar", preambularA: 3, preambularB: 1, operative: 6, footnotes: 3,
                 place: "شرم الشيخ، مصر", dehyphenated: "على جميع المستويات", broken: "جميع-"),
    ]

    @Test(arguments: cases)
    func structure(_ e: Expected) throws {
        let d = DecisionParser.parse(try T.text(e.file))
        #expect(d.symbol == "14/30")
        #expect(d.language == e.language)
        #expect(d.agendaItem == "29")
        #expect(d.title?.isEmpty == false)
        let m = try #require(d.meeting)
        #expect(m.body == "COP")
        #expect(m.session == 14)
        #expect(m.place == e.place)
        #expect(m.startDate == "2018-11-17")
        #expect(m.endDate == "2018-11-29")
        #expect(d.sections.map(\.label) == ["A", "B"])
        #expect(T.preambular(d, section: "A").count == e.preambularA)
        #expect(T.preambular(d, section: "B").count == e.preambularB)
        let operative = d.paragraphs.filter { $0.kind == .operative }
        #expect(operative.compactMap(\.number) == (1...e.operative).map(String.init))
        #expect(d.footnotes.count == e.footnotes)
        #expect(d.footnotes.map(\.marker) == (1...e.footnotes).map(String.init))
        #expect(d.paragraphs.flatMap(\.footnotes) == (1...e.footnotes).map(String.init))
        #expect(d.warnings.isEmpty, "\(d.warnings)")
    }

    @Test(arguments: cases)
    func textIsCleaned(_ e: Expected) throws {
        let d = DecisionParser.parse(try T.text(e.file))
        let all = T.allText(d)
        #expect(all.contains(e.dehyphenated))
        #expect(!all.contains(e.broken))
        for note in d.footnotes { #expect(!all.contains(note.text)) }
        #expect(!all.contains("CBD/COP/DEC/14/30"))
        #expect(!all.contains("CBD/COP/14/INF/12"))
        #expect(!all.contains("http"))
        #expect(!all.contains("Page 2") && !all.contains("Página 2") && !all.contains("Стр. 2") && !all.contains("الصفحة"))
        // The footnote marker is gone from the text it followed.
        #expect(!d.paragraphs.contains { $0.text.hasSuffix(",1") || $0.text.hasSuffix("،1") })
    }

    @Test(arguments: cases)
    func actions(_ e: Expected) throws {
        let d = DecisionParser.parse(try T.text(e.file))
        let p1 = try T.operative(d, 1)
        #expect(p1.actions.first?.verb == "welcomes")

        let p2 = try T.operative(d, 2)
        #expect(p2.actions.first?.verb == "invites")
        #expect(p2.actions.first?.addressees.first == "parties")

        let p3 = try T.operative(d, 3)
        #expect(p3.actions == [DecisionAction(verb: "requests", addressees: ["executive-secretary"])])
        #expect(p3.subjectToResources)
        #expect(p3.subparagraphs.map(\.label) == ["a", "a.i", "a.ii", "b"])
        #expect(p3.subparagraphs[3].deadlines.first == "SBI-3")

        let b = d.paragraphs.filter { $0.kind == .operative && $0.section == "B" }
        let urges = try #require(b.first { $0.actions.first?.verb == "urges" })
        #expect(urges.actions.first?.addressees == ["unctad-biotrade"])
        let reaffirms = try #require(b.first { $0.actions.first?.verb == "reaffirms" })
        #expect(T.addressees(reaffirms.actions, "invites").prefix(2) == ["parties", "other-governments"])
        let last = try #require(b.last)
        #expect(T.addressees(last.actions, "invites") == ["cpf"])
        #expect(last.references.contains("decision X/36"))
        #expect(d.paragraphs.contains { $0.references.contains("A/RES/70/1") })
        #expect(d.paragraphs.contains { $0.deadlines.contains("2019-12-31") })
        #expect(d.paragraphs.contains { T.addressees($0.actions, "further-requests") == ["executive-secretary"] })
    }

    @Test func englishDetails() throws {
        let d = DecisionParser.parse(try T.text("14-30.en.txt"))
        #expect(d.title == "Cooperation with other conventions, international organizations and partnerships")
        #expect(T.preambular(d)[0].references == ["decision XII/6", "decision XIII/24", "CBD/COP/14/INF/12"])
        let p2 = try T.operative(d, 2)
        #expect(p2.text.contains("biodiversity-related conventions, and encourages"))
        #expect(p2.actions == [DecisionAction(verb: "invites", addressees: ["parties"]),
                               DecisionAction(verb: "encourages", addressees: ["parties"])])
        #expect(try T.operative(d, 3).subparagraphs[3].deadlines == ["SBI-3", "COP-15"])
        #expect(try T.operative(d, 5).text.contains("in mainstreaming biodiversity"))
        #expect(try T.operative(d, 4).deadlines == ["2019-12-31"])
        #expect(try T.operative(d, 7).references == ["UNEP/EMG/SOM.24/2"])
    }
}
