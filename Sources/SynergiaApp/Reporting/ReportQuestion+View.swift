import Foundation
import Plot
import SynergiaCore

extension ReportPage {
    /// One question of the report page: its answer and where it comes from, linked answers of
    /// the Party's other reports, a conflict or error from the last save, the form, comments.
    enum QuestionView {
        static func render(_ page: PageContext, _ model: Model, _ question: TemplateQuestion, answer: Model.Answer?, comments: [Model.Comment],
                           conflict: (mine: AnswerValue, theirs: AnswerRevision)?, error: String?) -> Node<HTML.BodyContext> {
            let id = question.id.attributeEscaped
            return .div(
                .class("question"), .id("q-\(id)"),
                .h3(.id("t-\(id)"), page.name(question.title), .if(question.required, .escapedText(" *"))),
                .unwrap(question.help) { .p(.class("note"), page.name($0)) },
                linked(page, model.linked[question.id] ?? []),
                .unwrap(question.indicator) { code in
                    .p(.class("note"), page.text("reporting.indicator-data"), .escapedText(" "), .a(.href(SiteURL.indicator(code).path), .escapedText(code)))
                },
                .unwrap(answer) { answer in
                    .group(
                        .p(.class("answer"), .escapedText(AnswerForm.formText(answer.value)), .escapedText(question.unit.map { " \($0)" } ?? "")),
                        .unwrap(answer.reusedFrom) { _ in
                            .p(.class("reused"), .strong(page.text("reporting.reused")), .escapedText(" "),
                               page.text("reporting.reused-from", ["report": answer.reusedFromTitle ?? "", "author": answer.author]))
                        },
                        .if(answer.detached, .p(.class("note"), page.text("reporting.detached"))))
                },
                .unwrap(conflict) { mine, theirs in
                    .div(.class("alert"), .attribute(named: "role", value: "alert"),
                         .p(page.text("reporting.conflict", ["author": theirs.author])),
                         .p(.strong(page.text("reporting.theirs")), .escapedText(" " + AnswerForm.formText(theirs.value))),
                         .p(.strong(page.text("reporting.mine")), .escapedText(" " + AnswerForm.formText(mine))),
                         .form(.method(.post), .action(SiteURL.reportAnswer(model.id, question: question.id).path), Layout.csrfField(page),
                               .input(.type(.hidden), .name("value"), .value(AnswerForm.formText(mine).attributeEscaped)),
                               .input(.type(.hidden), .name("baseVersion"), .value("\(theirs.version)")),
                               .button(.type(.submit), page.text("reporting.keep-mine"))),
                         .p(.a(.href(SiteURL.reportQuestion(model.id, question: question.id).path), page.text("reporting.keep-theirs"))))
                },
                .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), page.text($0)) },
                .if(model.actions.canEdit, .group(
                    .form(.method(.post), .action(SiteURL.reportAnswer(model.id, question: question.id).path), Layout.csrfField(page),
                          .input(.type(.hidden), .name("baseVersion"), .value("\(answer?.version ?? 0)")),
                          input(page, question: question, id: "v-\(id)", value: answer?.value),
                          .button(.type(.submit), .id("save-\(id)"), page.text("actions.save"))),
                    .if(question.element != nil && answer != nil && answer?.detached != true,
                        .form(.class("inline"), .method(.post), .action(SiteURL.reportDetach(model.id, question: question.id).path), Layout.csrfField(page),
                              .button(.type(.submit), page.text("reporting.detach")))))),
                .if(!comments.isEmpty, .ul(.class("comments"), .forEach(comments) { comment in
                    .li(.strong(.escapedText(comment.author)), .escapedText(": "), .escapedText(comment.text))
                })))
        }

        /// The targets linked to the question's target by a crosswalk, and the Party's answers on them.
        static func linked(_ page: PageContext, _ linked: [Model.Linked]) -> Node<HTML.BodyContext> {
            .if(!linked.isEmpty, .div(.class("linked"),
                .p(.strong(page.text("crosswalks.linked")), .escapedText(" "), .forEach(linked) { link in
                    .group(page.text("crosswalks.relation.\(link.relation)"), .escapedText(" "), Links.target(page, link.target), .escapedText(" "))
                }),
                .ul(.forEach(linked.flatMap(\.answers)) { answer in
                    .li(.a(.href(SiteURL.reportQuestion(answer.report, question: answer.question).path), page.name(answer.template)),
                        .escapedText(" — "), page.name(answer.questionTitle), .escapedText(": "),
                        .span(.class("answer"), .escapedText(AnswerForm.formText(answer.value))))
                })))
        }

        /// The control for the question's type, named by the question's heading (no second copy of the title in a label).
        static func input(_ page: PageContext, question: TemplateQuestion, id: String, value: AnswerValue?) -> Node<HTML.FormContext> {
            let current = value.map(AnswerForm.formText) ?? ""
            let heading = "t-\(question.id)".attributeEscaped
            switch question.type {
            case .yesNo:
                return .select(.id(id), .attribute(named: "aria-labelledby", value: heading), .attribute(named: "name", value: "value"),
                               Layout.options([("", "—"), ("yes", page.t("common.yes")), ("no", page.t("common.no"))], selected: current))
            case .singleChoice:
                return .select(.id(id), .attribute(named: "aria-labelledby", value: heading), .attribute(named: "name", value: "value"),
                               Layout.options([("", "—")] + (question.choices ?? []).map { ($0.id, $0.label.resolved(in: page.language).text) }, selected: current))
            case .progressAssessment:
                return .select(.id(id), .attribute(named: "aria-labelledby", value: heading), .attribute(named: "name", value: "value"),
                               Layout.options([("", "—")] + ProgressRating.allCases.map { ($0.rawValue, page.t("progress.\($0.rawValue)")) }, selected: current))
            case .multipleChoice:
                let chosen: Set<String> = { if case .multipleChoice(let ids)? = value { return Set(ids) }; return [] }()
                return .fieldset(.attribute(named: "aria-labelledby", value: heading), .forEach(question.choices ?? []) { choice in
                    .label(.input(.type(.checkbox), .name("values[]"), .value(choice.id.attributeEscaped), .checked(chosen.contains(choice.id))),
                           .escapedText(" " + choice.label.resolved(in: page.language).text))
                })
            case .number:
                return .input(.type(.text), .id(id), .attribute(named: "aria-labelledby", value: heading), .name("value"), .value(current.attributeEscaped),
                              .attribute(named: "inputmode", value: "decimal"))
            case .date:
                return .input(.type(.date), .id(id), .attribute(named: "aria-labelledby", value: heading), .name("value"), .value(current.attributeEscaped))
            case .shortText, .link:
                return .input(.type(.text), .id(id), .attribute(named: "aria-labelledby", value: heading), .name("value"), .value(current.attributeEscaped))
            case .longText, .table, .indicatorSeries:
                return .textarea(.id(id), .attribute(named: "aria-labelledby", value: heading), .name("value"), .rows(8), .escapedText(current))
            }
        }
    }
}
