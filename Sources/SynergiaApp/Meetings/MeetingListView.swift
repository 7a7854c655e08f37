import Plot
import SynergiaCore

/// The meetings and workshops, with a form for the secretariat to add one.
enum MeetingListView {
    static func render(_ page: PageContext, _ meetings: [MeetingSummaryDTO], conventions: [ConventionDTO], canCreate: Bool,
                       errors: FieldErrors, form: [String: String]) -> String {
        Layout.render(page, title: page.t("meetings.title"), json: .api(.meetings), main: [
            .h1(page.text("meetings.title")),
            .p(.a(.href(SiteURL.calendar.path), page.text("meetings.calendar-feed"))),
            .if(meetings.isEmpty, .p(page.text("meetings.none")), else: .table(
                .thead(.tr(
                    .th(.attribute(named: "scope", value: "col"), page.text("meetings.meeting")),
                    .th(.attribute(named: "scope", value: "col"), page.text("meetings.dates")),
                    .th(.attribute(named: "scope", value: "col"), page.text("meetings.place"))
                )),
                .tbody(.forEach(meetings) { meeting in
                    let title = meeting.shownTitle(to: page.language)
                    return .tr(
                        .th(.attribute(named: "scope", value: "row"), .a(.href(SiteURL.meeting(meeting.code).path), .escapedText(meeting.code)),
                            .br(), .span(TranslationsPage.View.marked(title.language), .escapedText(title.text))),
                        .td(.element(named: "time", nodes: [.attribute(named: "datetime", value: meeting.startDate.attributeEscaped), .escapedText(meeting.startDate)]),
                            .escapedText(" – "), .escapedText(meeting.endDate)),
                        .td(.escapedText(meeting.place ?? page.t("meetings.online")))
                    )
                })
            )),
            .if(canCreate, .group(
                .h2(.id("new-meeting"), page.text("meetings.add")),
                .form(
                    .method(.post), .action(SiteURL.meetings.path), .novalidate(),
                    Layout.csrfField(page),
                    Layout.field(page, name: "code", labelKey: "meetings.code", value: form["code"] ?? "", error: errors["code"]),
                    Layout.field(page, name: "title", labelKey: "meetings.meeting-title", value: form["title"] ?? "", error: errors["title"]),
                    .div(.class("field"), .label(.for("kind"), page.text("meetings.kind")),
                         .select(.id("kind"), .attribute(named: "name", value: "kind"),
                                 Layout.options(MeetingKind.allCases.map { ($0.rawValue, page.t("meeting-kind.\($0.rawValue)")) }, selected: form["kind"]))),
                    .div(.class("field"), .label(.for("convention"), page.text("parties.convention")),
                         .select(.id("convention"), .attribute(named: "name", value: "convention"),
                                 Layout.options(conventions.map { ($0.code, $0.shortName) }, selected: form["convention"] ?? page.user?.convention))),
                    Layout.field(page, name: "startDate", labelKey: "meetings.start", type: .date, value: form["startDate"] ?? "", error: errors["startDate"]),
                    Layout.field(page, name: "endDate", labelKey: "meetings.end", type: .date, value: form["endDate"] ?? "", error: errors["endDate"]),
                    Layout.field(page, name: "place", labelKey: "meetings.place", value: form["place"] ?? "", error: errors["place"], required: false),
                    Layout.field(page, name: "onlineLink", labelKey: "meetings.online-link", type: .url, value: form["onlineLink"] ?? "", error: errors["onlineLink"], required: false),
                    Layout.field(page, name: "capacity", labelKey: "meetings.capacity", type: .number, value: form["capacity"] ?? "", error: errors["capacity"], required: false),
                    .button(.type(.submit), page.text("meetings.add"))
                )
            )),
        ])
    }
}
