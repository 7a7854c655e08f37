import Plot
import SynergiaCore

/// One meeting: facts, agenda, documents (own and transmitted), participation, registration,
/// and for its secretariat the participant list and the forms to run it.
enum MeetingView {
    static func render(_ page: PageContext, _ detail: MeetingDetailDTO, canManage: Bool, participants: [ParticipantDTO],
                       errors: FieldErrors, notice: String?) -> String {
        let meeting = detail.meeting
        let full = meeting.capacity.map { detail.registeredCount >= $0 } ?? false
        // Title and description in the reader's language when translated into it, else as written.
        let title = TranslatedField.shown(meeting.title, language: detail.language, field: "title", detail.translations, to: page.language)
        let description = TranslatedField.shown(detail.description, language: detail.language, field: "description", detail.translations,
                                                to: page.language)
        return Layout.render(page, title: title.text, json: .api(.meeting(meeting.code)), main: [
            .h1(.span(TranslationsPage.View.marked(title.language), .escapedText(title.text)), .escapedText(" (\(meeting.code))")),
            .unwrap(notice.flatMap { $0.hasPrefix("meetings.") ? $0 : nil }) {
                .p(.class("notice"), .attribute(named: "role", value: "status"), page.text($0))
            },
            .dl(
                .dt(page.text("meetings.kind")), .dd(page.text("meeting-kind.\(meeting.kind.rawValue)")),
                .dt(page.text("parties.convention")), .dd(.a(.href(SiteURL.convention(meeting.convention).path), .escapedText(meeting.convention))),
                .dt(page.text("meetings.dates")), .dd(.escapedText("\(meeting.startDate) – \(meeting.endDate)")),
                .dt(page.text("meetings.place")), .dd(.escapedText(meeting.place ?? page.t("meetings.online"))),
                .unwrap(meeting.onlineLink) { link in .group(.dt(page.text("meetings.online-link")),
                                                              .dd(.unwrap(SafeLink.href(link), { .a(.href($0), .escapedText(link)) }, else: .escapedText(link)))) },
                .dt(page.text("meetings.calendar")), .dd(.a(.href(SiteURL.meetingCalendar(meeting.code).path), .escapedText("iCalendar")))
            ),
            .if(!detail.description.isEmpty, .group(.p(TranslationsPage.View.marked(description.language), .escapedText(description.text)),
                                                    ReportPage.QuestionView.languageNote(page, description))),
            .if(canManage || !detail.translations.isEmpty,
                .p(.a(.id("translations-link"), .href(SiteURL.translations(.meeting, meeting.code).path), page.text("translations.title")))),
            .h2(.id("agenda"), page.text("meetings.agenda")),
            .if(detail.agenda.isEmpty, .p(page.text("meetings.no-agenda")), else: .ol(.class("agenda"), .forEach(detail.agenda) { item in
                .li(.strong(.escapedText(item.number + " ")), .escapedText(item.title))
            })),
            .h2(.id("documents"), page.text("meetings.documents")),
            .if(detail.documents.isEmpty, .p(page.text("meetings.no-documents")), else: .ul(.forEach(detail.documents) { document in
                .li(
                    .unwrap(document.symbol) { .group(.code(.escapedText($0)), .escapedText(" ")) },
                    .unwrap(document.link.flatMap(SafeLink.href), { .a(.href($0), .escapedText(document.title)) }, else: .escapedText(document.title)),
                    .escapedText(" [" + document.languages.joined(separator: ", ") + "]"),
                    .unwrap(document.transmittedFrom) { from in
                        .group(.escapedText(" — "), page.text("meetings.transmitted-from"), .escapedText(" "), .a(.href(SiteURL.meeting(from).path), .escapedText(from)))
                    },
                    .if(!document.transmittedTo.isEmpty, .group(.escapedText(" — "), page.text("meetings.transmitted-to"), .escapedText(" "),
                        .forEach(document.transmittedTo) { to in .group(.a(.href(SiteURL.meeting(to).path), .escapedText(to)), .escapedText(" ")) })),
                    .if(canManage && document.transmittedFrom == nil, .form(
                        .class("inline"), .method(.post), .action(SiteURL.meetingDocumentTransmit(meeting.code, document: document.id).path),
                        Layout.csrfField(page),
                        .label(.for("to-\(document.id)"), page.text("meetings.transmit-to")),
                        .input(.type(.text), .id("to-\(document.id)"), .name("to"), .placeholder("SBI-1, COP-13")),
                        .button(.type(.submit), page.text("meetings.transmit"))
                    ))
                )
            })),
            .h2(.id("participation"), page.text("meetings.participation")),
            .p(page.text("meetings.counts", ["registered": "\(detail.registeredCount)", "invited": "\(detail.invitedCount)"]),
               .unwrap(meeting.capacity) { .group(.escapedText(" "), page.text("meetings.capacity-of", ["capacity": "\($0)"])) }),
            .ul(.forEach(ParticipantCategory.allCases) { category in
                .li(page.text("participant.\(category.rawValue)"), .escapedText(": \(detail.participantCounts[category.rawValue] ?? 0)"))
            }),
            .if(!meeting.registrationOpen, .p(.class("note"), page.text("error.meeting.closed")),
                else: .if(full, .p(.class("note"), page.text("error.meeting.full")), else: .group(
                    .h2(.id("register"), page.text("meetings.register")),
                    personForm(page, action: SiteURL.meetingAction(meeting.code, "register").path, submitKey: "meetings.register", errors: errors)
                ))),
            .if(canManage, .group(
                .h2(page.text("meetings.participants")),
                .table(.tbody(.forEach(participants) { person in
                    .tr(.td(.escapedText(person.name)), .td(.escapedText(person.email)), .td(page.text("participant.\(person.category.rawValue)")),
                        .td(.escapedText(person.party ?? person.organization ?? "")), .td(.escapedText(person.status.rawValue)))
                })),
                .h2(page.text("meetings.invite")),
                personForm(page, action: SiteURL.meetingAction(meeting.code, "invitations").path, submitKey: "meetings.invite", errors: FieldErrors()),
                .h2(page.text("meetings.add-agenda-item")),
                .form(.method(.post), .action(SiteURL.meetingAction(meeting.code, "agenda").path), Layout.csrfField(page),
                      Layout.field(page, name: "number", labelKey: "meetings.agenda-number", error: nil),
                      Layout.field(page, name: "title", labelKey: "meetings.meeting-title", error: errors["agendaTitle"]),
                      .button(.type(.submit), page.text("meetings.add-agenda-item"))),
                .h2(page.text("meetings.add-document")),
                .form(.method(.post), .action(SiteURL.meetingAction(meeting.code, "documents").path), Layout.csrfField(page),
                      Layout.field(page, name: "symbol", labelKey: "meetings.symbol", required: false),
                      Layout.field(page, name: "title", labelKey: "meetings.meeting-title", error: errors["documentTitle"]),
                      Layout.field(page, name: "languages", labelKey: "meetings.languages", value: "en", required: false),
                      Layout.field(page, name: "link", labelKey: "meetings.link", type: .url, required: false),
                      .button(.type(.submit), page.text("meetings.add-document")))
            )),
        ])
    }

    static func personForm(_ page: PageContext, action: String, submitKey: String, errors: FieldErrors) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(action), .novalidate(),
            Layout.csrfField(page),
            Layout.field(page, name: "name", labelKey: "account.name", value: page.user?.displayName ?? "", error: errors["name"]),
            Layout.field(page, name: "email", labelKey: "signin.email", type: .email, value: page.user?.email ?? "", error: errors["email"]),
            .div(.class(errors["category"] == nil ? "field" : "field invalid"), .label(.for("category"), page.text("meetings.category")),
                 .select(.id("category"), .attribute(named: "name", value: "category"),
                         Layout.options(ParticipantCategory.allCases.map { ($0.rawValue, page.t("participant.\($0.rawValue)")) }, selected: nil)),
                 .unwrap(errors["category"]) { .p(.class("error"), page.text($0)) }),
            Layout.field(page, name: "party", labelKey: "admin.users.party-code", value: page.user?.party ?? "", error: errors["party"], required: false),
            Layout.field(page, name: "organization", labelKey: "meetings.organization", error: errors["organization"], required: false),
            .button(.type(.submit), page.text(submitKey))
        )
    }
}
