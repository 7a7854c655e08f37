import Plot
import SynergiaCore

extension NationalTargetEditor {
    enum View {
        static func render(_ page: PageContext, _ model: Model) -> String {
            let heading = model.code.map { page.t("national-targets.edit-title", ["code": $0]) } ?? page.t("national-targets.add")
            let action = model.code.map { SiteURL.nationalTarget(party: model.party, code: $0) } ?? SiteURL.nationalTargets(party: model.party)
            return Layout.render(page, title: "\(heading) · \(model.partyName)", main: [
                .p(.a(.href(SiteURL.nationalTargets(party: model.party).path), page.text("national-targets.title-of", ["party": model.partyName]))),
                .h1(.escapedText(heading)),
                .unwrap(model.error) { .p(.class("error"), .attribute(named: "role", value: "alert"), page.text($0)) },
                .unwrap(model.theirs) { conflict(page, $0) },
                formNode(page, model, action: action),
            ])
        }

        static func formNode(_ page: PageContext, _ model: Model, action: SiteURL) -> Node<HTML.BodyContext> {
            let form = model.form
            return .form(.method(.post), .action(action.path), .class("national-target"), Layout.csrfField(page),
                .input(.type(.hidden), .name("version"), .value(String(model.version))),
                .if(model.code == nil, Layout.field(page, name: "code", labelKey: "national-targets.code", value: "")),
                Layout.field(page, name: "title", labelKey: "national-targets.target-title", value: form.title ?? ""),
                textarea(page, name: "description", labelKey: "national-targets.description", value: form.description ?? ""),
                alignments(page, model),
                progress(page, form),
                textarea(page, name: "progressSummary", labelKey: "national-targets.progress-summary", value: form.progressSummary ?? ""),
                indicators(page, model),
                otherTargets(page, model),
                .button(.type(.submit), page.text("national-targets.save")))
        }

        static func alignments(_ page: PageContext, _ model: Model) -> Node<HTML.FormContext> {
            .fieldset(.element(named: "legend", nodes: [page.text("national-targets.aligned")]),
                .p(.class("note"), page.text("national-targets.aligned-note")),
                .table(.class("data"),
                    .thead(.tr(.th(page.text("national-targets.gbf")), .th(page.text("national-targets.degree")),
                               .th(page.text("national-targets.elements")))),
                    .tbody(.forEach(model.gbf) { choice in alignmentRow(page, choice, model.form) })))
        }

        static func progress(_ page: PageContext, _ form: NationalTargetForm) -> Node<HTML.FormContext> {
            let ratings: [(value: String, label: String)] = ProgressRating.allCases.map { ($0.rawValue, page.t("progress.\($0.rawValue)")) }
            return .div(.class("field"), .label(.for("progress"), page.text("progress.category")),
                        .select(.id("progress"), .attribute(named: "name", value: "progress"),
                                Layout.options([("", "—")] + ratings, selected: form.progress ?? "")))
        }

        static func indicators(_ page: PageContext, _ model: Model) -> Node<HTML.FormContext> {
            .div(.class("field"), .label(.for("indicators"), page.text("indicators.title")),
                 .p(.id("indicators-note"), .class("note"), page.text("national-targets.indicators-note")),
                 .select(.id("indicators"), .attribute(named: "name", value: "indicators[]"),
                         .attribute(named: "multiple", value: "multiple"), .attribute(named: "size", value: "12"),
                         .attribute(named: "aria-describedby", value: "indicators-note"),
                         .raw(multipleOptions(model.indicators, selected: Set(model.form.indicators)))))
        }

        static func otherTargets(_ page: PageContext, _ model: Model) -> Node<HTML.FormContext> {
            let chosen = Set(model.form.otherTargets)
            return .fieldset(.element(named: "legend", nodes: [page.text("national-targets.other-targets")]),
                .p(.class("note"), page.text("national-targets.other-targets-note")),
                .forEach(model.otherTargets) { group in
                    .fieldset(.class("choices"), .element(named: "legend", nodes: [.escapedText(group.group)]),
                              .forEach(group.choices) { choice in otherTarget(page, choice, checked: chosen.contains(choice.value),
                                                                             suggested: model.suggested.contains(choice.value)) })
                })
        }

        static func otherTarget(_ page: PageContext, _ choice: Choice, checked: Bool, suggested: Bool) -> Node<HTML.FormContext> {
            .label(.class("choice"),
                   .input(.type(.checkbox), .name("otherTargets[]"), .value(choice.value.attributeEscaped), .checked(checked)),
                   .escapedText(" " + choice.label),
                   .if(suggested, .group(.escapedText(" "), .span(.class("badge"), page.text("national-targets.suggested-mark")))))
        }

        static func alignmentRow(_ page: PageContext, _ choice: Choice, _ form: NationalTargetForm) -> Node<HTML.TableContext> {
            let degreeID = "degree-\(choice.value)".attributeEscaped, elementsID = "elements-\(choice.value)".attributeEscaped
            return .tr(
                .th(.attribute(named: "scope", value: "row"), .id("gbf-\(choice.value)".attributeEscaped), .escapedText(choice.label)),
                .td(.select(.id(degreeID), .attribute(named: "name", value: "degree[\(choice.value)]".attributeEscaped),
                            .attribute(named: "aria-labelledby", value: "gbf-\(choice.value)".attributeEscaped),
                            Layout.options([("", "—")] + AlignmentDegree.allCases.map { ($0.rawValue, page.t("national-targets.degree-\($0.rawValue)")) },
                                           selected: form.degrees[choice.value] ?? ""))),
                .td(.input(.type(.text), .id(elementsID), .name("elements[\(choice.value)]".attributeEscaped),
                           .value((form.elements[choice.value] ?? "").attributeEscaped),
                           .attribute(named: "aria-label", value: (page.t("national-targets.elements") + " · " + choice.label).attributeEscaped))))
        }

        static func textarea(_ page: PageContext, name: String, labelKey: String, value: String) -> Node<HTML.FormContext> {
            .div(.class("field"), .label(.for(name), page.text(labelKey)),
                 .textarea(.id(name), .name(name), .rows(5), .escapedText(value)))
        }

        /// `<optgroup>`s of options, several selected.
        static func multipleOptions(_ groups: [(group: String, choices: [Choice])], selected: Set<String>) -> String {
            var html = ""
            for group in groups {
                html += "<optgroup label=\"" + group.group.attributeEscaped + "\">"
                for choice in group.choices {
                    html += "<option value=\"" + choice.value.attributeEscaped + (selected.contains(choice.value) ? "\" selected>" : "\">")
                    html += choice.label.attributeEscaped
                }
                html += "</optgroup>"
            }
            return html
        }

        /// Someone saved the target since the editor loaded it: theirs, and the way on.
        static func conflict(_ page: PageContext, _ theirs: NationalTargetDTO) -> Node<HTML.BodyContext> {
            .section(.class("conflict"), .attribute(named: "role", value: "alert"),
                .h2(page.text("national-targets.conflict")),
                .p(page.text("national-targets.conflict-note")),
                .dl(.dt(page.text("national-targets.target-title")), .dd(NationalTargetViewParts.title(page, theirs)),
                    .dt(page.text("progress.category")), .dd(NationalTargetViewParts.progress(page, theirs.progress)),
                    .dt(page.text("national-targets.aligned")),
                    .dd(.forEach(theirs.alignments) { .group(NationalTargetViewParts.gbf(page, $0.target.code), .escapedText(" ")) }),
                    .dt(page.text("national-targets.progress-summary")), .dd(.div(.class("md"), .raw(SafeMarkdown.html(theirs.progressSummary))))))
        }
    }
}
