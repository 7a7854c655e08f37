import Plot
import SynergiaCore

/// What an import did: how many values it stored, or every problem (the first thousand) with its line.
enum ImportResultView {
    static func problems(_ page: PageContext, _ errors: IndicatorImportErrors) -> String {
        Layout.render(page, title: page.t("indicators.import-problems"), main: [
            .h1(page.text("indicators.import-problems")),
            .p(page.text("package.nothing-applied")),
            .if(errors.total > errors.errors.count,
                .p(page.text("import.more-problems", ["shown": "\(errors.errors.count)", "total": "\(errors.total)"]))),
            .ul(.class("problems"), .forEach(errors.errors) { error in
                .li(page.text("package.line", ["line": "\(error.line)"]), .escapedText(": "),
                    .unwrap(error.column) { .group(.code(.escapedText($0)), .escapedText(" — ")) }, .escapedText(error.message))
            }),
        ])
    }

    static func imported(_ page: PageContext, count: Int, indicators: [String]) -> String {
        Layout.render(page, title: page.t("indicators.imported", ["count": "\(count)"]), main: [
            .h1(page.text("indicators.imported", ["count": "\(count)"])),
            .ul(.forEach(indicators) { .li(.a(.href(SiteURL.indicator($0).path), .escapedText($0))) }),
        ])
    }
}
