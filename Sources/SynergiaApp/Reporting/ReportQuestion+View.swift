import Foundation
import Plot
import SynergiaCore

extension ReportPage {
    /// One question of the report page: its answer and where it comes from, linked answers of
    /// the Party's other reports, a conflict or error from the last save, the form, comments.
    enum QuestionView {
        /// On a section's page (`sectionForm`: the id of the section's one form) the question has no
        /// form of its own: its control belongs to the section's form, and `typed` is what was sent
        /// for it when the save was refused.
        static func render(_ page: PageContext, _ model: Model, section: String, _ question: TemplateQuestion, answer: Model.Answer?, comments: [Model.Comment],
                           linked: [Model.Linked], conflict: Feedback.Conflict?, error: String?, typed: SectionSave.Typed? = nil,
                           sectionForm: String? = nil, preview: Bool = false) -> Node<HTML.BodyContext> {
            let id = question.id.attributeEscaped
            let title: Node<HTML.BodyContext> = .group(page.name(question.title), .if(question.required, .escapedText(" *")))
            return .div(
                .class(answer?.changedSinceVisit == true ? "question changed" : "question"), .id("q-\(id)"),
                conditions(page, model, question),
                .unwrap(question.lead) { .p(.class("group-lead"), page.name($0)) },
                // The heading names the control: a label for one control, the fieldset's name for boxes.
                !model.actions.canEdit ? .h3(title)
                    : question.type == .multipleChoice ? .h3(.id("t-\(id)"), title)
                    : .h3(.element(named: "label", nodes: [.attribute(named: "for", value: "v-\(id)"), title])),
                .unwrap(question.help) { .p(.class("note"), page.name($0)) },
                self.linked(page, linked),
                NationalTargetsInReport.forQuestion(page, party: model.party, model.nationalTargets, question),
                .unwrap(question.indicator) { code in
                    .p(.class("note"), page.text("reporting.indicator-data"), .escapedText(" "), .a(.href(SiteURL.indicator(code).path), .escapedText(code)))
                },
                AttachmentView.cited(page, report: model.id, answer?.value, model.attachments),
                .unwrap(answer) { answer in
                    .group(
                        // To those who edit, the control shows the answer. A narrative is shown formatted too; on the whole
                        // report's page so is every answer but a choice, which its control shows chosen (the page stays
                        // light in every language).
                        .if(!model.actions.canEdit || question.type == .longText
                                || (sectionForm == nil && ![.singleChoice, .multipleChoice, .yesNo, .progressAssessment].contains(question.type)),
                            shown(page, question, answer.value, class: "answer", asWritten: model.actions.canEdit)),
                        .unwrap(answer.reusedFrom) { _ in
                            .p(.class("reused"), .strong(page.text("reporting.reused")), .escapedText(" "),
                               page.text("reporting.reused-from", ["report": answer.reusedFromTitles?.resolved(in: page.language).text ?? answer.reusedFromTitle ?? "", "author": answer.author]))
                        },
                        .if(answer.detached, .p(.class("note"), page.text("reporting.detached"))),
                        languagesLink(page, model, question, answer),
                        // A submitted version shows its answers as submitted: no one changed them since (its receipt says when).
                        .if(model.actions.seesWork && !answer.author.isEmpty, changeNote(page, answer)))
                },
                .unwrap(conflict) { conflict in
                    let (mine, theirs) = (conflict.mine, conflict.theirs)
                    return .div(.class("alert"), .attribute(named: "role", value: "alert"),
                         .p(page.text("reporting.conflict", ["author": theirs.author])),
                         .p(.strong(page.text("reporting.theirs")), .escapedText(" "), .span(original(page, theirs.value), said(page, question, theirs.value))),
                         .p(.strong(page.text("reporting.mine")), .escapedText(" "), .span(original(page, mine), said(page, question, mine))),
                         // In the section's form, the button sends its own form, which follows the section's (forms do not nest).
                         sectionForm == nil ? keepMine(page, model, question, conflict)
                             : .button(.type(.submit), .attribute(named: "form", value: "keep-\(id)"), page.text("reporting.keep-mine")),
                         // Theirs is what is stored: the question as it now is, on its section's page.
                         .p(.a(.href(SiteURL.reportSection(model.id, section: section).path + "#q-" + SiteURL.fragment(question.id)),
                               page.text("reporting.keep-theirs"))))
                },
                .unwrap(error) { .p(.id("e-\(id)"), .class("error"), .attribute(named: "role", value: "alert"), page.text($0)) },
                .if(preview && question.type == .longText, .unwrap(typed?.value) { text in
                    .div(.class("preview"), .p(.strong(page.text("report.preview-of"))), .div(.class("md"), .raw(SafeMarkdown.html(text))))
                }),
                .if(model.actions.canEdit, .group(
                    sectionForm.map { sectionControls(page, question, answer: answer, conflict: conflict, typed: typed, form: $0, invalid: error != nil) }
                    ?? .form(.method(.post), .action(SiteURL.reportAnswer(model.id, question: question.id).path), Layout.csrfField(page),
                          .input(.type(.hidden), .name("baseVersion"), .value("\(answer?.version ?? 0)")),
                          input(page, question: question, id: "v-\(id)", value: answer?.value),
                          .raw(length(page, question, answer.map { AnswerForm.formText($0.value) } ?? "").render()),
                          .button(.type(.submit), .id("save-\(id)"), page.text("actions.save"))),
                    .if(detachable(question, answer), sectionForm == nil ? detach(page, model, question)
                        : .button(.type(.submit), .attribute(named: "form", value: "detach-\(id)"), page.text("reporting.detach"))),
                    // A file as the answer, on the section's page (the whole report's page stays light): its
                    // controls send the form that follows the section's (forms do not nest).
                    .if(AttachmentView.attachable(question) && sectionForm != nil,
                        AttachmentView.controls(page, question: question, formID: "attach-\(question.id)")))),
                .if(!comments.isEmpty, .ul(.class("comments"), .forEach(comments) { comment in
                    .li(.strong(.escapedText(comment.author)), .escapedText(": "), .span(attributes(page, comment), .escapedText(comment.text)))
                })))
        }

        /// A question asked only when an earlier answer enables it: what enables it (for
        /// `conditions.js`, which shows and hides it as that answer changes), hidden while the
        /// saved answers do not enable it, and, to those who edit, which answer it waits on.
        static func conditions(_ page: PageContext, _ model: Model, _ question: TemplateQuestion) -> Node<HTML.BodyContext> {
            guard let conditions = question.enabledWhen else { return .empty }
            let encoded = (try? JSONEncoder().encode(conditions)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            return .group(.attribute(named: "data-enabled-when", value: encoded.attributeEscaped),
                          .if(model.notAsked.contains(question.id), .attribute(named: "hidden", value: "hidden")))
        }

        /// "Languages of this answer (French, English)": to an editor under every written answer, to a
        /// reader under one that has translations (``AnswerLanguages``).
        static func languagesLink(_ page: PageContext, _ model: Model, _ question: TemplateQuestion, _ answer: Model.Answer) -> Node<HTML.BodyContext> {
            guard AnswerLanguages.isWritten(question), let written = answer.value.writtenText,
                  model.actions.canEdit || written.translations != nil else { return .empty }
            let languages = written.languages
            return .p(.class("note"), .a(.class("languages-link"), .href(SiteURL.reportAnswerLanguages(model.id, question: question.id).path),
                                         page.text("report.languages-title")),
                      .if(!languages.isEmpty, .escapedText(" (" + languages.map(page.formats.languageName).joined(separator: ", ") + ")")))
        }

        /// The forms a question's buttons send from inside a section's form: "Keep mine" after a
        /// conflict, "Detach" for an answer shared with another report.
        static func outsideForms(_ page: PageContext, _ model: Model, _ question: TemplateQuestion, answer: Model.Answer?,
                                 conflict: Feedback.Conflict?) -> Node<HTML.BodyContext> {
            .if(model.actions.canEdit, .group(
                .unwrap(conflict) { keepMine(page, model, question, $0, id: "keep-\(question.id.attributeEscaped)") },
                .if(detachable(question, answer), detach(page, model, question, id: "detach-\(question.id.attributeEscaped)")),
                .if(AttachmentView.attachable(question), AttachmentView.form(page, report: model.id, question: question, version: answer?.version ?? 0,
                                                                             id: "attach-\(question.id.attributeEscaped)"))))
        }

        static func detachable(_ question: TemplateQuestion, _ answer: Model.Answer?) -> Bool {
            question.element != nil && answer != nil && answer?.detached != true
        }

        /// "Keep mine": what the person sent, over the version now stored, through the question's own save.
        static func keepMine(_ page: PageContext, _ model: Model, _ question: TemplateQuestion, _ conflict: Feedback.Conflict,
                             id: String? = nil) -> Node<HTML.BodyContext> {
            .form(.unwrap(id) { .id($0) }, .method(.post), .action(SiteURL.reportAnswer(model.id, question: question.id).path), Layout.csrfField(page),
                  keptValue(conflict.mine),
                  .input(.type(.hidden), .name("baseVersion"), .value("\(conflict.theirs.version)")),
                  .if(id == nil, .button(.type(.submit), page.text("reporting.keep-mine"))))
        }

        static func detach(_ page: PageContext, _ model: Model, _ question: TemplateQuestion, id: String? = nil) -> Node<HTML.BodyContext> {
            .form(.unwrap(id) { .id($0) }, .class("inline"), .method(.post), .action(SiteURL.reportDetach(model.id, question: question.id).path),
                  Layout.csrfField(page), .if(id == nil, .button(.type(.submit), page.text("reporting.detach"))))
        }

        /// An answer as read: a narrative as formatted text (``SafeMarkdown``), a choice, yes or no
        /// or a rating by its label in the reader's language, anything else as written, with the
        /// question's unit. A text is shown in the reader's language when it was written or
        /// translated into it, else as written, with a note saying which it is (``languageNote(_:_:)``).
        /// Those who may change the report (`asWritten`) see the text as written, which is what they
        /// edit; its languages are listed under it (``languagesLink(_:_:_:_:)``).
        static func shown(_ page: PageContext, _ question: TemplateQuestion, _ value: AnswerValue, class name: String? = nil,
                          asWritten: Bool = false) -> Node<HTML.BodyContext> {
            let text: String
            func version(_ written: WrittenText) -> WrittenText.Shown {
                asWritten ? WrittenText.Shown(text: written.text, language: written.language, translated: false, original: nil)
                    : written.shown(to: page.language)
            }
            switch value {
            case .longText(let written):
                let version = version(written)
                return .group(.div(.class(name.map { "\($0) md" } ?? "md"), attributes(page, version), .raw(SafeMarkdown.html(version.text))),
                              asWritten ? .empty : languageNote(page, version))
            case .shortText(let written):
                let version = version(written)
                return .group(.p(.unwrap(name) { .class($0) }, attributes(page, version), .escapedText(version.text),
                                 .escapedText(question.unit.map { " \($0)" } ?? "")),
                              asWritten ? .empty : languageNote(page, version))
            case .number(let number): return .p(.unwrap(name) { .class($0) }, quantity(page, number, unit: question.unit))
            case .singleChoice(let id): text = label(page, question, id)
            case .multipleChoice(let ids): text = ids.map { label(page, question, $0) }.joined(separator: "; ")
            default: text = read(page, value)
            }
            return .p(.unwrap(name) { .class($0) }, written(page, value), .escapedText(text), .escapedText(question.unit.map { " \($0)" } ?? ""))
        }

        /// Under a text not in the reader's language, or translated into it: which it is, and the original's language.
        static func languageNote(_ page: PageContext, _ version: WrittenText.Shown) -> Node<HTML.BodyContext> {
            if version.translated {
                return .p(.class("note lang-note"), page.text("report.text-translated",
                                                              ["language": version.original.map(page.formats.languageName) ?? "—"]),
                          .if(version.outdated, .group(.escapedText(" "), .strong(.class("outdated"), page.text("report.translation-outdated")))))
            }
            guard let language = version.language, language != page.language else { return .empty }
            return .p(.class("note lang-note"), page.text("report.text-untranslated", ["language": page.formats.languageName(language)]))
        }

        /// The `lang` and `dir` of a text as shown: its language's when known; else unknown
        /// (`lang=""`, as HTML says) and laid out by its own first letters (`dir="auto"`), so that
        /// English in an Arabic report, or Arabic in an English one, reads in its own direction.
        static func attributes<C>(_ page: PageContext, _ version: WrittenText.Shown) -> Node<C> {
            PageContext.written(in: version.language)
        }

        /// A number with its unit as the reader's language says it ("3,560 km²", "1 234 документа"):
        /// the unit's message from the catalog (`unit.CODE.value`), else the number and the unit's code.
        static func quantity(_ page: PageContext, _ value: Double, unit: String?) -> Node<HTML.BodyContext> {
            guard let unit else { return page.number(value) }
            let key = "unit.\(unit).value"
            return page.catalog.contains(key) ? page.text(key, ["value": "\(value)"]) : page.quantity(value, unit: unit)
        }

        /// A unit's name beside its field (`km²`, `документов`), else its code.
        static func unitName(_ page: PageContext, _ unit: String) -> String {
            page.catalog.contains("unit.\(unit)") ? page.t("unit.\(unit)") : unit
        }

        /// A comment's `lang` and `dir`: its language's, else unknown and laid out by its own letters.
        static func attributes<C>(_ page: PageContext, _ comment: Model.Comment) -> Node<C> {
            attributes(page, WrittenText.Shown(text: comment.text, language: comment.language, translated: false, original: nil))
        }

        /// The `lang` and `dir` of a text as written (its original), for ``said(_:_:_:)``.
        static func original(_ page: PageContext, _ value: AnswerValue) -> Node<HTML.BodyContext> {
            guard let written = value.writtenText else { return written(page, value) }
            return attributes(page, WrittenText.Shown(text: written.text, language: written.language, translated: false, original: nil))
        }

        /// The `lang` and `dir` of what a person wrote, as the reader is shown it (``attributes(_:_:)``);
        /// a table's cells in a language not recorded.
        static func written(_ page: PageContext, _ value: AnswerValue) -> Node<HTML.BodyContext> {
            switch value {
            case .shortText(let written), .longText(let written): attributes(page, written.shown(to: page.language))
            case .table: PageContext.userWritten()
            default: .empty
            }
        }

        /// A value as its question says it (a number with its unit, a choice by its label), on one line.
        /// A text as written (never a translation: a conflict is between the texts people wrote).
        static func said(_ page: PageContext, _ question: TemplateQuestion, _ value: AnswerValue) -> Node<HTML.BodyContext> {
            switch value {
            case .shortText(let written), .longText(let written): .escapedText(written.text)
            case .number(let number): quantity(page, number, unit: question.unit)
            case .singleChoice(let id): .escapedText(label(page, question, id))
            case .multipleChoice(let ids): .escapedText(ids.map { label(page, question, $0) }.joined(separator: "; "))
            default: .escapedText(read(page, value))
            }
        }

        /// A value as text, without its question at hand: a rating and yes or no by their labels in
        /// the reader's language, anything else as the form shows it.
        static func read(_ page: PageContext, _ value: AnswerValue) -> String {
            switch value {
            case .progressAssessment(let rating): page.t("progress.\(rating.rawValue)")
            case .yesNo(let yes): page.t(yes ? "common.yes" : "common.no")
            case .number(let number): page.formats.number(number)
            case .shortText(let written), .longText(let written): written.shown(to: page.language).text
            default: AnswerForm.formText(value)
            }
        }

        /// A choice's label in the reader's language (its id when the template no longer has it).
        static func label(_ page: PageContext, _ question: TemplateQuestion, _ id: String) -> String {
            question.choices?.first { $0.id == id }?.label.resolved(in: page.language).text ?? id
        }

        /// Who last changed the answer and when; whether that was someone else since the reader's
        /// last visit, or so recently that they may still be at it.
        static func changeNote(_ page: PageContext, _ answer: Model.Answer) -> Node<HTML.BodyContext> {
            .p(.class("note"),
               .if(answer.changedSinceVisit, .group(.strong(.class("mark"), page.text("report.changed-since-visit")), .escapedText(" "))),
               answer.beingEdited
                   ? page.text("report.being-edited", ["author": answer.author, "time": page.dateTime(answer.changedAt)])
                   : page.text("report.changed-by", ["author": answer.author, "time": page.dateTime(answer.changedAt)]))
        }

        /// "Keep mine": the value as the per-question form sends it (a multiple choice, one `values[]` per choice).
        static func keptValue(_ mine: AnswerValue) -> Node<HTML.FormContext> {
            if case .multipleChoice(let ids) = mine {
                return .forEach(ids) { .input(.type(.hidden), .name("values[]"), .value($0.attributeEscaped)) }
            }
            return .input(.type(.hidden), .name("value"), .value(AnswerForm.formText(mine).attributeEscaped))
        }

        /// The targets linked to the question's target by a crosswalk, and the Party's answers on them.
        static func linked(_ page: PageContext, _ linked: [Model.Linked]) -> Node<HTML.BodyContext> {
            .if(!linked.isEmpty, .div(.class("linked"),
                .p(.strong(page.text("crosswalks.linked")), .escapedText(" "), .forEach(linked) { link in
                    .group(page.text("crosswalks.relation.\(link.relation)"), .escapedText(" "), Links.target(page, link.target), .escapedText(" "))
                }),
                .if(linked.contains { !$0.answers.isEmpty }, .ul(.forEach(linked.flatMap(\.answers)) { answer in
                    .li(.a(.href(SiteURL.reportQuestion(answer.report, question: answer.question).path), page.name(answer.template)),
                        .escapedText(" — "), page.name(answer.questionTitle), .escapedText(": "),
                        .span(.class("answer"), written(page, answer.value), .escapedText(read(page, answer.value))))
                }))))
        }

        /// The question's control on a section's page, inside the section's form, and what it was
        /// written over (`b:`: the version and the digest of what it shows; none for no answer yet), so that
        /// only what the person changed is saved (``SectionSave``). After a conflict it holds what
        /// the person sent, over the version that is stored; after a refusal, what they typed.
        static func sectionControls(_ page: PageContext, _ question: TemplateQuestion, answer: Model.Answer?, conflict: Feedback.Conflict?,
                                    typed: SectionSave.Typed?, form: String, invalid: Bool = false) -> Node<HTML.BodyContext> {
            // Written over: after a refusal, what the person had seen; after a conflict, the version now stored.
            let shown = typed?.shown ?? SectionSave.digest(conflict.map { SectionSave.shownText(question, $0.theirs.value) }
                                                              ?? SectionSave.shownText(question, answer?.value))
            let base = typed?.base ?? conflict?.theirs.version ?? answer?.version ?? 0
            let control: Node<HTML.FormContext>
            if let typed {
                control = input(page, question: question, id: "v-\(question.id.attributeEscaped)", text: typed.value ?? "", chosen: Set(typed.values),
                                form: form, invalid: invalid)
            } else {
                control = input(page, question: question, id: "v-\(question.id.attributeEscaped)", value: conflict?.mine ?? answer?.value, form: form)
            }
            // No answer yet needs no field: a question without one was written over nothing (``SectionSave``).
            let over = SectionSave.writtenOver(version: base, shown: shown)
            let fields: Node<HTML.FormContext> = .group(
                .if(over != SectionSave.nothingYet, .input(.type(.hidden), .name(SectionSave.baseField(question.id).attributeEscaped), .value(over.attributeEscaped))),
                control)
            return .group(.raw(fields.render()), length(page, question, typed?.value ?? (conflict?.mine ?? answer?.value).map(AnswerForm.formText) ?? ""))
        }

        /// "120 of 2,000 characters" under a text the format limits (kept up to date as one types by the section's
        /// script, which puts the count, as the language writes it, in place of the mark U+E000).
        static func length(_ page: PageContext, _ question: TemplateQuestion, _ text: String) -> Node<HTML.BodyContext> {
            .unwrap(question.maxLength) { max in
                .p(.id("n-\(question.id.attributeEscaped)"), .class("note count"), .attribute(named: "aria-live", value: "polite"),
                   // The message with the limit in its plural form and a mark (U+E000) where the script puts the count.
                   .data(named: "of", value: page.t("report.characters", ["count": "\u{E000}", "max": "\(max)"]).attributeEscaped),
                   page.text("report.characters", ["count": "\(AnswerValidation.characterCount(text))", "max": "\(max)"]))
            }
        }

        /// The control for the question's type, named by the question's heading (its label, or for boxes the fieldset's name).
        static func input(_ page: PageContext, question: TemplateQuestion, id: String, value: AnswerValue?, form: String? = nil) -> Node<HTML.FormContext> {
            let chosen: Set<String> = { if case .multipleChoice(let ids)? = value { return Set(ids) }; return [] }()
            return input(page, question: question, id: id, text: value.map(AnswerForm.controlText) ?? "", chosen: chosen, form: form)
        }

        /// The control showing `text` (or the `chosen` boxes of a multiple choice); in a section's
        /// form (`form`), named by the question (``SectionSave``), else `value` and `values[]`.
        /// A refused value's control (`invalid`) says so, and is described by its message (`e-ID`).
        static func input(_ page: PageContext, question: TemplateQuestion, id: String, text current: String, chosen: Set<String>,
                          form: String?, invalid: Bool = false) -> Node<HTML.FormContext> {
            let heading = "t-\(question.id)".attributeEscaped
            let describedBy = invalid ? "e-\(question.id.attributeEscaped)" : ""
            func state<C>() -> Node<C> {
                .group(.attribute(named: "aria-invalid", value: invalid ? "true" : ""), .attribute(named: "aria-describedby", value: describedBy))
            }
            func invalidState<C>() -> Attribute<C> { .attribute(named: "aria-invalid", value: invalid ? "true" : "") }
            func description<C>() -> Attribute<C> { .attribute(named: "aria-describedby", value: describedBy) }
            func limit<C>() -> Attribute<C> { .attribute(named: "maxlength", value: question.maxLength.map(String.init) ?? "") }
            let name = (form == nil ? "value" : SectionSave.valueField(question.id)).attributeEscaped
            switch question.type {
            case .yesNo:
                return .select(.id(id), .attribute(named: "name", value: name), state(),
                               Layout.options([("", "—"), ("yes", page.t("common.yes")), ("no", page.t("common.no"))], selected: current))
            case .singleChoice:
                return .select(.id(id), .attribute(named: "name", value: name), state(),
                               Layout.options([("", "—")] + (question.choices ?? []).map { ($0.id, $0.label.resolved(in: page.language).text) }, selected: current))
            case .progressAssessment:
                return .select(.id(id), .attribute(named: "name", value: name), state(),
                               Layout.options([("", "—")] + ProgressRating.allCases.map { (AnswerForm.code($0), page.t("progress.\($0.rawValue)")) },
                                              selected: AnswerForm.rating(current).map(AnswerForm.code) ?? current))
            case .multipleChoice:
                let choiceName = (form == nil ? "values[]" : SectionSave.choiceField(question.id)).attributeEscaped
                return .fieldset(.attribute(named: "aria-labelledby", value: heading), .forEach(question.choices ?? []) { choice in
                    .label(.input(.type(.checkbox), .name(choiceName), .value(choice.id.attributeEscaped), .checked(chosen.contains(choice.id)),
                                  invalidState(), description()),
                           .escapedText(" " + choice.label.resolved(in: page.language).text))
                })
            case .number:
                // The unit beside the number (the heading may not say it), and read with it.
                let unit = "u-\(question.id.attributeEscaped)"
                return .group(.input(.type(.text), .id(id), .name(name), .value(current.attributeEscaped),
                                     .attribute(named: "inputmode", value: "decimal"), invalidState(),
                                     .attribute(named: "aria-describedby", value: ([question.unit == nil ? "" : unit] + [describedBy]).filter { !$0.isEmpty }
                                        .joined(separator: " "))),
                              .unwrap(question.unit) { .element(named: "span", nodes: [.attribute(named: "id", value: unit), .escapedText(" " + unitName(page, $0))]) })
            case .date:
                // Entered as an ISO date, whatever the browser's picker shows: the format is said beside it.
                let hint = "f-\(question.id.attributeEscaped)"
                return .group(.input(.type(.date), .id(id), .name(name),
                                     .value(current.attributeEscaped), invalidState(),
                                     .attribute(named: "aria-describedby", value: invalid ? "\(hint) \(describedBy)" : hint)),
                              .element(named: "span", nodes: [.attribute(named: "id", value: hint), .attribute(named: "class", value: "note"),
                                                              .escapedText(" " + page.t("form.date-format"))]))
            case .shortText:
                // What a person writes, in their language and direction.
                return .input(.type(.text), .id(id), .name(name), .value(current.attributeEscaped),
                              invalidState(), description(), limit(),
                              Attribute(name: "lang", value: "", ignoreIfValueIsEmpty: false), .attribute(named: "dir", value: "auto"))
            case .link:
                return .input(.type(.text), .id(id), .name(name), .value(current.attributeEscaped),
                              invalidState(), description(), limit())
            case .longText, .table, .indicatorSeries:
                // The parser drops a newline right after the start tag: one is written there, so a text that starts with one keeps it.
                return .textarea(.id(id), .name(name), state(), .if(question.type != .indicatorSeries, PageContext.userWritten()),
                                 .attribute(named: "maxlength", value: question.maxLength.map(String.init) ?? ""),
                                 .raw("\n"), .escapedText(current))
            }
        }
    }
}
