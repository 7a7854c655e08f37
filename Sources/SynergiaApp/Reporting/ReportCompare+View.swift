import Plot
import SynergiaCore

extension ReportCompare {
    enum View {
        static func render(_ page: PageContext, _ model: Model, template: ReportTemplate) -> String {
            Layout.render(page, title: page.t("report.compare"), main: [
                .h1(page.name(template.title), .escapedText(" — \(model.party)")),
                .table(.class("compare"),
                       .thead(.tr(.th(page.text("package.question")), .th(.escapedText("v\(model.left.version)")), .th(.escapedText("v\(model.right.version)")))),
                       .tbody(.forEach(template.questions) { question in
                           let a = model.left.answers[question.id], b = model.right.answers[question.id]
                           return .tr(.class(a == b ? "" : "changed"),
                                      .th(.attribute(named: "scope", value: "row"), page.name(question.title)),
                                      .td(.escapedText(a.map(AnswerForm.formText) ?? "—")), .td(.escapedText(b.map(AnswerForm.formText) ?? "—")))
                       })),
            ])
        }
    }
}
