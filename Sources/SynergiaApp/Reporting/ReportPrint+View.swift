import Foundation
import Plot
import SynergiaCore

/// A report to print or make a PDF of: questions and answers, no forms. It renders the
/// report page's model, so it shows exactly what the page shows.
enum ReportPrintView {
    /// With `inlineCSS` (for the PDF), the styles are in the page; otherwise linked.
    static func render(_ page: PageContext, _ model: ReportPage.Model, template: ReportTemplate, inlineCSS: String? = nil) -> String {
        let answers = Dictionary(model.answers.map { ($0.question, $0.value) }, uniquingKeysWith: { a, _ in a })
        return HTML(
            .attribute(named: "lang", value: page.language.code),
            .attribute(named: "dir", value: page.language.isRightToLeft ? "rtl" : "ltr"),
            .head(
                .meta(.charset(.utf8)),
                // The PDF is printed from this page by Chromium from a file, without the site's headers: no script,
                // no request anywhere, whatever a narrative answer holds.
                .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"),
                      .content("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:")),
                .element(named: "title", text: ReportPage.View.title(page, model, template)),
                .unwrap(inlineCSS, { .style($0 + "\nform, nav { display: none; }") },
                        else: .group(.link(.rel(.stylesheet), .href(SiteURL.asset("synergia.css").path)),
                                     .link(.rel(.stylesheet), .href(SiteURL.asset("print.css").path), .attribute(named: "media", value: "print"))))
            ),
            .body(.main(
                .h1(page.name(template.title), .escapedText(" — "), page.name(model.partyNames.isEmpty ? ["en": model.party] : model.partyNames)),
                .p(.span(PageContext.userWritten(), .escapedText(model.cycle.title)), .escapedText(" · "), page.text("report.status.\(model.status.rawValue)"), .escapedText(" · v\(model.version)"),
                   .unwrap(model.receiptSHA256) { .group(.br(), .escapedText("SHA-256 "), .code(.escapedText($0))) }),
                .forEach(template.sections) { section in
                    // A question not asked is not printed: what is read is what would be submitted.
                    .section(.h2(page.name(section.title)), NationalTargetsInReport.printed(page, section: section, model.nationalTargets), .dl(.forEach(section.questions.filter { !model.notAsked.contains($0.id) }) { question in
                        .group(.dt(page.name(question.title)),
                               .dd(answers[question.id].map { value in
                                   // A cited file by its name, size and SHA-256 (the id means nothing on paper).
                                   AttachmentView.printed(page, value, model.attachments) ?? ReportPage.QuestionView.shown(page, question, value)
                               } ?? .escapedText("—")))
                    }))
                }
            ))
        ).render()
    }
}
