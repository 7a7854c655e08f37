import Foundation
import Plot
import SynergiaCore

extension ReportPage.View {
    /// A section's comments on a page of their own: each question's, and the form to add one
    /// (the question `chosen` when the link named it). Kept off the section's page, where the
    /// form's list of every question would be a tenth of the page; each question there shows its
    /// own comments.
    static func renderComments(_ page: PageContext, _ model: ReportPage.Model, template: ReportTemplate, section: TemplateSection,
                               chosen: String?) -> String {
        let comments = Dictionary(grouping: model.comments, by: \.question)
        let commented = section.questions.filter { comments[$0.id] != nil }
        return Layout.render(page, title: page.t("report.comments-of") + " — " + title(page, model, template, section: section),
                             json: .api(.report(model.id)), main: [
            .p(.class("breadcrumb"), .a(.href(SiteURL.report(model.id).path), page.name(template.title)), .escapedText(" — "), partyLink(page, model),
               .escapedText(" · "), .a(.href(SiteURL.reportSection(model.id, section: section.id).path), page.name(section.title))),
            .h1(page.text("report.comments-of")),
            .if(commented.isEmpty, .p(.class("note"), page.text("report.no-comments"))),
            .forEach(commented) { question in
                .section(.h2(.a(.href(SiteURL.reportSection(model.id, section: section.id).path + "#q-" + SiteURL.fragment(question.id)),
                                page.name(question.title))),
                         .ul(.class("comments"), .forEach(comments[question.id] ?? []) { comment in
                             .li(.strong(.escapedText(comment.author)), .unwrap(comment.createdAt) { .group(.escapedText(" · "), page.time($0)) },
                                 .escapedText(": "), .span(ReportPage.QuestionView.attributes(page, comment), .escapedText(comment.text)))
                         }))
            },
            .if(model.actions.canComment, .form(.method(.post), .action(SiteURL.reportComments(model.id).path), Layout.csrfField(page),
                .h2(page.text("reporting.comment")),
                .label(.for("comment-question"), page.text("reporting.comment-on")),
                .select(.id("comment-question"), .attribute(named: "name", value: "question"),
                        Layout.options(section.questions.map { ($0.id, $0.title.resolved(in: page.language).text) }, selected: chosen)),
                .label(.for("comment-text"), page.text("reporting.comment")),
                .textarea(.id("comment-text"), .name("text"), .rows(4)),
                .button(.type(.submit), page.text("reporting.comment")))),
            .p(.a(.href(SiteURL.reportSection(model.id, section: section.id).path), page.text("report.back-to-section"))),
        ])
    }
}
