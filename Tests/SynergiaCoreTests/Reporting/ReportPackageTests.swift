import Foundation
import Testing
@testable import SynergiaCore

/// A small template with one question of each type.
enum PackageFixture {
    static let template = ReportTemplate(
        id: "demo", version: 2, convention: "CBD", title: LocalizedText(english: "Demo"), cycle: LocalizedText(english: "test"),
        sections: [
            TemplateSection(id: "demo.s1", title: LocalizedText(english: "One"), questions: [
                TemplateQuestion(id: "demo.s1.q1", type: .shortText, title: LocalizedText(english: "Focal point")),
                TemplateQuestion(id: "demo.s1.q2", type: .longText, title: LocalizedText(english: "Story, with comma")),
                TemplateQuestion(id: "demo.s1.q3", type: .yesNo, title: LocalizedText(english: "Adopted?")),
                TemplateQuestion(id: "demo.s1.q4", type: .singleChoice, title: LocalizedText(english: "Status"),
                                 choices: [TemplateChoice(id: "a", label: LocalizedText(english: "A")), TemplateChoice(id: "b", label: LocalizedText(english: "B"))]),
                TemplateQuestion(id: "demo.s1.q5", type: .multipleChoice, title: LocalizedText(english: "Who"),
                                 choices: [TemplateChoice(id: "x", label: LocalizedText(english: "X")), TemplateChoice(id: "y", label: LocalizedText(english: "Y"))]),
                TemplateQuestion(id: "demo.s1.q6", type: .number, title: LocalizedText(english: "Area"), unit: "km2"),
            ]),
            TemplateSection(id: "demo.s2", title: LocalizedText(english: "Two"), questions: [
                TemplateQuestion(id: "demo.s2.q1", type: .date, title: LocalizedText(english: "When")),
                TemplateQuestion(id: "demo.s2.q2", type: .table, title: LocalizedText(english: "Coverage"),
                                 columns: [TemplateColumn(id: "km2", title: LocalizedText(english: "km²"), type: .number),
                                           TemplateColumn(id: "as-of", title: LocalizedText(english: "As of"), type: .date)]),
                TemplateQuestion(id: "demo.s2.q3", type: .link, title: LocalizedText(english: "Link")),
                TemplateQuestion(id: "demo.s2.q4", type: .progressAssessment, title: LocalizedText(english: "Progress")),
                TemplateQuestion(id: "demo.s2.q5", type: .indicatorSeries, title: LocalizedText(english: "Series")),
            ]),
        ])

    static let values: [String: AnswerValue] = [
        "demo.s1.q1": .shortText("Ana \"Focal\" Pérez"),
        "demo.s1.q2": .longText("# Summary\n\nLine one, with comma.\nLine \"two\"."),
        "demo.s1.q3": .yesNo(true),
        "demo.s1.q4": .singleChoice("b"),
        "demo.s1.q5": .multipleChoice(["y", "x"]),
        "demo.s1.q6": .number(1234.5),
        "demo.s2.q1": .date("2024-02-29"),
        "demo.s2.q2": .table([["km2": .number(10), "as-of": .date("2023-12-31")]]),
        "demo.s2.q3": .link(.url("https://example.org/nbsap.pdf")),
        "demo.s2.q4": .progressAssessment(.onTrack),
        "demo.s2.q5": .indicatorSeries([SeriesPoint(period: "2020", value: 1.5, unit: "%"), SeriesPoint(period: "2021", value: 2)]),
    ]

    static let exportedAt = Date(timeIntervalSince1970: 1_795_700_000.25)

    static func revisions(_ values: [String: AnswerValue] = values, version: Int = 3) -> [String: AnswerRevision] {
        values.reduce(into: [:]) { result, pair in
            result[pair.key] = AnswerRevision(questionID: pair.key, value: pair.value, version: version, author: "ana", at: exportedAt)
        }
    }

    static let package = ReportPackage.export(template: template, party: "FR", exportedAt: exportedAt, current: revisions())
    static let expectation = PackageExpectation(template: template, party: "FR")
}

@Suite("Offline package: JSON")
struct ReportPackageJSONTests {
    let expected = PackageFixture.expectation

    func text() throws -> String { String(decoding: try PackageFixture.package.jsonData(), as: UTF8.self) }

    func problems(_ json: String) -> [PackageProblem] { ReportPackage.parseJSON(Data(json.utf8), expecting: expected).problems }

    @Test func roundTrips() throws {
        let reading = ReportPackage.parseJSON(try PackageFixture.package.jsonData(), expecting: expected)
        #expect(reading == .package(PackageFixture.package))
        #expect(try text().contains(#""exportedAt" : "2026-11-26T13:33:20.250Z""#))
    }

    @Test func malformed() {
        let found = problems("{\n\"template\": \"demo\",\n\"answers\": tru }\n")
        #expect(found.count == 1)
        #expect(found.first?.catalogKey == "error.package.malformed")
        #expect(found.first?.line == 3)
        #expect(problems("[1]").first?.kind == .malformed("not a JSON object"))
        #expect(problems(#"{"template":"demo"}"#).first?.catalogKey == "error.package.malformed")
    }

    @Test func namesQuestionAndLineOfEachProblem() throws {
        let json = """
        {
          "template": "demo", "templateVersion": 2, "party": "FR", "convention": "CBD",
          "exportedAt": "2026-11-25T13:40:00Z",
          "answers": {
            "demo.s1.q1": {"value": {"type": "shortText", "value": "ok"}, "version": 1},
            "demo.s9.q9": {"value": {"type": "shortText", "value": "?"}, "version": 1},
            "demo.s1.q6": {"value": {"type": "shortText", "value": "12"}, "version": 1},
            "demo.s1.q4": {"value": {"type": "singleChoice", "value": "zz"}, "version": 1},
            "demo.s1.q1": {"value": {"type": "shortText", "value": "again"}, "version": 1},
            "demo.s1.q3": {"value": {"type": "yesNo", "value": "maybe"}, "version": 1}
          }
        }
        """
        let found = problems(json)
        #expect(found == [
            PackageProblem(.unknownQuestion, questionID: "demo.s9.q9", line: 6),
            PackageProblem(.wrongType, questionID: "demo.s1.q6", line: 7),
            PackageProblem(.invalidValue(.choiceUnknown("zz")), questionID: "demo.s1.q4", line: 8),
            PackageProblem(.duplicateQuestion, questionID: "demo.s1.q1", line: 9),
            PackageProblem(.wrongType, questionID: "demo.s1.q3", line: 10),
        ])
        #expect(found.map(\.catalogKey) == ["error.package.unknown-question", "error.package.wrong-type", "error.answer.choice-unknown",
                                            "error.package.duplicate-question", "error.package.wrong-type"])
    }

    @Test func wrongTemplateVersionAndParty() throws {
        var package = PackageFixture.package
        package.templateVersion = 1
        package.party = "DE"
        let found = ReportPackage.parseJSON(try package.jsonData(), expecting: expected).problems
        #expect(found.map(\.kind) == [.wrongTemplate(found: "demo v1", expected: "demo v2"), .wrongParty(found: "DE", expected: "FR")])
    }
}

@Suite("Offline package: CSV")
struct ReportPackageCSVTests {
    let expected = PackageFixture.expectation

    @Test func oneRowPerQuestionWithPlainTextForSimpleTypes() throws {
        let csv = try PackageFixture.package.csv(template: PackageFixture.template)
        // Cells a spreadsheet would read as a formula (here the `@` metadata rows) start with an apostrophe.
        #expect(csv.hasPrefix("question_id,section,type,title,value,version\n'@template,,,,demo,\n'@template-version,,,,2,\n'@party,,,,FR,\n"))
        #expect(csv.contains("\ndemo.s1.q1,demo.s1,shortText,Focal point,\"Ana \"\"Focal\"\" Pérez\",3\n"))
        #expect(csv.contains("\ndemo.s1.q3,demo.s1,yesNo,Adopted?,yes,3\n"))
        #expect(csv.contains("\ndemo.s1.q6,demo.s1,number,Area,1234.5,3\n"))
        #expect(csv.contains("\ndemo.s2.q4,demo.s2,progressAssessment,Progress,onTrack,3\n"))
        #expect(csv.contains(#"demo.s1.q5,demo.s1,multipleChoice,Who,"[""y"",""x""]",3"#))
    }

    @Test func roundTrips() throws {
        let csv = try PackageFixture.package.csv(template: PackageFixture.template)
        var exported = PackageFixture.package
        exported.exportedAt = Date(timeIntervalSince1970: 1_795_700_000.25)
        #expect(ReportPackage.parseCSV(csv, expecting: expected) == .package(exported))
    }

    @Test func unansweredQuestionsHaveEmptyCellsAndAreSkipped() throws {
        let partial = ReportPackage.export(template: PackageFixture.template, party: "FR", exportedAt: PackageFixture.exportedAt,
                                           current: PackageFixture.revisions(["demo.s1.q3": .yesNo(false)]))
        let csv = try partial.csv(template: PackageFixture.template)
        #expect(csv.contains("\ndemo.s1.q1,demo.s1,shortText,Focal point,,\n"))
        #expect(ReportPackage.parseCSV(csv, expecting: expected).package?.answers == ["demo.s1.q3": PackageAnswer(value: .yesNo(false), version: 3)])
    }

    @Test func namesQuestionAndLineOfEachProblem() {
        let csv = """
        question_id,section,type,title,value,version
        @template,,,,demo,
        @template-version,,,,2,
        @party,,,,FR,
        @convention,,,,CBD,
        @exported-at,,,,2026-11-25T13:40:00Z,
        demo.s1.q6,demo.s1,number,Area,twelve,1
        demo.s1.q6,demo.s1,number,Area,12,1
        demo.s9.q1,demo.s9,shortText,?,x,1
        demo.s2.q1,demo.s2,date,When,2023-02-29,1
        demo.s1.q5,demo.s1,multipleChoice,Who,"[""x"",""w""]",1
        demo.s2.q5,demo.s2,indicatorSeries,Series,"[{""period"":""2020"",""value"":1},{""period"":""2020"",""value"":2}]",1
        demo.s1.q3,demo.s1,yesNo,Adopted?,yes,one

        """
        let found = ReportPackage.parseCSV(csv, expecting: expected).problems
        #expect(found == [
            PackageProblem(.wrongType, questionID: "demo.s1.q6", line: 7),
            PackageProblem(.duplicateQuestion, questionID: "demo.s1.q6", line: 8),
            PackageProblem(.unknownQuestion, questionID: "demo.s9.q1", line: 9),
            PackageProblem(.invalidValue(.dateInvalid("2023-02-29")), questionID: "demo.s2.q1", line: 10),
            PackageProblem(.invalidValue(.choiceUnknown("w")), questionID: "demo.s1.q5", line: 11),
            PackageProblem(.invalidValue(.seriesPeriodDuplicate("2020")), questionID: "demo.s2.q5", line: 12),
            PackageProblem(.malformed("version is not a whole number"), questionID: "demo.s1.q3", line: 13),
        ])
    }

    @Test func wrongTemplateVersionPartyAndMissingMetadata() throws {
        var package = PackageFixture.package
        package.templateVersion = 3
        package.party = "BR"
        let found = ReportPackage.parseCSV(try package.csv(template: PackageFixture.template), expecting: expected).problems
        #expect(found == [PackageProblem(.wrongTemplate(found: "demo v3", expected: "demo v2"), line: 2),
                          PackageProblem(.wrongParty(found: "BR", expected: "FR"), line: 4)])
        let headerless = ReportPackage.parseCSV("id,value\nx,1\n", expecting: expected).problems
        #expect(headerless.first?.kind == .malformed("header needs question_id, value and version"))
        let noMeta = ReportPackage.parseCSV("question_id,value,version\ndemo.s1.q3,yes,1\n", expecting: expected).problems
        #expect(noMeta.first?.catalogKey == "error.package.malformed")
    }
}

@Suite("Offline package: diff")
struct PackageDiffTests {
    @Test func listsChangesAndFlagsOnlineEdits() {
        var package = PackageFixture.package
        package.answers["demo.s1.q6"] = PackageAnswer(value: .number(99), version: 3)
        package.answers["demo.s1.q1"] = PackageAnswer(value: .shortText("New"), version: 3)
        package.answers["demo.s2.q1"] = PackageAnswer(value: .date("2025-01-01"), version: 0)
        package.answers.removeValue(forKey: "demo.s1.q2")
        var current = PackageFixture.revisions()
        current["demo.s1.q1"]?.version = 4
        current["demo.s1.q1"]?.value = .shortText("Changed online")
        current.removeValue(forKey: "demo.s2.q1")
        let changes = PackageDiff.diff(package: package, current: current, template: PackageFixture.template)
        #expect(changes.map(\.questionID) == ["demo.s1.q1", "demo.s1.q6", "demo.s2.q1"])
        #expect(changes.map(\.changedOnlineSinceDownload) == [true, false, false])
        #expect(changes[0].before == .shortText("Changed online") && changes[0].after == .shortText("New"))
        #expect(changes[1].before == .number(1234.5) && changes[1].currentVersion == 3 && changes[1].sectionID == "demo.s1")
        #expect(changes[2].before == nil && changes[2].currentVersion == 0)
    }

    @Test func anUnchangedPackageHasNoChanges() {
        #expect(PackageDiff.diff(package: PackageFixture.package, current: PackageFixture.revisions(), template: PackageFixture.template).isEmpty)
    }
}

