import Foundation
import Plot
import SynergiaCore

/// Cycles, the Party's reports, published reports, and the secretariat's form to open a cycle.
enum ReportingOverviewView {
    static func render(_ page: PageContext, cycles: [ReportingCycleModel], myReports: [ReportModel], published: [ReportModel],
                       templates: ReportingService.Templates, actor: Actor) -> String {
        let mine = Dictionary(myReports.map { ($0.$cycle.id, $0) }, uniquingKeysWith: { $0.version > $1.version ? $0 : $1 })
        let openable = templates.byID.values.filter { AuthorizationPolicy.permits(actor, .manageReportingCycles(convention: $0.convention)) }
            .sorted { $0.id < $1.id }
        return Layout.render(page, title: page.t("reporting.title"), main: [
            .h1(page.text("reporting.title")),
            .p(page.text("reporting.lead"), .escapedText(" "), .a(.href("/synergy"), page.text("synergy.title"))),
            .h2(page.text("reporting.cycles")),
            .if(cycles.isEmpty, .p(page.text("reporting.no-cycles")), else: .table(
                .thead(.tr(.th(page.text("meetings.meeting-title")), .th(page.text("parties.convention")), .th(page.text("reporting.due")),
                           .th(page.text("actions.status")), .th(page.text("reporting.my-report")))),
                .tbody(.forEach(cycles) { cycle in
                    .tr(.id("cycle-\(cycle.templateID)".attributeEscaped), .td(.escapedText(cycle.title)), .td(.escapedText(cycle.conventionCode)), .td(.escapedText(cycle.dueOn)),
                        .td(page.text("reporting.cycle-\(cycle.status.rawValue)")),
                        .td(myReport(page, cycle: cycle, report: cycle.id.flatMap { mine[$0] }, actor: actor)))
                })
            )),
            .if(!published.isEmpty, .group(
                .h2(page.text("reporting.published")),
                .ul(.forEach(published) { report in
                    .li(.a(.href("/reports/\(report.id!)"), .escapedText("\(report.partyCode) — \(report.cycle.title) (v\(report.version))")))
                })
            )),
            .if(!openable.isEmpty, .group(
                .h2(page.text("reporting.open-cycle")),
                .form(.method(.post), .action("/reporting/cycles"), Layout.csrfField(page),
                      .div(.class("field"), .label(.for("template"), page.text("reporting.template")),
                           .select(.id("template"), .attribute(named: "name", value: "template"),
                                   Layout.options(openable.map { ($0.id, "\($0.convention): \($0.title.english) (v\($0.version))") }, selected: nil))),
                      Layout.field(page, name: "title", labelKey: "meetings.meeting-title", required: false),
                      Layout.field(page, name: "opensOn", labelKey: "reporting.opens", type: .date),
                      Layout.field(page, name: "dueOn", labelKey: "reporting.due", type: .date),
                      .button(.type(.submit), page.text("reporting.open-cycle")))
            )),
        ])
    }

    static func myReport(_ page: PageContext, cycle: ReportingCycleModel, report: ReportModel?, actor: Actor) -> Node<HTML.BodyContext> {
        if let report { return .a(.href("/reports/\(report.id!)"), page.text("report.status.\(report.status.rawValue)")) }
        guard cycle.status == .open, let party = actor.party,
              AuthorizationPolicy.permits(actor, .startReport(party: party, convention: cycle.conventionCode)) else { return .escapedText("—") }
        return .form(.method(.post), .action("/reporting/cycles/\(cycle.id!)/reports"), Layout.csrfField(page),
                     .button(.type(.submit), page.text("reporting.start")))
    }
}

/// A report: its questions by section, answers with their provenance (reused from another
/// convention's report), forms to answer, detach and move the workflow, and the receipt.
enum ReportView {
    static func render(_ page: PageContext, report: ReportModel, cycle: ReportingCycleModel, template: ReportTemplate,
                       answers: [String: ReportingService.CurrentAnswer], sourceNames: [UUID: String], canEdit: Bool,
                       canAmend: Bool, versions: [ReportModel], collaboration: Collaboration, transitions: [ReportStatus], conflict: (String, AnswerValue, AnswerRevision)?, error: (String, String)?,
                       submission: [SubmissionProblem] = [], linked: [String: [LinkedAnswers.Linked]] = [:]) -> String {
        let base = "/reports/\(report.id!)"
        let required = template.questions.filter(\.required)
        return Layout.render(page, title: "\(report.partyCode) — \(template.title.english)", main: [
            .h1(page.name(template.title), .escapedText(" — "), .a(.href("/parties/\(report.partyCode)"), .escapedText(report.partyCode))),
            .dl(.dt(page.text("actions.status")), .dd(.strong(.id("report-status"), page.text("report.status.\(report.status.rawValue)"))),
                .dt(page.text("reporting.version")), .dd(.escapedText("\(report.version)")),
                .dt(page.text("reporting.due")), .dd(.escapedText(cycle.dueOn)),
                .dt(page.text("reporting.completeness")),
                .dd(.escapedText("\(required.filter { answers[$0.id] != nil }.count) / \(required.count)"))),
            .if(!submission.isEmpty, .section(.id("submission-problems"), .class("alert"), .attribute(named: "role", value: "alert"),
                .h2(page.text("error.submission.incomplete")),
                .ul(.forEach(submission) { problem in
                    .li(.a(.href("#q-\(SiteURL.fragment(problem.question))"),
                           .unwrap(template.question(problem.question)) { page.name($0.title) }),
                        .escapedText(": "), page.text(problem.catalogKey))
                }))),
            .unwrap(report.receiptSHA256) { hash in
                .section(.id("receipt"), .class("notice"),
                         .h2(page.text("reporting.receipt")),
                         .p(page.text("reporting.receipt-text", ["time": ISO8601DateFormatter().string(from: report.submittedAt ?? Date())])),
                         .p(.code(.id("receipt-sha256"), .escapedText(hash))))
            },
            .if(canAmend, .form(.class("inline"), .method(.post), .action("\(base)/amend"), Layout.csrfField(page),
                                .button(.type(.submit), .id("amend"), page.text("report.amend")))),
            .if(!versions.isEmpty, .p(page.text("report.versions"), .escapedText(" "), .forEach(versions) { other in
                .group(.a(.href("/reports/\(other.id!)"), .escapedText("v\(other.version)")), .escapedText(" ("),
                       .a(.href("\(base)/compare?with=\(other.id!)"), page.text("report.compare")), .escapedText(") "))
            })),
            .if(!transitions.isEmpty, .div(.class("workflow"), .forEach(transitions) { status in
                .form(.class("inline"), .method(.post), .action("\(base)/transition"), Layout.csrfField(page),
                      .input(.type(.hidden), .name("to"), .value(status.rawValue)),
                      .button(.type(.submit), .id("to-\(status.rawValue)"), page.text("report.to.\(status.rawValue)")))
            })),
            .section(.class("offline"),
                     .h2(page.text("package.download")),
                     .p(.a(.href("\(base)/package.json"), page.text("package.download-json")), .escapedText(" · "),
                        .a(.href("\(base)/package.csv"), page.text("package.download-csv")), .escapedText(" · "),
                        .a(.href("\(base)/print"), page.text("report.print")), .escapedText(" · "),
                        .a(.href("\(base)/report.pdf"), page.text("report.pdf"))),
                     .if(canEdit, .form(.method(.post), .action("\(base)/package"), .enctype(.multipartData), Layout.csrfField(page),
                                        .label(.for("package-file"), page.text("package.upload")),
                                        .input(.type(.file), .id("package-file"), .name("package"), .attribute(named: "accept", value: ".json,.csv")),
                                        .button(.type(.submit), page.text("package.preview"))))),
            .forEach(template.sections) { section in
                .section(.id("s-\(section.id)".attributeEscaped),
                         .h2(page.name(section.title)),
                         .p(.class("note"), page.text("reporting.section-completeness", [
                            "answered": "\(section.questions.filter { $0.required && answers[$0.id] != nil }.count)",
                            "required": "\(section.questions.filter(\.required).count)"]),
                            .unwrap(collaboration.assignments[section.id]) { .group(.escapedText(" · "), page.text("reporting.assigned-to", ["who": $0])) }),
                         .if(collaboration.canAssign, .form(.class("inline"), .method(.post), .action("\(base)/assignments"), Layout.csrfField(page),
                                                          .input(.type(.hidden), .name("section"), .value(section.id.attributeEscaped)),
                                                          .label(.for("assign-\(section.id)".attributeEscaped), page.text("reporting.assign")),
                                                          .input(.type(.email), .id("assign-\(section.id)".attributeEscaped), .name("assignee")),
                                                          .button(.type(.submit), page.text("reporting.assign")))),
                         .forEach(section.questions) { question in
                             self.question(page, base: base, question: question, answer: answers[question.id], sourceNames: sourceNames,
                                           canEdit: canEdit, comments: collaboration.comments[question.id] ?? [], canComment: collaboration.canComment,
                                           conflict: conflict.flatMap { $0.0 == question.id ? ($0.1, $0.2) : nil },
                                           error: error.flatMap { $0.0 == question.id ? $0.1 : nil }, linked: linked[question.id] ?? [])
                         },
                         // One comment form per section (a question is chosen in it), not one per question: the page stays small.
                         .if(collaboration.canComment, .details(.class("comment"), .summary(page.text("reporting.comment")),
                             .form(.method(.post), .action("\(base)/comments"), Layout.csrfField(page),
                                   .label(.for("cq-\(section.id)".attributeEscaped), page.text("reporting.comment-on")),
                                   .select(.id("cq-\(section.id)".attributeEscaped), .attribute(named: "name", value: "question"),
                                           Layout.options(section.questions.map { question in
                                               let title = question.title.resolved(in: page.language).text
                                               return (question.id, title.count > 70 ? String(title.prefix(69)) + "…" : title)
                                           }, selected: nil)),
                                   .label(.for("ct-\(section.id)".attributeEscaped), page.text("reporting.comment")),
                                   .textarea(.id("ct-\(section.id)".attributeEscaped), .name("text"), .rows(2)),
                                   .button(.type(.submit), page.text("reporting.comment"))))))
            },
        ])
    }

    /// Comments and section assignments shown on a report page, and who may add them.
    struct Collaboration {
        var comments: [String: [QuestionCommentModel]] = [:]
        var assignments: [String: String] = [:]
        var canAssign = false
        var canComment = false
    }

    static func question(_ page: PageContext, base: String, question: TemplateQuestion, answer: ReportingService.CurrentAnswer?,
                         sourceNames: [UUID: String], canEdit: Bool, comments: [QuestionCommentModel], canComment: Bool, conflict: (AnswerValue, AnswerRevision)?, error: String?,
                         linked: [LinkedAnswers.Linked] = []) -> Node<HTML.BodyContext> {
        let field = "v-\(question.id)".attributeEscaped
        return .div(
            .class("question"), .id("q-\(question.id)".attributeEscaped),
            .h3(.id("t-\(question.id)".attributeEscaped), page.name(question.title), .if(question.required, .escapedText(" *"))),
            .unwrap(question.help) { .p(.class("note"), page.name($0)) },
            .if(!linked.isEmpty, .div(.class("linked"),
                .p(.strong(page.text("crosswalks.linked")), .escapedText(" "), .forEach(linked) { link in
                    .group(page.text("crosswalks.relation.\(link.relation)"), .escapedText(" "), ActionItemsView.targetLink(page, link.target), .escapedText(" "))
                }),
                .ul(.forEach(linked.flatMap(\.answers)) { answer in
                    .li(.a(.href("/reports/\(answer.reportID)#q-\(answer.question.id.attributeEscaped)"), page.name(answer.template)),
                        .escapedText(" — "), page.name(answer.question.title), .escapedText(": "), .span(.class("answer"), .escapedText(AnswerForm.formText(answer.value))))
                }))),
            .unwrap(question.indicator) { code in
                .p(.class("note"), page.text("reporting.indicator-data"), .escapedText(" "), .a(.href("/indicators/\(code.attributeEscaped)"), .escapedText(code)))
            },
            .unwrap(answer) { answer in
                .group(
                    .p(.class("answer"), .escapedText(AnswerForm.formText(answer.revision.value)), .escapedText(question.unit.map { " \($0)" } ?? "")),
                    .unwrap(answer.reusedFrom) { source in
                        .p(.class("reused"), .strong(page.text("reporting.reused")), .escapedText(" "),
                           page.text("reporting.reused-from", ["report": sourceNames[source] ?? "", "author": answer.revision.author]))
                    },
                    .if(answer.detached, .p(.class("note"), page.text("reporting.detached")))
                )
            },
            .unwrap(conflict) { mine, theirs in
                .div(.class("alert"), .attribute(named: "role", value: "alert"),
                     .p(page.text("reporting.conflict", ["author": theirs.author])),
                     .p(.strong(page.text("reporting.theirs")), .escapedText(" " + AnswerForm.formText(theirs.value))),
                     .p(.strong(page.text("reporting.mine")), .escapedText(" " + AnswerForm.formText(mine))),
                     .form(.method(.post), .action("\(base)/answers/\(question.id.attributeEscaped)"), Layout.csrfField(page),
                           .input(.type(.hidden), .name("value"), .value(AnswerForm.formText(mine).attributeEscaped)),
                           .input(.type(.hidden), .name("baseVersion"), .value("\(theirs.version)")),
                           .button(.type(.submit), page.text("reporting.keep-mine"))),
                     .p(.a(.href("\(base)#q-\(question.id.attributeEscaped)"), page.text("reporting.keep-theirs"))))
            },
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), page.text($0)) },
            .if(canEdit, .group(
                .form(.method(.post), .action("\(base)/answers/\(question.id.attributeEscaped)"), Layout.csrfField(page),
                      .input(.type(.hidden), .name("baseVersion"), .value("\(answer?.revision.version ?? 0)")),
                      input(page, question: question, id: field, value: answer?.revision.value),
                      .button(.type(.submit), .id("save-\(question.id)".attributeEscaped), page.text("actions.save"))),
                .if(question.element != nil && answer?.detached != true && answer != nil && canEdit,
                    .form(.class("inline"), .method(.post), .action("\(base)/answers/\(question.id.attributeEscaped)/detach"), Layout.csrfField(page),
                          .button(.type(.submit), page.text("reporting.detach"))))
            )),
            .if(!comments.isEmpty, .ul(.class("comments"), .forEach(comments) { comment in
                .li(.strong(.escapedText(comment.author)), .escapedText(": "), .escapedText(comment.text))
            })),
        )
    }

    static func input(_ page: PageContext, question: TemplateQuestion, id: String, value: AnswerValue?) -> Node<HTML.FormContext> {
        let current = value.map(AnswerForm.formText) ?? ""
        // The question's heading names the control (no second copy of the title in a label).
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
            return .input(.type(.text), .id(id), .attribute(named: "aria-labelledby", value: heading), .name("value"), .value(current.attributeEscaped), .attribute(named: "inputmode", value: "decimal"))
        case .date:
            return .input(.type(.date), .id(id), .attribute(named: "aria-labelledby", value: heading), .name("value"), .value(current.attributeEscaped))
        case .shortText, .link:
            return .input(.type(.text), .id(id), .attribute(named: "aria-labelledby", value: heading), .name("value"), .value(current.attributeEscaped))
        case .longText, .table, .indicatorSeries:
            return .textarea(.id(id), .attribute(named: "aria-labelledby", value: heading), .name("value"), .rows(4), .escapedText(current))
        }
    }
}
