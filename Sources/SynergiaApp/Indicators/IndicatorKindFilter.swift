import Plot
import SynergiaCore
import Vapor

/// `?kind=` of the indicator list and of a Party's dashboard: the indicators of one kind, or
/// (none asked) those a reader starts with: the headline, Aichi-era and national indicators, and
/// any other the Party has data for. The framework's 204 indicators at once would be a page of
/// hundreds of rows most readers do not want.
enum IndicatorKindFilter {
    /// The kinds in the order the filter lists them.
    static let order: [IndicatorKind] = [.headline, .component, .complementary, .binary, .aichiGlobal, .national]

    /// The kind asked for; nil when none is; 400 when it is not one.
    static func kind(_ req: Request) throws -> IndicatorKind? {
        guard let raw: String = req.query["kind"] else { return nil }
        guard let kind = IndicatorKind(rawValue: raw) else {
            throw Abort(.badRequest, reason: "kind is one of \(order.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }

    /// Whether `indicator` is listed when `kind` is asked (nil: the ones a reader starts with).
    static func includes(_ indicator: IndicatorDefinition, _ kind: IndicatorKind?, hasData: Bool = false) -> Bool {
        if let kind { return indicator.kind == kind }
        return [.headline, .aichiGlobal, .national].contains(indicator.kind) || hasData
    }

    /// How many of `indicators` each kind has, in ``order``, kinds with none left out.
    static func counts(_ indicators: [IndicatorDefinition]) -> [KindCount] {
        let counted = Dictionary(grouping: indicators, by: \.kind).mapValues(\.count)
        return order.compactMap { kind in counted[kind].map { KindCount(kind: kind, count: $0) } }
    }

    struct KindCount: Content, Sendable, Equatable {
        var kind: IndicatorKind
        var count: Int
    }
}

extension IndicatorKindFilter {
    /// The filter's links: each kind with its count, the one shown marked, and the default view.
    static func links(_ page: PageContext, _ counts: [KindCount], shown: IndicatorKind?, url: (IndicatorKind?) -> SiteURL) -> Node<HTML.BodyContext> {
        .nav(.class("kinds"), .attribute(named: "aria-label", value: page.t("indicators.kinds")),
             .ul(.li(link(page.t("indicators.kinds-main"), url(nil), current: shown == nil)),
                 .forEach(counts) { row in
                     .li(link("\(page.t("indicators.kind-\(row.kind.rawValue)")) (\(page.formats.number(row.count)))", url(row.kind),
                              current: shown == row.kind))
                 }))
    }

    static func link(_ label: String, _ url: SiteURL, current: Bool) -> Node<HTML.BodyContext> {
        current ? .strong(.attribute(named: "aria-current", value: "page"), .escapedText(label)) : .a(.href(url.path), .escapedText(label))
    }
}
