import Plot
import SynergiaCore

/// The preview of an uploaded package of national targets, and its problems.
enum NationalTargetPackageView {
    /// Each target the package holds: new, changed (which fields) or unchanged, and those changed
    /// online since the download with the choice to replace them; the package's `text` carried to the confirmation.
    static func preview(_ page: PageContext, party: String, _ changes: [NationalTargetPackageService.Change], text: String) -> String {
        let changing = changes.filter { $0.kind != .unchanged }
        return Layout.render(page, title: page.t("national-target-package.preview"), main: [
            .p(.class("breadcrumb"), .a(.href(SiteURL.nationalTargets(party: party).path), page.text("national-targets.title"))),
            .h1(page.text("national-target-package.preview")),
            .p(page.text("national-target-package.changes", ["count": "\(changing.count)"])),
            .form(.method(.post), .action(SiteURL.nationalTargetAction(party: party, code: nil, .packageApply).path), Layout.csrfField(page),
                  .textarea(.name("text"), .attribute(named: "hidden", value: "hidden"), .escapedText(text)),
                  .table(.class("data"),
                         .thead(.tr(.th(page.text("national-targets.code")), .th(page.text("national-targets.target-title")),
                                    .th(page.text("national-target-package.what")), .th(page.text("package.online-change")))),
                         .tbody(.forEach(changes) { change in
                             .tr(.id("change-\(change.code)".attributeEscaped), .class(change.changedOnline ? "changed-online" : ""),
                                 .th(.attribute(named: "scope", value: "row"), .escapedText(change.code)),
                                 .td(.span(PageContext.userWritten(), .escapedText(change.title))),
                                 .td(page.text("national-target-package.\(change.kind.rawValue)"),
                                     .if(!change.fields.isEmpty, .group(.escapedText(": "), .escapedText(change.fields.joined(separator: ", "))))),
                                 .td(.if(change.changedOnline && change.mayChange, .label(
                                     .input(.type(.checkbox), .name("overwrite[]"), .value(change.code.attributeEscaped)),
                                     .escapedText(" "), page.text("national-target-package.overwrite")), else: .escapedText(""))))
                         })),
                  .if(!changing.isEmpty, .button(.type(.submit), .id("apply-package"), page.text("package.apply")))),
            .p(.a(.href(SiteURL.nationalTargets(party: party).path), page.text("national-target-package.cancel"))),
        ])
    }

    static func problems(_ page: PageContext, party: String, _ problems: [NationalTargetPackageService.Problem]) -> String {
        Layout.render(page, title: page.t("package.problems"), main: [
            .h1(page.text("package.problems")),
            .p(page.text("package.nothing-applied")),
            .ul(.class("problems"), .forEach(problems) { problem in
                .li(.unwrap(problem.target) { .group(.code(.escapedText($0)), .escapedText(" — ")) }, page.text(problem.reason))
            }),
            .p(.a(.href(SiteURL.nationalTargets(party: party).path), page.text("national-target-package.cancel"))),
        ])
    }

    /// On the list: the download and, for those who may write the Party's targets, the upload.
    static func offline(_ page: PageContext, party: String, canEdit: Bool) -> Node<HTML.BodyContext> {
        .section(.class("offline"),
                 .h2(page.text("package.download")),
                 .p(.a(.href(SiteURL.nationalTargetAction(party: party, code: nil, .packageJSON).path), page.text("package.download-json")),
                    .escapedText(" "), .span(.class("note"), page.text("national-target-package.help"))),
                 .if(canEdit, .form(.method(.post), .action(SiteURL.nationalTargetAction(party: party, code: nil, .packageUpload).path),
                                    .enctype(.multipartData), Layout.csrfField(page),
                                    .label(.for("package-file"), page.text("package.upload")),
                                    .input(.type(.file), .id("package-file"), .name("package"), .attribute(named: "accept", value: ".json")),
                                    .button(.type(.submit), page.text("national-target-package.preview-button")))))
    }
}
