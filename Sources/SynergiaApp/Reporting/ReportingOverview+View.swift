import Foundation
import Plot
import SynergiaCore

extension ReportingOverview {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            Layout.render(page, title: page.t("reporting.title"), json: .api(.reportingCycles), main: [
                .h1(page.text("reporting.title")),
                .p(page.text("reporting.lead"), .escapedText(" "), .a(.href(SiteURL.synergy.path), page.text("synergy.title"))),
                .h2(page.text("reporting.cycles")),
                .if(model.cycles.isEmpty, .p(page.text("reporting.no-cycles")), else: .table(
                    .thead(.tr(.th(page.text("meetings.meeting-title")), .th(page.text("parties.convention")), .th(page.text("reporting.due")),
                               .th(page.text("actions.status")), .th(page.text("reporting.my-report")))),
                    .tbody(.forEach(model.cycles) { row in
                        .tr(.id("cycle-\(row.cycle.template)".attributeEscaped), .td(PageContext.userWritten(), .escapedText(row.cycle.title)), .td(.escapedText(row.cycle.convention)),
                            .td(page.day(iso: row.cycle.dueOn)), .td(page.text("reporting.cycle-\(row.cycle.status.rawValue)")),
                            .td(myReport(page, row)))
                    }))),
                .if(!model.published.isEmpty, .group(
                    .h2(page.text("reporting.published")),
                    .ul(.forEach(model.published) { report in
                        .li(.a(.href(SiteURL.report(report.id).path), .escapedText("\(report.party) — "), .span(PageContext.userWritten(), .escapedText(report.cycleTitle)), .escapedText(" (v\(report.version))")))
                    }))),
                .if(!model.openable.isEmpty, .group(
                    .h2(page.text("reporting.open-cycle")),
                    .form(.method(.post), .action(SiteURL.reportingCycles.path), Layout.csrfField(page),
                          .div(.class("field"), .label(.for("template"), page.text("reporting.template")),
                               .select(.id("template"), .attribute(named: "name", value: "template"),
                                       Layout.options(model.openable.map { ($0.id, "\($0.convention): \($0.title) (v\($0.version))") }, selected: nil))),
                          Layout.field(page, name: "title", labelKey: "meetings.meeting-title", required: false),
                          Layout.field(page, name: "opensOn", labelKey: "reporting.opens", type: .date),
                          Layout.field(page, name: "dueOn", labelKey: "reporting.due", type: .date),
                          .button(.type(.submit), page.text("reporting.open-cycle"))))),
            ])
        }

        static func myReport(_ page: PageContext, _ row: Model.Cycle) -> Node<HTML.BodyContext> {
            if let report = row.myReport { return .a(.href(SiteURL.report(report.id).path), page.text("report.status.\(report.status.rawValue)")) }
            guard row.canStart else { return .escapedText("—") }
            return .form(.method(.post), .action(SiteURL.reportingCycleReports(row.cycle.id).path), Layout.csrfField(page),
                         .button(.type(.submit), page.text("reporting.start")))
        }
    }
}
