import Plot
import SynergiaCore

/// The tracker: what decisions ask, of whom, by when, and how it stands.
enum ActionItemsView {
    static func render(_ page: PageContext, _ list: ActionItemListDTO, addressees: [String]) -> String {
        Layout.render(page, title: page.t("actions.title"), main: [
            .h1(page.text("actions.title")),
            .form(
                .class("filters"), .method(.get), .action("/action-items"),
                .div(.class("field"), .label(.for("addressee"), page.text("actions.addressee")),
                     .select(.id("addressee"), .attribute(named: "name", value: "addressee"),
                             Layout.options([("", page.t("actions.anyone"))] + addressees.map { ($0, label(page, "addressee", $0)) },
                                            selected: list.addressee ?? ""))),
                .div(.class("field"), .label(.for("dueBy"), page.text("actions.due-by")),
                     .input(.type(.text), .id("dueBy"), .name("dueBy"), .value((list.dueBy ?? "").attributeEscaped),
                            .placeholder("COP-13"))),
                .div(.class("field"), .label(.for("status"), page.text("actions.status")),
                     .select(.id("status"), .attribute(named: "name", value: "status"),
                             Layout.options([("", page.t("actions.any-status"))] + DecisionImport.statuses.map { ($0, label(page, "status", $0)) },
                                            selected: list.status ?? ""))),
                .div(.class("field"), .label(.for("overdue"),
                     .input(.type(.checkbox), .id("overdue"), .name("overdue"), .value("1"), .checked(list.overdue)),
                     .text(" "), page.text("actions.overdue-only"))),
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
                    .if(showDecision, .td(.a(.href("/decisions/\(item.decisionSlug.attributeEscaped)#para-\(item.paragraph.attributeEscaped)"), .text(item.decision)))),
                    .td(.text(item.paragraph + (item.subparagraph.map { "(\($0))" } ?? ""))),
                    .td(.strong(.text(label(page, "verb", item.verb))), .text(" "), .text(label(page, "addressee", item.addressee)),
                        .if(item.subjectToResources, .group(.br(), .em(page.text("actions.subject-to-resources")))),
                        .forEach(item.targets) { target in .group(.br(), targetLink(page, target)) }),
                    .td(.forEach(item.deadlines) { deadline in deadlineLink(deadline) },
                        .unwrap(item.dueDate) { .group(.br(), .small(.text($0))) },
                        .if(item.overdue, .group(.br(), .strong(.class("overdue"), page.text("actions.overdue"))))),
                    .td(.if(canTrack, statusForm(page, item), else: .group(.text(label(page, "status", item.status)),
                                                                            .if(!item.notes.isEmpty, .p(.text(item.notes))))))
                )
            })
        )
    }

    /// A named meeting links to its page; a date is shown as it is.
    static func deadlineLink(_ deadline: String) -> Node<HTML.BodyContext> {
        let isMeeting = deadline.contains("-") && deadline.first?.isLetter == true
        return .group(isMeeting ? .a(.href("/meetings/\(deadline.attributeEscaped)"), .text(deadline)) : .text(deadline), .text(" "))
    }

    /// `SP2011/9` links to Aichi Target 9 on its framework page.
    static func targetLink(_ page: PageContext, _ target: String) -> Node<HTML.BodyContext> {
        let parts = target.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return .text(target) }
        let prefix = ["SP2011": "Aichi", "KMGBF": "GBF"][parts[0]] ?? parts[0]
        return .a(.href("/frameworks/\(parts[0].attributeEscaped)#target-\(parts[1].attributeEscaped)"),
                  .text("\(prefix) "), page.text("frameworks.target", ["code": parts[1]]))
    }

    static func statusForm(_ page: PageContext, _ item: ActionItemDTO) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action("/action-items/\(item.id)"),
            Layout.csrfField(page),
            .input(.type(.hidden), .name("version"), .value(String(item.version))),
            .label(.for("status-\(item.id)"), .class("visually-hidden"), page.text("actions.status")),
            .select(.id("status-\(item.id)"), .attribute(named: "name", value: "status"),
                    Layout.options(DecisionImport.statuses.map { ($0, label(page, "status", $0)) }, selected: item.status)),
            .label(.for("notes-\(item.id)"), .class("visually-hidden"), page.text("actions.notes")),
            .textarea(.id("notes-\(item.id)"), .name("notes"), .rows(2), .text(item.notes)),
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
