import Foundation
import Plot
import SynergiaCore

/// The answers when a PDF cannot be given now.
enum ReportPDFView {
    static func preparing(_ page: PageContext, report: UUID) -> String {
        Layout.render(page, title: page.t("pdf.preparing"), main: [
            .h1(page.text("pdf.preparing")),
            .p(page.text("pdf.preparing-text")),
            .p(.a(.href(SiteURL.reportPDF(report).path), page.text("pdf.try-again")), .escapedText(" · "),
               .a(.href(SiteURL.reportPrint(report).path), page.text("pdf.print-view"))),
        ])
    }

    static func tooLarge(_ page: PageContext, report: UUID) -> String {
        Layout.render(page, title: page.t("pdf.too-large"), main: [
            .h1(page.text("pdf.too-large")),
            .p(page.text("pdf.too-large-text")),
            .p(.a(.href(SiteURL.reportPrint(report).path), page.text("pdf.print-view"))),
        ])
    }
}
