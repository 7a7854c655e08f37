import Plot
import SynergiaCore

/// The tracker: what decisions ask, of whom, by when, and how it stands.
enum ActionItemsView {
    static func render(_ page: PageContext, _ list: ActionItemListDTO, addressees: [String]) -> String {
        Layout.render(page, title: page.t("actions.title"), json: .api(.actionItems), main: [
            .h1(page.text("actions.title")),
            .form(
                .class("filters"), .method(.get), .action(SiteURL.actionItems.path),
                .div(.class("field"), .label(.for("addressee"), page.text("actions.addressee")),
                     .select(.id("addressee"), .attribute(named: "name", value: "addressee"),
                             Layout.options([("", page.t("actions.anyone"))] + addressees.map { ($0, label(page, "addressee", $0)) },
                                            selected: list.addressee ?? ""))),
                .div(.class("field"), .label(.for("dueBy"), page.text("actions.due-by")),
                     .input(.type(.text), .id("dueBy"), .name("dueBy"), .value((list.dueBy ?? "").attributeEscaped),
                            .placeholder("COP-13"))),
                .div(.class("field"), .label(.for("status"), page.text("actions.status")),
                     .select(.id("status"), .attribute(named: "name", value: "status"),
                             Layout.options([("", page.t("actions.any-status"))] + ActionItemStatus.allCases.map { ($0.rawValue, label(page, "status", $0.rawValue)) },
                                            selected: list.status?.rawValue ?? ""))),
                .div(.class("field"), .label(.for("overdue"),
                     .input(.type(.checkbox), .id("overdue"), .name("overdue"), .value("1"), .checked(list.overdue)),
                     .escapedText(" "), page.text("actions.overdue-only"))),
                .button(.type(.submit), page.text("parties.filter"))
            ),
            .p(.attribute(named: "role", value: "status"), page.text("actions.count", ["count": "\(list.count)"])),
            table(page, list.items, canTrack: false, showDecision: true),
        ])
    }

    /// The items as a table; with `canTrack`, each row has a form to record its status.
    static func table(_ page: PageContext, _ items: [ActionItemDTO], canTrack: Bool, showDecision: Bool) -> Node<HTML.BodyContext> {
        .table(
            .class("action-items"),
            .thead(.tr(
                .if(showDecision, .th(.attribute(named: "scope", value: "col"), page.text("decisions.decision"))),
                .th(.attribute(named: "scope", value: "col"), page.text("actions.paragraph")),
                .th(.attribute(named: "scope", value: "col"), page.text("actions.asks")),
                .th(.attribute(named: "scope", value: "col"), page.text("actions.due")),
                .th(.attribute(named: "scope", value: "col"), page.text("actions.status"))
            )),
            .tbody(.forEach(items) { item in
                .tr(
                    .id("item-\(item.id)"),
                    .if(showDecision, .td(.a(.href(SiteURL.decisionParagraph(item.decisionSlug, paragraph: item.paragraph).path), .escapedText(item.decision)))),
                    .td(.escapedText(item.paragraph + (item.subparagraph.map { "(\($0))" } ?? ""))),
                    .td(.strong(.escapedText(label(page, "verb", item.verb))), .escapedText(" "), .escapedText(label(page, "addressee", item.addressee)),
                        .if(item.subjectToResources, .group(.br(), .em(page.text("actions.subject-to-resources")))),
                        .forEach(item.targets) { target in .group(.br(), Links.target(page, target)) }),
                    .td(.forEach(item.deadlines) { deadline in Links.deadline(deadline) },
                        .unwrap(item.dueDate) { .group(.br(), .small(.escapedText($0))) },
                        .if(item.overdue, .group(.br(), .strong(.class("overdue"), page.text("actions.overdue"))))),
                    .td(.if(canTrack, statusForm(page, item), else: .group(.escapedText(label(page, "status", item.status.rawValue)),
                                                                            .if(!item.notes.isEmpty, .p(.escapedText(item.notes))))))
                )
            })
        )
    }

    static func statusForm(_ page: PageContext, _ item: ActionItemDTO) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.actionItem(item.id).path),
            Layout.csrfField(page),
            .input(.type(.hidden), .name("version"), .value(String(item.version))),
            .label(.for("status-\(item.id)"), .class("visually-hidden"), page.text("actions.status")),
            .select(.id("status-\(item.id)"), .attribute(named: "name", value: "status"),
                    Layout.options(ActionItemStatus.allCases.map { ($0.rawValue, label(page, "status", $0.rawValue)) }, selected: item.status.rawValue)),
            .label(.for("notes-\(item.id)"), .class("visually-hidden"), page.text("actions.notes")),
            .textarea(.id("notes-\(item.id)"), .name("notes"), .rows(2), .escapedText(item.notes)),
            .button(.type(.submit), page.text("actions.save"))
        )
    }

    /// A catalog label for a verb, addressee or status id; the id itself when the catalog has none.
    static func label(_ page: PageContext, _ kind: String, _ id: String) -> String {
        let key = "\(kind).\(id)"
        let text = page.t(key)
        return text == key ? id.replacingOccurrences(of: "-", with: " ") : text
    }
}
