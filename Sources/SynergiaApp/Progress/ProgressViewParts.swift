import Plot
import SynergiaCore

/// Pieces the progress pages share: the table of counts by category, a category's name and its
/// colour (as a class of the stylesheet: the pages' Content-Security-Policy allows no inline style).
enum ProgressViewParts {
    /// A table: one row per label, one column per category.
    static func table(_ page: PageContext, _ rows: [(label: String, counts: ProgressAggregation.Counts)],
                      link: ((String) -> String)? = nil) -> Node<HTML.BodyContext> {
        .table(.class("data"),
               .thead(.tr(.th(.escapedText("")), .forEach(ProgressCategory.allCases) { .th(.escapedText(label(page, $0))) })),
               .tbody(.forEach(rows) { row in
                   .tr(.th(.attribute(named: "scope", value: "row"),
                           .unwrap(link, { .a(.href($0(row.label).attributeEscaped), .escapedText(row.label)) }, else: .escapedText(row.label))),
                       .forEach(ProgressCategory.allCases) { .td(page.number(row.counts[$0] ?? 0)) })
               }))
    }

    static func label(_ page: PageContext, _ category: ProgressCategory) -> String { page.t("progress.\(category.rawValue)") }

    /// The stylesheet class that gives a category its colour (`.category-on-track` …; none: not assessed).
    static func colourClass(_ category: ProgressCategory?) -> String {
        "category-" + (category?.rawValue ?? "none")
    }

    /// The legend of the colours.
    static func legend(_ page: PageContext) -> Node<HTML.BodyContext> {
        .ul(.class("legend"), .forEach(ProgressCategory.allCases.map(Optional.some) + [nil]) { category in
            .li(.span(.class("swatch " + colourClass(category)), .attribute(named: "aria-hidden", value: "true")),
                .escapedText(category.map { label(page, $0) } ?? page.t("progress.not-assessed")))
        })
    }
}
