import Fluent
import Foundation
import SynergiaCore

/// The search documents of each kind of published content, and the source each belongs to.
/// Built from what the write that publishes them has in hand; links come from ``SiteURL``.
enum SearchDocuments {
    // MARK: Shipped reference data

    static let referenceSource = "reference"
    static let registriesSource = "registries"

    /// Conventions, framework goals and targets, and Parties: one document per language a text exists in.
    static func reference(_ data: ReferenceData) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for convention in data.conventions {
            for (language, name) in convention.names.values.sorted(by: { $0.key < $1.key }) {
                documents.append(SearchDocument(kind: .convention, path: SiteURL.convention(convention.code).path, title: name,
                                                body: [convention.shortName, convention.governingBody.values[language]].compactMap { $0 }.joined(separator: " · "),
                                                language: language, convention: convention.code, year: convention.entryIntoForce.value,
                                                group: "convention:\(convention.code)"))
            }
        }
        for framework in data.frameworks {
            for target in framework.targets {
                for (language, title) in target.title.values.sorted(by: { $0.key < $1.key }) {
                    let name = framework.names.values[language] ?? framework.names.english
                    documents.append(SearchDocument(kind: .target, path: SiteURL.frameworkTarget(framework.code, target: target.code).path,
                                                    title: "\(name) · \(target.code). \(title)", body: target.text?.values[language] ?? "",
                                                    language: language, convention: framework.convention, year: framework.period?.from,
                                                    group: "target:\(framework.code):\(target.code)"))
                }
            }
        }
        for party in data.parties {
            for (language, name) in party.names.values.sorted(by: { $0.key < $1.key }) {
                documents.append(SearchDocument(kind: .party, path: SiteURL.party(party.alpha2).path, title: name,
                                                body: [party.alpha2, party.alpha3.value].compactMap { $0 }.joined(separator: " "),
                                                language: language, group: "party:\(party.alpha2)"))
            }
        }
        return documents
    }

    /// The indicator registry and the cooperation registry.
    static func registries(_ indicators: IndicatorRegistry, _ cooperation: CooperationRegistry) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for indicator in indicators.indicators {
            for (language, name) in indicator.name.values.sorted(by: { $0.key < $1.key }) {
                let definition = indicator.definition.value?.values[language] ?? ""
                documents.append(SearchDocument(kind: .indicator, path: SiteURL.indicator(indicator.code).path, title: "\(indicator.code) \(name)",
                                                body: [definition, indicator.custodian.value].compactMap { $0 }
                                                    .filter { !$0.isEmpty }.joined(separator: " · "),
                                                language: language, group: "indicator:\(indicator.code)"))
            }
        }
        for initiative in cooperation.initiatives {
            documents.append(SearchDocument(kind: .cooperation, path: SiteURL.cooperationEntry(initiative.id).path, title: initiative.title,
                                            body: ([initiative.scope] + initiative.parties + initiative.decisionParagraphs).joined(separator: " · "),
                                            language: "en", year: initiative.start.value.flatMap { Int($0.prefix(4)) }))
        }
        for organization in cooperation.organizations {
            documents.append(SearchDocument(kind: .cooperation, path: SiteURL.cooperationEntry("organizations").path, title: organization.name,
                                            body: organization.code, language: "en"))
        }
        return documents
    }

    // MARK: Decisions

    static func decisionSource(_ id: UUID) -> String { "decision:\(id.uuidString)" }

    /// Every paragraph of one language version of a decision, and what it asks of whom.
    static func decision(_ row: DecisionModel, parsed: ParsedDecision, items: [ActionItemModel]) throws -> [SearchDocument] {
        let year = parsed.meeting?.startDate.flatMap { Int($0.prefix(4)) }
        let heading = [row.symbol, row.title].compactMap { $0 }.joined(separator: " · ")
        var documents: [SearchDocument] = []
        for paragraph in parsed.paragraphs {
            let body = ([paragraph.text] + paragraph.subparagraphs.map { "\($0.label) \($0.text)" }).joined(separator: "\n")
            let path = paragraph.number.map { SiteURL.decisionParagraphIn(row.slug, language: row.language, paragraph: $0).path }
                ?? SiteURL.decisionVersion(row.slug, language: row.language).path
            documents.append(SearchDocument(kind: .decision, path: path,
                                            title: paragraph.number.map { "\(row.symbol) ¶\($0) · \(row.title ?? "")" } ?? heading,
                                            body: body, language: row.language, convention: row.conventionCode, year: year,
                                            group: paragraph.number.map { "decision:\(row.conventionCode):\(row.symbol):\($0)" }))
        }
        for item in items {
            let paragraph = "¶\(item.paragraph)" + (item.subparagraph.map { " (\($0))" } ?? "")
            documents.append(SearchDocument(kind: .action, path: SiteURL.decisionItem(row.slug, language: row.language, item: try item.requireID()).path,
                                            title: "\(row.symbol) \(paragraph) · \(item.addressee)", body: item.text,
                                            language: row.language, convention: row.conventionCode, year: year))
        }
        return documents
    }

    // MARK: News and meetings

    static func newsSource(_ id: UUID) -> String { "news:\(id.uuidString)" }

    /// A news item as written, and in each language its title is translated into (the same page: it
    /// shows the reader's language), the versions sharing a group so a result is shown beside the reader's.
    static func news(_ item: NewsItemModel, translations: FieldTranslations = [:]) throws -> [SearchDocument] {
        let id = try item.requireID()
        let path = SiteURL.newsItem(id).path, group = newsSource(id)
        let year = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: item.publishedAt).year
        return [SearchDocument(kind: .news, path: path, title: item.title, body: item.summary, language: item.language,
                               convention: item.conventionCode, year: year, group: group)]
            + translated(translations, fields: ("title", "summary"), original: item.language).map { language, title, summary in
                SearchDocument(kind: .news, path: path, title: title, body: summary ?? "", language: language.code,
                               convention: item.conventionCode, year: year, group: group)
            }
    }

    /// Each language other than the original's that the first of `fields` (the title) is translated
    /// into, with that title and the second field's translation (nil: not translated), in a stable
    /// order. A version holds only text in its language: none is made of a translated body alone.
    static func translated(_ translations: FieldTranslations, fields: (String, String), original: String?) -> [(Language, String, String?)] {
        (translations[fields.0] ?? [:]).filter { $0.key.code != original }.sorted { $0.key < $1.key }.map { language, title in
            (language, title, translations[fields.1]?[language])
        }
    }

    static func meetingSource(_ code: String) -> String { "meeting:\(code)" }

    /// A meeting with its place, agenda and documents, as one document; and its title and description
    /// in each language they are translated into (the same page: it shows the reader's language).
    static func meeting(_ meeting: MeetingModel, agenda: [AgendaItemModel], documents: [MeetingDocumentModel],
                        translations: FieldTranslations = [:]) -> [SearchDocument] {
        let body = ([meeting.place, meeting.description.isEmpty ? nil : meeting.description].compactMap { $0 }
                    + agenda.sorted { $0.position < $1.position }.map { "\($0.number). \($0.title)" }
                    + documents.map { [$0.symbol, $0.title].compactMap { $0 }.joined(separator: " ") }).joined(separator: "\n")
        let path = SiteURL.meeting(meeting.code).path, year = Int(meeting.startDate.prefix(4)), group = meetingSource(meeting.code)
        let language = meeting.language ?? SearchLanguage.detect(meeting.title + " " + meeting.description)
        return [SearchDocument(kind: .meeting, path: path, title: meeting.title, body: body, language: language,
                               convention: meeting.conventionCode, year: year, group: group)]
            + translated(translations, fields: ("title", "description"), original: language).map { translation, title, description in
                SearchDocument(kind: .meeting, path: path, title: title, body: description ?? "",
                               language: translation.code, convention: meeting.conventionCode, year: year, group: group)
            }
    }

    // MARK: Published reports

    /// One source per Party and cycle: a later published version replaces what an earlier one stated.
    static func reportSource(cycle: UUID, party: String) -> String { "report:\(cycle.uuidString):\(party)" }

    /// The documents of `report`, published in `cycle`, named by its Party's English name.
    static func publishedReport(_ report: ReportModel, cycle: ReportingCycleModel, template: ReportTemplate,
                                answers: [String: ReportingService.CurrentAnswer], on db: any Database) async throws -> [SearchDocument] {
        let name = try await PartyModel.query(on: db).filter(\.$alpha2 == report.partyCode).first()?.nameEnglish ?? report.partyCode
        return try Self.report(report, template: template, answers: answers, partyName: name, year: Int(cycle.dueOn.prefix(4)))
    }

    /// The written answers of a published report (text, and the text cells of tables), each in the
    /// language it was written in (else the one it reads as); each translation of a text too, in its
    /// language (the report shows a reader their language's version where there is one).
    static func report(_ report: ReportModel, template: ReportTemplate, answers: [String: ReportingService.CurrentAnswer], partyName: String,
                       year: Int?) throws -> [SearchDocument] {
        let reportID = try report.requireID()
        return template.questions.flatMap { question -> [SearchDocument] in
            guard let value = answers[question.id]?.revision.value else { return [] }
            let path = SiteURL.reportQuestion(reportID, question: question.id).path
            return versions(of: value).compactMap { version in
                let text = version.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { return nil }
                let language = version.language?.code ?? SearchLanguage.detect(text)
                let templateTitle = template.title.values[language] ?? template.title.english
                return SearchDocument(kind: .answer, path: path,
                                      title: "\(partyName) · \(templateTitle) · \(question.title.values[language] ?? question.title.english)", body: text,
                                      language: language, convention: template.convention, year: year)
            }
        }
    }

    /// An answer's texts: a text as written and each of its translations, anything else as one text.
    static func versions(of value: AnswerValue) -> [(text: String, language: Language?, translated: Bool)] {
        guard let written = value.writtenText else { return [(text(of: value), nil, false)] }
        return [(written.text, written.language, false)]
            + Language.unOrder.compactMap { language in
                guard language != written.language, let text = written.translations?[language] else { return nil }
                return (text, language, true)
            }
    }

    /// The words of an answer a reader could search for.
    static func text(of value: AnswerValue) -> String {
        switch value {
        case .shortText(let written), .longText(let written): written.text
        case .table(let rows): rows.flatMap { row in row.keys.sorted().compactMap { row[$0].map(text(of:)) } }.filter { !$0.isEmpty }.joined(separator: " · ")
        default: ""
        }
    }
}
