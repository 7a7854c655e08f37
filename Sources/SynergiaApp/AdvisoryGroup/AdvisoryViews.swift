import Foundation
import Plot
import SynergiaCore

/// The calls for nominations, the current first; earlier calls stay listed.
enum AdvisoryCallsView {
    static func render(_ page: PageContext, _ calls: [AdvisoryCallDTO], canCreate: Bool) -> String {
        Layout.render(page, title: page.t("advisory.title"), json: .api(.advisoryCalls), main: [
            .h1(page.text("advisory.title")),
            .p(page.text("advisory.lead")),
            .if(calls.isEmpty, .p(page.text("advisory.no-calls")), else: .ul(.forEach(calls) { call in
                .li(.a(.href(SiteURL.advisoryCall(call.id).path), .escapedText(call.title)), .escapedText(" — "),
                    page.text(call.closed ? "advisory.closed" : "advisory.deadline", ["date": AdvisoryCallView.day(call.deadline)]))
            })),
            .if(canCreate, .group(
                .h2(page.text("advisory.new-call")),
                .form(.method(.post), .action(SiteURL.advisoryGroup.path), Layout.csrfField(page),
                      Layout.field(page, name: "title", labelKey: "meetings.meeting-title"),
                      Layout.field(page, name: "deadline", labelKey: "advisory.deadline-field", type: .date),
                      Layout.field(page, name: "mandate", labelKey: "advisory.mandate", value: "CBD decision XII/6, paragraph 6", required: false),
                      .button(.type(.submit), page.text("advisory.new-call")))
            )),
        ])
    }
}

/// One call: the balance rule's state, the nominations, the forms, and the observers apart.
enum AdvisoryCallView {
    static func render(_ page: PageContext, _ detail: AdvisoryCallDetailDTO, canNominate: Bool, canSelect: Bool, error: String?) -> String {
        let call = detail.call
        let open = !call.closed && call.deadline >= Date()
        return Layout.render(page, title: call.title, json: .api(.advisoryCall(call.id)), main: [
            .h1(.escapedText(call.title)),
            .p(.escapedText(call.mandate), .escapedText(" · "),
               page.text(call.closed ? "advisory.closed" : "advisory.deadline", ["date": day(call.deadline)])),
            .unwrap(error) { .div(.class("alert"), .attribute(named: "role", value: "alert"), .p(page.text($0))) },
            .h2(.id("balance"), page.text("advisory.balance")),
            .p(page.text(detail.complete ? "advisory.complete" : "advisory.incomplete")),
            .table(
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), page.text("parties.region")),
                           .th(.attribute(named: "scope", value: "col"), page.text("advisory.selected")),
                           .th(.attribute(named: "scope", value: "col"), page.text("advisory.missing")))),
                .tbody(.forEach(detail.balance) { row in
                    .tr(.th(.attribute(named: "scope", value: "row"), page.text("region.\(row.regionalGroup)")),
                        .td(page.number(row.selected)),
                        .td(.if(row.missing > 0, .strong(.class("overdue"), page.number(row.missing)), else: page.number(0))))
                })
            ),
            .h2(.id("nominations"), page.text("advisory.nominations")),
            .if(detail.nominations.isEmpty, .p(page.text("advisory.no-nominations")), else: .table(
                .thead(.tr(.th(page.text("advisory.candidate")), .th(page.text("parties.party")), .th(page.text("parties.region")),
                           .th(page.text("advisory.expertise")), .th(page.text("advisory.languages")), .th(page.text("actions.status")))),
                .tbody(.forEach(detail.nominations) { nomination in
                    .tr(.td(.escapedText(nomination.candidateName ?? "—")), .td(.a(.href(SiteURL.party(nomination.party).path), .escapedText(nomination.party))),
                        .td(.unwrap(nomination.regionalGroup, { page.text("region.\($0)") }, else: page.text("parties.no-region"))),
                        .td(.escapedText(nomination.expertise)), .td(.escapedText(nomination.languages.joined(separator: ", "))),
                        .td(.if(nomination.status == .selected, .strong(page.text("advisory.status-selected")),
                                else: .if(canSelect && !call.closed, .form(.method(.post), .action(SiteURL.advisoryNominationSelect(call.id, nomination: nomination.id).path),
                                                                           Layout.csrfField(page), .button(.type(.submit), page.text("advisory.select"))),
                                          else: page.text("advisory.status-nominated")))))
                })
            )),
            .if(canNominate && open, .group(
                .h2(page.text("advisory.nominate")),
                .form(.method(.post), .action(SiteURL.advisoryCallAction(call.id, "nominations").path), Layout.csrfField(page),
                      Layout.field(page, name: "candidateName", labelKey: "advisory.candidate"),
                      Layout.field(page, name: "expertise", labelKey: "advisory.expertise"),
                      Layout.field(page, name: "languages", labelKey: "advisory.languages", value: "en", required: false),
                      .div(.class("field"), .label(.for("cv"), page.text("advisory.cv")),
                           .textarea(.id("cv"), .name("cv"), .rows(6))),
                      .button(.type(.submit), page.text("advisory.nominate")))
            )),
            .h2(.id("observers"), page.text("advisory.observers")),
            .if(detail.observers.isEmpty, .p(page.text("advisory.no-observers")), else: .ul(.forEach(detail.observers) { observer in
                .li(.escapedText(observer.organization), .unwrap(observer.person) { .escapedText(" — \($0)") })
            })),
            .if(canSelect && !call.closed, .group(
                .form(.method(.post), .action(SiteURL.advisoryCallAction(call.id, "observers").path), Layout.csrfField(page),
                      Layout.field(page, name: "organization", labelKey: "meetings.organization"),
                      Layout.field(page, name: "person", labelKey: "account.name", required: false),
                      .button(.type(.submit), page.text("advisory.add-observer"))),
                .form(.method(.post), .action(SiteURL.advisoryCallAction(call.id, "close").path), Layout.csrfField(page),
                      .button(.type(.submit), page.text("advisory.close")))
            )),
        ])
    }

    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
