import Plot
import SynergiaCore

extension NationalTargetList {
    enum View {
        static func render(_ page: PageContext, _ model: Model, canEdit: Bool) -> String {
            let party = LocalizedText(model.names).resolved(in: page.language).text
            return Layout.render(page, title: page.t("national-targets.title-of", ["party": party]),
                                 json: .api(.nationalTargets(party: model.party)), main: [
                .h1(page.text("national-targets.title-of", ["party": party])),
                .p(page.text("national-targets.intro"), .escapedText(" "),
                   .a(.href(SiteURL.party(model.party).path), page.name(model.names)), .escapedText(" · "),
                   .a(.href(SiteURL.partyProgress(model.party).path), page.text("progress.party-link"))),
                .if(canEdit, .p(.a(.class("button"), .href(SiteURL.nationalTargetAction(party: model.party, code: nil, .new).path),
                                   page.text("national-targets.add")))),
                .if(model.targets.isEmpty, .p(page.text("national-targets.none")), else: table(page, model.targets)),
                NationalTargetPackageView.offline(page, party: model.party, canEdit: canEdit),
            ])
        }

        static func table(_ page: PageContext, _ targets: [NationalTargetDTO]) -> Node<HTML.BodyContext> {
            .table(.class("data"),
                .thead(.tr(.th(page.text("national-targets.code")), .th(page.text("national-targets.target-title")),
                           .th(page.text("national-targets.aligned")), .th(page.text("progress.category")))),
                .tbody(.forEach(targets) { target in
                    .tr(.id("target-\(target.code)".attributeEscaped),
                        .th(.attribute(named: "scope", value: "row"),
                            .a(.href(SiteURL.nationalTarget(party: target.party, code: target.code).path), .escapedText(target.code))),
                        .td(NationalTargetViewParts.title(page, target),
                            .if(target.status == .draft, .group(.escapedText(" "), .span(.class("badge"), page.text("national-targets.draft"))))),
                        .td(.forEach(target.alignments) { alignment in
                            .group(NationalTargetViewParts.gbf(page, alignment.target.code), .escapedText(" "))
                        }),
                        .td(NationalTargetViewParts.progress(page, target.progress)))
                }))
        }
    }
}

/// Pieces the national target pages share.
enum NationalTargetViewParts {
    /// The title in the reader's language when translated into it, else as written; marked with its
    /// language when that differs from the page's (unknown: by its own letters).
    static func title(_ page: PageContext, _ target: NationalTargetDTO) -> Node<HTML.BodyContext> {
        written(page, target.shown("title", to: page.language))
    }

    /// A line a Party wrote, marked with its language when that is not the page's (unknown: by its own letters).
    static func written(_ page: PageContext, _ shown: WrittenText.Shown) -> Node<HTML.BodyContext> {
        guard let language = shown.language else { return .span(PageContext.userWritten(), .escapedText(shown.text)) }
        return page.marked(LocalizedString(text: shown.text, language: language))
    }

    /// A Markdown text of the target (`description`, `progressSummary`) in the reader's language when translated into it, with its `lang`.
    static func markdown(_ page: PageContext, _ field: String, _ target: NationalTargetDTO) -> Node<HTML.BodyContext> {
        markdown(page, target.shown(field, to: page.language))
    }

    static func markdown(_ page: PageContext, _ shown: WrittenText.Shown) -> Node<HTML.BodyContext> {
        .if(!shown.text.isEmpty, .div(.class("md"), PageContext.written(in: shown.language), .raw(SafeMarkdown.html(shown.text))))
    }

    /// A GBF goal (a letter) or target (a number), linked to its place on the framework's page.
    static func gbf(_ page: PageContext, _ code: String) -> Node<HTML.BodyContext> {
        let isGoal = code.first?.isLetter ?? false
        return .a(.href(isGoal ? "/frameworks/KMGBF#goal-\(SiteURL.fragment(code))" : SiteURL.frameworkTarget("KMGBF", target: code).path),
                  .escapedText("GBF "), page.text(isGoal ? "frameworks.goal" : "frameworks.target", ["code": code]))
    }

    static func progress(_ page: PageContext, _ rating: ProgressRating?) -> Node<HTML.BodyContext> {
        rating.map { page.text("progress.\($0.rawValue)") } ?? .span(.class("unknown"), page.text("progress.not-assessed"))
    }
}
