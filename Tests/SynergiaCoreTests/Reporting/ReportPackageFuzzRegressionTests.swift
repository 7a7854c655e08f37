import Foundation
import Testing
@testable import SynergiaCore

/// Inputs that crashed the offline package reader, found while fuzzing it (Fuzz/, `scripts/fuzz.sh`).
@Suite("Offline package: fuzzing regressions")
struct ReportPackageFuzzRegressionTests {
    static let expected = PackageExpectation(
        template: ReportTemplate(
            id: "demo", version: 1, convention: "CBD", title: LocalizedText(english: "Demo"), cycle: LocalizedText(english: "test"),
            sections: [TemplateSection(id: "demo.s1", title: LocalizedText(english: "One"), questions: [
                TemplateQuestion(id: "demo.s1.q1", type: .shortText, title: LocalizedText(english: "Focal point")),
            ])]),
        party: "KE")

    /// JSON in UTF-16LE whose bytes are all ASCII or NUL, so valid UTF-8 text as an upload is.
    /// JSONSerialization reads it as UTF-16 (索 is the bytes `"}`, 絽 `}}`), while the scanner
    /// for the answers' line numbers read bytes and popped more brackets than it had pushed:
    /// "Can't remove last element from an empty collection", which stopped the server.
    static let utf16Package: Data = {
        let text = #"{"template": "索", "templateVersion": 1, "party": "絽絽絽", "convention": "CBD", "# +
            #""exportedAt": "2026-11-25T13:40:00Z", "answers": {"demo.s1.q1": {"value": {"type": "shortText", "value": "x"}, "version": 1}}}"#
        return text.data(using: .utf16LittleEndian)!
    }()

    @Test func utf16JSONThatIsValidUTF8IsRefusedWithoutCrashing() throws {
        let data = Self.utf16Package
        // As the upload reads it: text, then its UTF-8 bytes.
        let uploaded = Data(try #require(String(data: data, encoding: .utf8)).utf8)
        #expect(uploaded == data)
        let problems = ReportPackage.parseJSON(uploaded, expecting: Self.expected).problems
        #expect(problems.count == 1)
        #expect(problems.first?.kind == .malformed("not valid JSON: not UTF-8"))
        #expect(problems.first?.line == 1)
    }

    @Test func answerKeyScannerNeverPopsMoreThanItPushed() {
        #expect(JSONKeyLines.answerKeys(in: Data(#"}]} {"answers": {"a": 1}}"#.utf8)).isEmpty)
        #expect(JSONKeyLines.answerKeys(in: Data(#"{"answers": {"a": 1}}}]"#.utf8)).map(\.key) == ["a"])
    }

    @Test func utf8PackagesStillRead() throws {
        let json = #"{"template": "demo", "templateVersion": 1, "party": "KE", "convention": "CBD", "# +
            #""exportedAt": "2026-11-25T13:40:00Z", "answers": {"demo.s1.q1": {"value": {"type": "shortText", "value": "索 絽"}, "version": 1}}}"#
        let package = try #require(ReportPackage.parseJSON(Data(json.utf8), expecting: Self.expected).package)
        #expect(package.answers["demo.s1.q1"] == PackageAnswer(value: .shortText("索 絽"), version: 1))
    }
}

/// An exported-at time with a sixty-digit fraction: Foundation's ISO 8601 reader handed it to
/// ICU, which divided by zero and stopped the process. The package is refused, with its line.
@Suite("Offline package: a timestamp ICU could not read")
struct ReportPackageTimestampRegressionTests {
    @Test func longFractionIsRefusedWithoutCrashing() {
        let csv = """
            question_id,section,type,title,value,version
            @template,,,,demo,
            @template-version,,,,1,
            @party,,,,KE,
            @convention,,,,CBD,
            @exported-at,,,,2026-11-25T13:40:00.2500000000000000000000000000000000000000000000000000000000000Z,
            demo.s1.q1,demo.s1,shortText,Focal point,x,1

            """
        let problems = ReportPackage.parseCSV(csv, expecting: ReportPackageFuzzRegressionTests.expected).problems
        #expect(problems.count == 1)
        #expect(problems.first?.line == 6)
        #expect(problems.first?.kind == .malformed("@exported-at is not an ISO 8601 timestamp"))
    }

    @Test func longFractionInJSONIsRefusedWithoutCrashing() {
        let json = #"{"template": "demo", "templateVersion": 1, "party": "KE", "convention": "CBD", "# +
            #""exportedAt": "2026-11-25T13:40:00.250000000000000000000000000000000000000000000000000000000Z", "# +
            #""answers": {"demo.s1.q1": {"value": {"type": "shortText", "value": "x"}, "version": 1}}}"#
        let problems = ReportPackage.parseJSON(Data(json.utf8), expecting: ReportPackageFuzzRegressionTests.expected).problems
        #expect(problems.map(\.kind) == [.malformed("exportedAt is not an ISO 8601 timestamp")])
    }
}
