import Foundation
import SynergiaCore
import Testing

/// A Party's national targets as an offline package (issue 15): what it holds, and every way an
/// uploaded one can be wrong before any target is looked at.
struct NationalTargetPackageTests {
    static let content = NationalTargetContent(
        title: "Conserve 30% of land", description: "By **2030**.", language: .english,
        alignments: [TargetAlignment(target: TargetReference(framework: "KMGBF", code: "3"), degree: .high, elements: "land")],
        indicators: ["A.1"], otherTargets: [TargetReference(framework: "RAMSAR-SP4", code: "5")], progress: .onTrack,
        progressSummary: "18% protected.")

    static func text(_ targets: String, party: String = "KE", format: String = "synergia-national-targets") -> Data {
        Data(#"{"format": "\#(format)", "party": "\#(party)", "exportedAt": "2026-11-28T10:00:00.000Z", "targets": [\#(targets)]}"#.utf8)
    }

    @Test func exportedThenReadBackIsTheSamePackageAndTheEditorsForm() throws {
        let package = NationalTargetPackage(party: "KE", exportedAt: Date(timeIntervalSince1970: 1_795_000_000),
                                            targets: [.init(code: "T3", version: 4, status: .published, Self.content)])
        let data = try package.jsonData()
        #expect(String(decoding: data, as: UTF8.self).contains(#""RAMSAR-SP4/5""#), "slashes as they are")
        #expect(NationalTargetPackage.parse(data, party: "KE") == .package(package))
        let form = package.targets[0].form
        #expect(form.degrees == ["3": "high"] && form.elements == ["3": "land"] && form.progress == "onTrack" && form.otherTargets == ["RAMSAR-SP4/5"])
    }

    @Test func aPackageForAnotherPartyOrNotOneAtAllIsRefusedWhole() {
        #expect(NationalTargetPackage.parse(Data("not json".utf8), party: "KE") == .problems([.malformed]))
        #expect(NationalTargetPackage.parse(Self.text(""), party: "UG") == .problems([.wrongParty(found: "KE")]))
        #expect(NationalTargetPackage.parse(Self.text("", format: "synergia-report"), party: "KE") == .problems([.wrongFormat]))
        #expect(NationalTargetPackage.parse(Self.text(#"{"code": "T1"}"#), party: "KE") == .problems([.malformed]), "no version, no title")
        let many = Array(repeating: #"{"code": "T", "version": 0, "title": "t"}"#, count: 501).joined(separator: ",")
        #expect(NationalTargetPackage.parse(Self.text(many), party: "KE") == .problems([.tooMany]))
    }

    @Test func everyBadTargetIsNamedAndCodesAreReadAsTheEditorReadsThem() {
        let targets = [#"{"code": "t1", "version": 0, "title": "a"}"#, #"{"code": "T1", "version": 2, "title": "b"}"#,
                       #"{"code": "../x", "version": 0, "title": "c"}"#, #"{"code": "T4", "version": -1, "title": "d"}"#,
                       #"{"code": "T5", "version": 0, "title": "e", "alignments": [{"target": "3", "degree": "high"}, {"target": "3", "degree": "low"}]}"#]
        #expect(NationalTargetPackage.parse(Self.text(targets.joined(separator: ",")), party: "KE")
            == .problems([.duplicate("T1"), .code("../x"), .version("T4"), .alignedTwice("T5")]))
        guard case .package(let package) = NationalTargetPackage.parse(Self.text(targets[0]), party: "KE") else {
            Issue.record("not read"); return
        }
        #expect(package.targets.map(\.code) == ["T1"])
    }
}
