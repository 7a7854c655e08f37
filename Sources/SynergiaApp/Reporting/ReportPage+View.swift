import Foundation
import Plot
import SynergiaCore

extension ReportPage {
    enum View {
        /// The report page: `model` as the reader may see it, the questions of `template` in its
        /// sections, and what the last form sent needs to show (`feedback`).
        static func render(_ page: PageContext, _ model: Model, template: ReportTemplate, feedback: Feedback = .none) -> String {
            let answers = Dictionary(model.answers.map { ($0.question, $0) }, uniquingKeysWith: { a, _ in a })
            let comments = Dictionary(grouping: model.comments, by: \.question)
            return Layout.render(page, title: title(page, model, template), json: .api(.report(model.id)), main: [
                .h1(page.name(template.title), .escapedText(" — "), partyLink(page, model)),
                .dl(.dt(page.text("actions.status")), .dd(.strong(.id("report-status"), page.text("report.status.\(model.status.rawValue)"))),
                    .dt(page.text("reporting.version")), .dd(.escapedText("\(model.version)")),
                    .dt(page.text("reporting.due")), .dd(page.day(iso: model.cycle.dueOn)),
                    .dt(page.text("reporting.completeness")),
                    .dd(.escapedText("\(model.completeness.answered) / \(model.completeness.required)"))),
                contents(page, model, template, current: nil),
                .unwrap(model.receiptSHA256) { hash in
                    .section(.id("receipt"), .class("notice"),
                             .h2(page.text("reporting.receipt")),
                             .p(page.text("reporting.receipt-text", ["time": page.dateTime(model.submittedAt ?? Date())])),
                             .p(.code(.id("receipt-sha256"), .escapedText(hash))))
                },
                .if(model.actions.canAmend, .form(.class("inline"), .method(.post), .action(SiteURL.reportAmend(model.id).path), Layout.csrfField(page),
                                                  .button(.type(.submit), .id("amend"), page.text("report.amend")))),
                .if(!model.versions.isEmpty, .p(page.text("report.versions"), .escapedText(" "), .forEach(model.versions) { other in
                    .group(.a(.href(SiteURL.report(other.id).path), .escapedText("v\(other.version)")), .escapedText(" ("),
                           .a(.href(SiteURL.reportCompare(model.id, with: other.id).path), page.text("report.compare")), .escapedText(") "))
                })),
                publicationRequest(page, model),
                .if(!model.actions.transitions.isEmpty || model.actions.canWithdrawRequest, .div(.class("workflow"), .forEach(model.actions.transitions) { status in
                    // Back to draft from review is the request rejected: with its reason.
                    model.status == .inReview && status == .draft
                        ? .form(.method(.post), .action(SiteURL.reportTransition(model.id).path), Layout.csrfField(page),
                                .input(.type(.hidden), .name("to"), .value(status.rawValue)),
                                .label(.for("reject-reason"), page.text("report.reject-reason")),
                                .textarea(.id("reject-reason"), .name("reason"), .attribute(named: "required", value: "required"),
                                          .attribute(named: "maxlength", value: "\(PublicationRequest.maxReason)"), PageContext.userWritten()),
                                .button(.type(.submit), .id("to-draft"), page.text("report.reject")))
                        : .form(.class("inline"), .method(.post), .action(SiteURL.reportTransition(model.id).path), Layout.csrfField(page),
                                .input(.type(.hidden), .name("to"), .value(status.rawValue)),
                                .button(.type(.submit), .id("to-\(status.rawValue)"), page.text("report.to.\(status.rawValue)")))
                }, .if(model.actions.canWithdrawRequest, .form(.class("inline"), .method(.post), .action(SiteURL.reportTransition(model.id).path),
                                                                Layout.csrfField(page), .input(.type(.hidden), .name("withdraw"), .value("1")),
                                                                .button(.type(.submit), .id("withdraw-request"), page.text("report.withdraw-request")))))),
                offline(page, model),
                // A section written per national target lists those it reports on itself: here, the others (all, in other reports).
                .if(template.questions.contains { $0.target != nil },
                    NationalTargetsInReport.section(page, party: model.party, NationalTargetsInReport.notReportedPerTarget(template, model.nationalTargets),
                                                    perTarget: template.sections.contains { $0.byNationalTarget == true })),
                // A part's sections (the GBF binary indicator questionnaire: 83 questions) have their
                // own pages, listed in the contents, so that this page stays small.
                .forEach(template.sections.filter { $0.part == nil }) { section in
                    self.section(page, model, section, answers: answers, comments: comments, feedback: feedback)
                },
            ])
        }

        /// The request to publish that waits (who, when, until when), or why the last one was rejected.
        static func publicationRequest(_ page: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
            .group(
                .unwrap(model.publicationRequest) { request in
                    .p(.id("publication-request"), .class(request.expired ? "alert" : "note"),
                       page.text(request.expired ? "report.request-expired" : "report.request-info", [
                           "who": request.requestedBy ?? "—",
                           "expires": request.expiresAt.map { page.day($0) } ?? "—"]))
                },
                .unwrap(model.rejection) { reason in
                    .p(.id("publication-rejected"), .class("alert"), .strong(page.text("report.rejected")), .escapedText(" "),
                       .span(PageContext.userWritten(), .escapedText(reason)))
                })
        }

        /// "Kenya — Seventh national report …": the Party's name in the reader's language, not its code.
        static func title(_ page: PageContext, _ model: Model, _ template: ReportTemplate, section: TemplateSection? = nil) -> String {
            var parts = [partyName(page, model), template.title.resolved(in: page.language).text]
            if let section { parts.insert(section.title.resolved(in: page.language).text, at: 0) }
            return parts.joined(separator: " — ")
        }

        static func partyName(_ page: PageContext, _ model: Model) -> String { partyName(page, model.party, model.partyNames) }

        static func partyLink(_ page: PageContext, _ model: Model) -> Node<HTML.BodyContext> { partyLink(page, model.party, model.partyNames) }

        /// The Party's name in the reader's language; its code when the reference data has no name.
        static func partyName(_ page: PageContext, _ code: String, _ names: [String: String]) -> String {
            names.isEmpty ? code : LocalizedText(names).resolved(in: page.language).text
        }

        static func partyLink(_ page: PageContext, _ code: String, _ names: [String: String]) -> Node<HTML.BodyContext> {
            .a(.href(SiteURL.party(code).path), names.isEmpty ? .escapedText(code) : page.name(names))
        }

        /// The table of contents: every section with its completeness (and assignee, for those who
        /// may see it), each linking to its own page; `current` is marked.
        static func contents(_ page: PageContext, _ model: Model, _ template: ReportTemplate, current: String?) -> Node<HTML.BodyContext> {
            let pairs = Array(zip(template.sections, model.sections))
            // A part's sections (the binary indicator questionnaire's 15) are one entry, linking the
            // first of them, except on their own pages, which list them all: the other pages stay small.
            let currentPart = template.sections.first { $0.id == current }?.part
            var shownParts = Set<String>()
            let entries: [Node<HTML.ListContext>] = pairs.compactMap { section, summary -> Node<HTML.ListContext>? in
                guard let part = section.part, part != currentPart else { return entry(page, model, section, summary, current: current) }
                guard shownParts.insert(part).inserted else { return nil }
                let summaries = pairs.filter { $0.0.part == part }.map(\.1)
                return .li(.id("part-\(part)".attributeEscaped), .a(.href(SiteURL.reportSection(model.id, section: section.id).path), page.text("report.part.\(part)")),
                           note(page, answered: summaries.map(\.completeness.answered).reduce(0, +), required: summaries.map(\.completeness.required).reduce(0, +),
                                changed: summaries.map(\.changedSinceVisit).reduce(0, +), assignee: nil))
            }
            return .nav(.class("contents"), .attribute(named: "aria-labelledby", value: "contents-title"),
                 .h2(.id("contents-title"), page.text("report.contents")),
                 .ol(.group(entries)),
                 .p(.a(.id(current == nil ? "check-report" : "check-report-\(current!.attributeEscaped)"), .href(SiteURL.reportCheck(model.id).path),
                       page.text("report.check")),
                    .if(current != nil, .group(.escapedText(" · "), .a(.href(SiteURL.report(model.id).path), page.text("report.whole"))))))
        }

        /// A section's entry in the contents: its link (marked when it is the page's) and its note.
        static func entry(_ page: PageContext, _ model: Model, _ section: TemplateSection, _ summary: Model.Section, current: String?) -> Node<HTML.ListContext> {
            .li(.a(.href(SiteURL.reportSection(model.id, section: section.id).path),
                   .if(section.id == current, .attribute(named: "aria-current", value: "page")), page.name(section.title)),
                note(page, answered: summary.completeness.answered, required: summary.completeness.required, changed: summary.changedSinceVisit,
                     assignee: model.assignments[section.id]))
        }

        /// " · 3 of 5 required questions answered · changed since your last visit: 2 · assigned to …"
        static func note(_ page: PageContext, answered: Int, required: Int, changed: Int, assignee: String?) -> Node<HTML.BodyContext> {
            .span(.class("note"), .escapedText(" · "), page.text("reporting.section-completeness", ["answered": "\(answered)", "required": "\(required)"]),
                  .if(changed > 0, .group(.escapedText(" · "), .strong(.class("mark"), page.text("report.section-changed", ["count": "\(changed)"])))),
                  .unwrap(assignee) { .group(.escapedText(" · "), page.text("reporting.assigned-to", ["who": $0])) })
        }

        /// One section of the report on a page of its own: the report's title and status, the table
        /// of contents, the section's questions, and the sections before and after it.
        static func renderSection(_ page: PageContext, _ model: Model, template: ReportTemplate, section: TemplateSection,
                                  feedback: Feedback = .none) -> String {
            let answers = Dictionary(model.answers.map { ($0.question, $0) }, uniquingKeysWith: { a, _ in a })
            let comments = Dictionary(grouping: model.comments, by: \.question)
            let index = template.sections.firstIndex { $0.id == section.id } ?? 0
            let previous = index > 0 ? template.sections[index - 1] : nil
            let next = index + 1 < template.sections.count ? template.sections[index + 1] : nil
            return Layout.render(page, title: title(page, model, template, section: section), json: .api(.report(model.id)),
                                 scripts: !model.actions.canEdit ? [] : section.questions.contains { $0.enabledWhen != nil }
                                     ? ["autosave.js", "conditions.js"] : ["autosave.js"], main: [
                .p(.class("breadcrumb"), .a(.href(SiteURL.report(model.id).path), page.name(template.title)), .escapedText(" — "), partyLink(page, model),
                   .escapedText(" · "), page.text("report.status.\(model.status.rawValue)"),
                   .escapedText(" · "), page.text("reporting.due"), .escapedText(" "), page.day(iso: model.cycle.dueOn)),
                .p(.class("note"), page.text("report.section-of", ["number": "\(index + 1)", "count": "\(template.sections.count)"])),
                .unwrap(feedback.saved) { .p(.id("section-saved"), .class("notice"), .attribute(named: "role", value: "status"),
                                             page.text("report.section-saved", ["count": "\($0)"])) },
                .if(feedback.preview, .p(.id("section-preview"), .class("notice"), .attribute(named: "role", value: "status"),
                                         page.text("report.preview-notice"))),
                self.section(page, model, section, answers: answers, comments: comments, feedback: feedback, heading: .h1),
                .p(.class("pager"),
                     .unwrap(previous) { .a(.rel(.prev), .href(SiteURL.reportSection(model.id, section: $0.id).path), .escapedText("← "),
                                            page.text("report.previous-section"), .escapedText(": "), page.name($0.title)) },
                     .if(previous != nil && next != nil, .escapedText(" · ")),
                     .unwrap(next) { .a(.rel(.next), .href(SiteURL.reportSection(model.id, section: $0.id).path),
                                        page.text("report.next-section"), .escapedText(": "), page.name($0.title), .escapedText(" →")) }),
                contents(page, model, template, current: section.id),
            ])
        }

        /// Downloads (package, print, PDF) and, for those who may edit, the package upload.
        static func offline(_ page: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
            .section(.class("offline"),
                     .h2(page.text("package.download")),
                     .p(.a(.href(SiteURL.reportPackage(model.id, format: "json").path), page.text("package.download-json")), .escapedText(" · "),
                        .a(.href(SiteURL.reportPackage(model.id, format: "csv").path), page.text("package.download-csv")), .escapedText(" · "),
                        .a(.href(SiteURL.reportPackage(model.id, format: "xlsx").path), page.text("package.download-xlsx")), .escapedText(" · "),
                        .a(.href(SiteURL.reportPrint(model.id).path), page.text("report.print")), .escapedText(" · "),
                        .a(.href(SiteURL.reportPDF(model.id).path), page.text("report.pdf"))),
                     .if(model.actions.canEdit, .form(.method(.post), .action(SiteURL.reportPackageUpload(model.id).path), .enctype(.multipartData),
                                                      Layout.csrfField(page),
                                                      .label(.for("package-file"), page.text("package.upload")),
                                                      .input(.type(.file), .id("package-file"), .name("package"), .attribute(named: "accept", value: ".json,.csv")),
                                                      .button(.type(.submit), page.text("package.preview")))))
        }

        enum Heading { case h1, h2 }

        static func section(_ page: PageContext, _ model: Model, _ section: TemplateSection, answers: [String: Model.Answer],
                            comments: [String: [Model.Comment]], feedback: Feedback, heading: Heading = .h2) -> Node<HTML.BodyContext> {
            let id = section.id.attributeEscaped
            // On the section's own page, its answers are saved together with one form.
            let sectionForm = heading == .h1 && model.actions.canEdit ? "section-form" : nil
            // Its completeness as the query counted it (a question not asked is not required).
            let summary = model.sections.first { $0.id == section.id }
                ?? .init(id: section.id, completeness: .init(answered: 0, required: 0), changedSinceVisit: 0, seenAt: nil)
            // A section written per national target lists the targets itself, once: its questions do not repeat them.
            // (On the whole report's page, only when the Party has national targets to list.)
            let targets = heading == .h2 && NationalTargetsInReport.reporting(on: section, model.nationalTargets).isEmpty ? .empty
                : NationalTargetsInReport.progress(page, party: model.party, section: section, model.nationalTargets, canEdit: model.actions.canEdit)
            var questionsModel = model
            if section.byNationalTarget == true { questionsModel.nationalTargets = [] }
            // The questions national targets answer for are not on the page (nor in its form: a save leaves their answers
            // as they are); a question no earlier answer enables waits hidden in the section's form, for conditions.js.
            let covered = NationalTargetsInReport.covered(section, model.nationalTargets)
            let shown = section.questions.filter { !covered.contains($0.id) }
            // A crosswalk's linked targets and answers once per section, under the first question shown that has them.
            var linkedShown = Set<String>()
            let linked: [String: [Model.Linked]] = Dictionary(shown.map { question in
                (question.id, (model.linked[question.id] ?? []).filter { linkedShown.insert($0.relation + " " + $0.target).inserted })
            }, uniquingKeysWith: { first, _ in first })
            func questions(sectionForm: String?) -> Node<HTML.BodyContext> {
                // A question not asked stays in the section's form, hidden (its answer is kept, and a condition
                // may show it again); elsewhere it is left out.
                .forEach(shown.filter { sectionForm != nil || !model.notAsked.contains($0.id) }) { question in
                    QuestionView.render(page, questionsModel, section: section.id, question, answer: answers[question.id], comments: comments[question.id] ?? [],
                                        linked: linked[question.id] ?? [], conflict: feedback.conflicts[question.id], error: feedback.errors[question.id],
                                        typed: feedback.typed[question.id], sectionForm: sectionForm, preview: feedback.preview)
                }
            }
            return .section(.id("s-\(id)"),
                heading == .h1 ? .h1(page.name(section.title))
                    : .h2(.a(.href(SiteURL.reportSection(model.id, section: section.id).path), page.name(section.title))),
                .p(.class("note"), page.text("reporting.section-completeness", [
                    "answered": "\(summary.completeness.answered)", "required": "\(summary.completeness.required)"]),
                   .unwrap(model.assignments[section.id]) { .group(.escapedText(" · "), page.text("reporting.assigned-to", ["who": $0])) }),
                targets,
                .if(model.actions.canAssign, .form(.class("inline"), .method(.post), .action(SiteURL.reportAssignments(model.id).path), Layout.csrfField(page),
                                                   .input(.type(.hidden), .name("section"), .value(id)),
                                                   .label(.for("assign-\(id)"), page.text("reporting.assign")),
                                                   .input(.type(.email), .id("assign-\(id)"), .name("assignee")),
                                                   .button(.type(.submit), page.text("reporting.assign-submit")))),
                .unwrap(sectionForm, { form in
                    // The questions inside the section's one form; the forms of their own buttons after it.
                    .group(.form(.id(form), .method(.post), .action(SiteURL.reportSection(model.id, section: section.id).path),
                                 // What the autosave script says, in the reader's language.
                                 .data(named: "saving", value: page.t("report.autosave-saving").attributeEscaped),
                                 .data(named: "saved", value: page.t("report.autosave-saved").attributeEscaped),
                                 .data(named: "conflict", value: page.t("report.autosave-conflict").attributeEscaped),
                                 .data(named: "error", value: page.t("report.autosave-error").attributeEscaped),
                                 .data(named: "offline", value: page.t("report.autosave-offline").attributeEscaped),
                                 Layout.csrfField(page),
                                 .raw(questions(sectionForm: form).render()),
                                 .button(.type(.submit), .id("save-section"), page.text("report.save-section")), .escapedText(" "),
                                 .button(.type(.submit), .id("preview-section"), .name("preview"), .value("1"), page.text("report.preview")),
                                 .p(.class("note"), page.text("report.markdown-help"))),
                           .forEach(shown) { question in
                               QuestionView.outsideForms(page, model, question, answer: answers[question.id], conflict: feedback.conflicts[question.id])
                           })
                }, else: questions(sectionForm: nil)),
                // Comments are written on their own page (each question shows its own here).
                .if(model.actions.canComment, .p(.a(.href(SiteURL.reportSectionComments(model.id, section: section.id).path),
                                                    page.text("report.comment-on-section")))))
        }
    }
}
