import Fluent
import SynergiaCore

extension ReportCheck {
    /// The check of `report`, from what its page shows the reader (the comments only to those who
    /// may read them), in the template's order: each question's problem, then its comments.
    static func query(_ report: ReportPage.Model, template: ReportTemplate) -> Model {
        let answers = Dictionary(report.answers.map { ($0.question, $0.value) }, uniquingKeysWith: { first, _ in first })
        let problems = Dictionary(grouping: SubmissionCheck.problems(template: template, answers: answers,
                                                                     nationalTargets: NationalTargetsInReport.coverage(report.nationalTargets)),
                                  by: \.question)
        let comments = Dictionary(grouping: report.comments, by: \.question)
        let mayChange = Dictionary(report.nationalTargets.map { ($0.code, $0.mayChange ?? false) }, uniquingKeysWith: { first, _ in first })
        var items: [Item] = []
        for section in template.sections {
            for question in section.questions {
                for problem in problems[question.id] ?? [] {
                    let kind: Item.Kind = if case .missing = problem { .missing } else { .invalid }
                    items.append(Item(kind: kind, section: section.id, question: question.id, message: problem.catalogKey,
                                      nationalTarget: problem.nationalTarget,
                                      mayChangeTarget: problem.nationalTarget.map { code in mayChange[code] == true }))
                }
                for comment in comments[question.id] ?? [] {
                    items.append(Item(kind: .comment, section: section.id, question: question.id, author: comment.author, text: comment.text))
                }
            }
        }
        return Model(report: report.id, party: report.party, partyNames: report.partyNames, status: report.status, items: items)
    }
}
