import Foundation
import Plot
import SynergiaCore

extension PackagePreview {
    enum View {
        /// The changes, with the package's `text` carried to the confirmation; or the problems.
        static func render(_ page: PageContext, _ model: Model, report: UUID, template: ReportTemplate, text: String) -> String {
            guard model.problems.isEmpty else { return problems(page, model, report: report) }
            return Layout.render(page, title: page.t("package.preview"), main: [
                .h1(page.text("package.preview")),
                .p(page.text("package.changes", ["count": "\(model.changes.count)"])),
                .form(
                    .method(.post), .action(SiteURL.reportPackageApply(report).path), Layout.csrfField(page),
                    .textarea(.name("text"), .attribute(named: "hidden", value: "hidden"), .escapedText(text)),
                    .table(
                        .thead(.tr(.th(page.text("package.question")), .th(page.text("package.before")), .th(page.text("package.after")),
                                   .th(page.text("package.online-change")))),
                        .tbody(.forEach(model.changes) { change in
                            .tr(.class(change.changedOnlineSinceDownload ? "changed-online" : ""),
                                .td(.unwrap(template.question(change.question)) { page.name($0.title) }, .br(), .small(.escapedText(change.question))),
                                .td(.escapedText(change.before.map(AnswerForm.formText) ?? "—"), languages(page, change.before)),
                                .td(.escapedText(AnswerForm.formText(change.after)), languages(page, change.after)),
                                .td(.if(change.changedOnlineSinceDownload, .label(
                                    .input(.type(.checkbox), .name("overwrite[]"), .value(change.question.attributeEscaped)),
                                    .escapedText(" "), page.text("package.overwrite")), else: .escapedText(""))))
                        })),
                    .button(.type(.submit), .id("apply-package"), page.text("package.apply"))),
                .p(.a(.href(SiteURL.report(report).path), page.text("package.cancel"))),
            ])
        }

        /// A text's languages under it ("French, English"), so that a change of its translations alone shows.
        static func languages(_ page: PageContext, _ value: AnswerValue?) -> Node<HTML.BodyContext> {
            guard let written = value?.writtenText, written.languages.count > 1 else { return .empty }
            return .group(.br(), .small(.class("note"), .escapedText(written.languages.map(page.formats.languageName).joined(separator: ", "))))
        }

        static func problems(_ page: PageContext, _ model: Model, report: UUID) -> String {
            Layout.render(page, title: page.t("package.problems"), main: [
                .h1(page.text("package.problems")),
                .p(page.text("package.nothing-applied")),
                .ul(.class("problems"), .forEach(model.problems) { problem in
                    .li(.unwrap(problem.line) { .group(page.text("package.line", ["line": "\($0)"]), .escapedText(": ")) },
                        .unwrap(problem.question) { .group(.code(.escapedText($0)), .escapedText(" — ")) },
                        .escapedText(problem.reason))
                }),
                .p(.a(.href(SiteURL.report(report).path), page.text("package.cancel"))),
            ])
        }
    }
}
