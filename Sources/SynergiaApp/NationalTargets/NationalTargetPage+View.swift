import Plot
import SynergiaCore

extension NationalTargetPage {
    enum View {
        /// `canEdit`: the reader may change it as it is (a draft, or a published one for those who
        /// may publish); `canPublish`: it is a draft the reader may publish.
        static func render(_ page: PageContext, _ model: Model, canEdit: Bool, canPublish: Bool) -> String {
            let target = model.target
            let party = LocalizedText(model.names).resolved(in: page.language).text
            return Layout.render(page, title: "\(target.code) \(target.title) · \(party)",
                                 json: .api(.nationalTarget(party: target.party, code: target.code)), main: [
                .p(.a(.href(SiteURL.nationalTargets(party: target.party).path), page.text("national-targets.title-of", ["party": party]))),
                .h1(.escapedText("\(target.code) "), NationalTargetViewParts.title(page, target),
                    .if(target.status == .draft, .group(.escapedText(" "), .span(.class("badge"), page.text("national-targets.draft"))))),
                NationalTargetViewParts.markdown(page, "description", target),
                actions(page, model, canEdit: canEdit, canPublish: canPublish),
                // Its texts in other languages, which the Party's users keep (those who may change it).
                .p(.a(.id("translations-link"), .href(SiteURL.translations(.nationalTarget, NationalTargetSubject(party: target.party, code: target.code).subject).path),
                      page.text("translations.title"))),
                .h2(page.text("national-targets.aligned")),
                .if(model.alignments.isEmpty, .p(page.text("national-targets.not-aligned")), else: .table(.class("data"),
                    .thead(.tr(.th(page.text("national-targets.gbf")), .th(page.text("national-targets.degree")),
                               .th(page.text("national-targets.elements")))),
                    .tbody(.forEach(model.alignments) { aligned in
                        .tr(.th(.attribute(named: "scope", value: "row"), NationalTargetViewParts.gbf(page, aligned.code), .escapedText(" "),
                                page.name(aligned.title)),
                            .td(page.text("national-targets.degree-\(aligned.degree.rawValue)")),
                            .td(.escapedText(aligned.elements)))
                    }))),
                .h2(page.text("progress.category")),
                .p(NationalTargetViewParts.progress(page, target.progress)),
                NationalTargetViewParts.markdown(page, "progressSummary", target),
                .h2(page.text("indicators.title")),
                .if(model.indicators.isEmpty, .p(page.text("national-targets.no-indicators")), else: .ul(.forEach(model.indicators) { indicator in
                    .li(.a(.href(SiteURL.indicator(indicator.code, party: target.party).path), .escapedText(indicator.code)), .escapedText(" "),
                        page.name(indicator.name),
                        .unwrap(indicator.kind) { .group(.escapedText(" · "), page.text("indicators.kind-\($0.rawValue)")) })
                })),
                .h2(page.text("national-targets.other-targets")),
                .if(model.otherTargets.isEmpty, .p(page.text("national-targets.no-other-targets")), else: served(page, model.otherTargets)),
                .if(!model.suggested.isEmpty, .group(
                    .h3(page.text("national-targets.suggested")),
                    .p(.class("note"), page.text("national-targets.suggested-note")),
                    served(page, model.suggested))),
                documents(page, model, canEdit: canEdit),
                .h2(page.text("national-targets.reports")),
                .if(model.reports.isEmpty, .p(page.text("national-targets.no-reports")), else: .ul(.forEach(model.reports) { use in
                    .li(.a(.href(SiteURL.report(use.report).path), .escapedText("\(use.convention) · \(use.cycle)")), .escapedText(" · "),
                        page.text("report.status.\(use.status.rawValue)"), .escapedText(" · "),
                        .forEach(use.targets) { .group(Links.target(page, $0), .escapedText(" ")) })
                })),
            ])
        }

        /// The documents attached to the target (each a download, with its SHA-256) and, to those who may change it, the form that attaches one.
        static func documents(_ page: PageContext, _ model: Model, canEdit: Bool) -> Node<HTML.BodyContext> {
            let target = model.target
            return .section(.id("documents"),
                .h2(page.text("national-targets.documents")),
                .if(model.documents.isEmpty, .p(page.text("national-targets.no-documents")), else: .ul(.forEach(model.documents) { document in
                    .li(.a(.href(SiteURL.nationalTargetDocument(party: target.party, code: target.code, document: document.id).path),
                           .attribute(named: "download", value: ""), PageContext.userWritten(), .escapedText(document.filename)),
                        AttachmentView.details(page, size: document.size, sha256: document.sha256))
                })),
                .if(canEdit, .form(.method(.post), .action(SiteURL.nationalTargetAction(party: target.party, code: target.code, .documents).path),
                                   .enctype(.multipartData), Layout.csrfField(page),
                                   .input(.type(.hidden), .name("version"), .value(String(target.version))),
                                   .label(.for("document-file"), page.text("national-targets.attach")),
                                   .input(.type(.file), .id("document-file"), .name("file"),
                                          .attribute(named: "accept", value: AttachmentType.accept)),
                                   .button(.type(.submit), page.text("attachment.attach")),
                                   .p(.class("note"), page.text("attachment.types")))))
        }

        static func served(_ page: PageContext, _ targets: [Model.Served]) -> Node<HTML.BodyContext> {
            .ul(.forEach(targets) { target in
                .li(Links.target(page, "\(target.framework)/\(target.code)"), .escapedText(" "), page.name(target.title))
            })
        }

        static func actions(_ page: PageContext, _ model: Model, canEdit: Bool, canPublish: Bool) -> Node<HTML.BodyContext> {
            let target = model.target
            return .if(canEdit || canPublish, .div(.class("actions"),
                .if(canEdit, .a(.class("button"), .href(SiteURL.nationalTargetAction(party: target.party, code: target.code, .edit).path),
                                page.text("national-targets.edit"))),
                .if(canPublish, .form(.method(.post), .action(SiteURL.nationalTargetAction(party: target.party, code: target.code, .publish).path),
                                      Layout.csrfField(page),
                                      .input(.type(.hidden), .name("version"), .value(String(target.version))),
                                      .button(.type(.submit), page.text("national-targets.publish"))))))
        }
    }
}
