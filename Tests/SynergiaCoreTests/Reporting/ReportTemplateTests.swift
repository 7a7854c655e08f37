import Foundation
import Testing
@testable import SynergiaCore

@Suite("Report templates")
struct ReportTemplateTests {
    let templates: [ReportTemplate]
    let elements: [SharedElement]

    init() throws {
        templates = try ReportTemplates.load()
        elements = try ReportTemplates.loadElements()
    }

    func template(_ id: String) throws -> ReportTemplate { try #require(templates.first { $0.id == id }) }

    @Test func shipsFiveValidTemplates() {
        #expect(templates.map(\.id) == ["cbd-6nr", "cbd-7nr", "cites-air", "cms-nr", "ramsar-nr-cop15"])
        #expect(ReportTemplates.validate(templates, elements: elements).isEmpty)
        #expect(Set(templates.map(\.convention)) == ["CBD", "RAMSAR", "CITES", "CMS"])
    }

    @Test func everyTemplateHasATitleInAnotherUNLanguage() {
        for template in templates {
            #expect(template.title.values.keys.contains { ["fr", "es", "zh", "ar", "ru"].contains($0) }, "\(template.id)")
            for section in template.sections {
                #expect(section.title.values.count >= 2, "\(section.id)")
            }
        }
    }

    @Test("every unit a template uses has a name and a way to say a value in it, in the catalogs (so in the six languages)")
    func unitsNamed() throws {
        let english = try Catalogs.load()[.english]
        let units = Set(templates.flatMap(\.questions).compactMap(\.unit))
        #expect(units.count >= 5)
        for unit in units.sorted() {
            #expect(english.keys.contains("unit.\(unit)") && english.keys.contains("unit.\(unit).value"), "\(unit)")
        }
    }

    @Test("every text of every template and shared element (titles, help, choices, columns) is in the six languages, with the English placeholders")
    func everyTextInSixLanguages() {
        var missing: [String] = []
        func check(_ text: LocalizedText?, _ place: String) {
            guard let text else { return }
            let english = text.values["en"] ?? ""
            for language in Language.allCases {
                let value = text.values[language.code] ?? ""
                if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    missing.append("\(place) [\(language.code)]")
                } else if LanguageTests.placeholders(value) != LanguageTests.placeholders(english) {
                    missing.append("\(place) [\(language.code)]: placeholders differ")
                }
            }
        }
        for template in templates {
            check(template.title, template.id)
            check(template.cycle, "\(template.id) cycle")
            for section in template.sections {
                check(section.title, section.id)
                for question in section.questions {
                    check(question.title, question.id)
                    check(question.help, "\(question.id) help")
                    for choice in question.choices ?? [] { check(choice.label, "\(question.id) choice \(choice.id)") }
                    for column in question.columns ?? [] { check(column.title, "\(question.id) column \(column.id)") }
                }
            }
        }
        for element in elements { check(element.title, "element \(element.id)") }
        #expect(missing.isEmpty, "\(missing.count) texts missing: \(missing.prefix(10))")
    }

    @Test("indicator-series questions bound to an indicator name a registry indicator")
    func indicatorBindingsAreInTheRegistry() throws {
        let registry = try IndicatorRegistry.load()
        let bound = templates.flatMap(\.questions).filter { $0.indicator != nil }
        #expect(bound.count >= 5)
        for question in bound {
            #expect(question.type == .indicatorSeries, "\(question.id)")
            #expect(registry.indicator(code: question.indicator!) != nil, "\(question.id): \(question.indicator!)")
        }
        #expect(try template("cbd-7nr").question("cbd-7nr.s3.q3")?.indicator == "A.3")
    }

    @Test func sizesAreInRange() throws {
        #expect(try template("cbd-7nr").questions.count >= 60)
        #expect(try template("cbd-6nr").questions.count >= 50)
        #expect(try template("ramsar-nr-cop15").questions.count >= 40)
        for template in templates { #expect((20...200).contains(template.questions.count), "\(template.id)") }
    }

    @Test func seventhReportHasAnAssessmentAndANarrativePerGBFTarget() throws {
        // The report's own sections (the binary indicator questionnaire, a part, has its own test).
        let questions = try template("cbd-7nr").sections.filter { $0.part == nil }.flatMap(\.questions)
        for code in 1...23 {
            let onTarget = questions.filter { $0.target == TargetReference(framework: "KMGBF", code: String(code)) }
            #expect(onTarget.map(\.type) == [.progressAssessment, .longText], "target \(code)")
        }
        #expect(questions.filter { $0.type == .progressAssessment }.count == 23)
    }

    @Test func sixthReportCoversTheTwentyAichiTargets() throws {
        let assessed = try template("cbd-6nr").questions.filter { $0.type == .progressAssessment }
        #expect(assessed.compactMap(\.target?.code) == (1...20).map(String.init))
        #expect(assessed.allSatisfy { $0.target?.framework == "SP2011" })
    }

    @Test func cbdAndRamsarShareElements() throws {
        let cbd = Set(try template("cbd-7nr").questions.compactMap(\.element))
        let ramsar = Set(try template("ramsar-nr-cop15").questions.compactMap(\.element))
        #expect(cbd.intersection(ramsar).isSuperset(of: ["national-focal-point", "protected-area-coverage", "wetland-area"]))
    }

    @Test func everySharedElementIsUsedByTwoTemplatesWithItsType() {
        #expect(Set(elements.map(\.id)) == ["nbsap-adopted-date", "national-focal-point", "protected-area-coverage",
                                            "wetland-area", "national-biodiversity-legislation", "species-trade-legislation"])
        for element in elements {
            let users = templates.filter { $0.questions.contains { $0.element == element.id } }
            #expect(users.count >= 2, "\(element.id)")
            for question in templates.flatMap(\.questions) where question.element == element.id {
                #expect(question.type == element.type)
            }
        }
        #expect(templates.allSatisfy { $0.questions.contains { $0.element == "national-focal-point" } })
    }

    @Test func questionJSONRoundTripsAndOmitsUnusedKeys() throws {
        let question = try #require(try template("cbd-7nr").question("cbd-7nr.s1.q1"))
        let data = try JSONEncoder().encode(question)
        #expect(try JSONDecoder().decode(TemplateQuestion.self, from: data) == question)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["choices"] == nil && object["columns"] == nil)
        #expect(object["element"] as? String == "national-focal-point")
    }
}

@Suite("Template validation")
struct TemplateValidationTests {
    let elements = [SharedElement(id: "wetland-area", title: LocalizedText(english: "Wetland area"), type: .number)]

    func template(_ questions: [TemplateQuestion], id: String = "t") -> ReportTemplate {
        ReportTemplate(id: id, version: 1, convention: "CBD", title: LocalizedText(english: "T"), cycle: LocalizedText(english: "c"),
                       sections: [TemplateSection(id: "\(id).s1", title: LocalizedText(english: "S"), questions: questions)])
    }

    func q(_ id: String, _ type: QuestionType, choices: [TemplateChoice]? = nil, columns: [TemplateColumn]? = nil,
           element: String? = nil) -> TemplateQuestion {
        TemplateQuestion(id: id, type: type, title: LocalizedText(english: id), choices: choices, columns: columns, element: element)
    }

    func reasons(_ templates: [ReportTemplate]) -> [String] {
        ReportTemplates.validate(templates, elements: elements).map(\.reason)
    }

    @Test func validTemplatePasses() {
        let ok = template([q("a", .number, element: "wetland-area"),
                           q("b", .singleChoice, choices: [TemplateChoice(id: "x", label: LocalizedText(english: "X"))])])
        #expect(reasons([ok]).isEmpty)
    }

    @Test func findsDuplicateQuestionIDsAcrossTemplates() {
        #expect(reasons([template([q("a", .date)]), template([q("a", .date)], id: "u")]) == ["duplicate id"])
        #expect(reasons([template([q("a", .date), q("a", .date)])]) == ["duplicate id"])
        #expect(reasons([template([q("a", .date)]), template([q("b", .date)])]).contains("duplicate template id"))
    }

    @Test func findsChoiceAndTableDefects() {
        #expect(reasons([template([q("a", .multipleChoice, choices: [])])]) == ["choice question without choices"])
        #expect(reasons([template([q("a", .singleChoice)])]) == ["choice question without choices"])
        #expect(reasons([template([q("a", .table)])]) == ["table without columns"])
        let nested = TemplateColumn(id: "c", title: LocalizedText(english: "C"), type: .table)
        #expect(reasons([template([q("a", .table, columns: [nested])])]) == ["column c has type table, not a cell type"])
    }

    @Test func findsMisplacedIndicators() {
        var numberWithIndicator = q("a", .number)
        numberWithIndicator.indicator = "3.1"
        #expect(reasons([template([numberWithIndicator])]) == ["indicator on a number question"])
        var both = q("b", .indicatorSeries)
        both.indicator = "3.1"
        both.element = "wetland-area"
        #expect(reasons([template([both])]).contains("both an element and an indicator"))
    }

    @Test func findsUnknownOrMistypedElements() {
        #expect(reasons([template([q("a", .number, element: "forest-area")])]) == ["unknown element forest-area"])
        #expect(reasons([template([q("a", .longText, element: "wetland-area")])]) == ["element wetland-area is number, question is longText"])
    }
}
