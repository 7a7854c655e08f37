import Foundation

/// Accessible, standalone SVG charts for indicator series and progress counts.
///
/// Every chart is a complete SVG document (`xmlns`), marked `role="img"` and labelled by
/// its `<title>` and a `<desc>` that states the data in words, so screen readers convey
/// what sighted readers see. Text is XML-escaped; there is no script; ids derive from the
/// title, so the same input always gives the same bytes. Empty or non-finite data draws
/// empty axes and says "no data" rather than producing NaN coordinates.
public enum SVGChart {
    /// Colour-blind-safe palette (Okabe–Ito) for line series, used in order.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

    /// A line chart: one `<polyline>` per series with at least one finite point, dots at
    /// the points, axes with labelled ticks, and a legend.
    public static func lineChart(
        title: String,
        series: [(label: String, points: [(x: Double, y: Double)])],
        xLabel: String,
        yLabel: String,
        width: Int = 640,
        height: Int = 400,
        in catalog: Catalog
    ) -> String {
        let width = max(width, 200), height = max(height, 150)
        let value = values(catalog)
        let clean = series.map { (label: $0.label, points: $0.points.filter { $0.x.isFinite && $0.y.isFinite }.sorted { $0.x < $1.x }) }
        let all = clean.flatMap(\.points)
        let xTicks = niceTicks(min: all.map(\.x).min() ?? 0, max: all.map(\.x).max() ?? 1, integers: all.allSatisfy { $0.x == $0.x.rounded() })
        let yTicks = niceTicks(min: min(0, all.map(\.y).min() ?? 0), max: all.map(\.y).max() ?? 1, integers: false)
        let legendRows = clean.count
        let plot = Plot(left: 70, top: 40, right: Double(width) - 20, bottom: Double(height) - 60 - Double(legendRows) * 18)
        let sx = { (x: Double) in plot.left + (x - xTicks.first!) / (xTicks.last! - xTicks.first!) * (plot.right - plot.left) }
        let sy = { (y: Double) in plot.bottom - (y - yTicks.first!) / (yTicks.last! - yTicks.first!) * (plot.bottom - plot.top) }

        var desc = catalog["chart.line", ["x": xLabel, "y": yLabel]] + " "
        if all.isEmpty {
            desc += catalog["chart.no-data"]
        } else {
            desc += catalog["chart.series-count", ["count": "\(clean.count)"]] + " " + clean.map { s -> String in
                guard let first = s.points.first, let last = s.points.last else { return catalog["chart.series-empty", ["label": s.label]] }
                let ys = s.points.map(\.y)
                return catalog["chart.series", ["label": s.label, "count": "\(s.points.count)", "first": value(first.y), "firstX": label(first.x),
                                                "last": value(last.y), "lastX": label(last.x), "min": value(ys.min()!), "max": value(ys.max()!)]]
            }.joined(separator: " ")
        }

        var svg = header(title: title, desc: desc, width: width, height: height, rightToLeft: false)
        svg += axes(plot: plot)
        svg += "<g class=\"x-ticks\" font-size=\"11\" text-anchor=\"middle\">\n"
        for t in xTicks {
            let x = sx(t)
            svg += "<line x1=\"\(c(x))\" y1=\"\(c(plot.bottom))\" x2=\"\(c(x))\" y2=\"\(c(plot.bottom + 5))\" stroke=\"#333\"/><text x=\"\(c(x))\" y=\"\(c(plot.bottom + 18))\">\(escape(label(t)))</text>\n"
        }
        svg += "</g>\n<g class=\"y-ticks\" font-size=\"11\" text-anchor=\"end\">\n"
        for t in yTicks {
            let y = sy(t)
            svg += "<line x1=\"\(c(plot.left - 5))\" y1=\"\(c(y))\" x2=\"\(c(plot.left))\" y2=\"\(c(y))\" stroke=\"#333\"/><line x1=\"\(c(plot.left))\" y1=\"\(c(y))\" x2=\"\(c(plot.right))\" y2=\"\(c(y))\" stroke=\"#ddd\"/><text x=\"\(c(plot.left - 8))\" y=\"\(c(y + 4))\">\(escape(value(t)))</text>\n"
        }
        svg += "</g>\n"
        svg += axisLabels(plot: plot, xLabel: xLabel, yLabel: yLabel, xLabelY: plot.bottom + 38)
        for (i, s) in clean.enumerated() where !s.points.isEmpty {
            let color = palette[i % palette.count]
            let points = s.points.map { "\(c(sx($0.x))),\(c(sy($0.y)))" }.joined(separator: " ")
            svg += "<g class=\"series\" aria-label=\"\(escape(s.label))\">\n"
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
            for p in s.points {
                svg += "<circle cx=\"\(c(sx(p.x)))\" cy=\"\(c(sy(p.y)))\" r=\"3\" fill=\"\(color)\"/>\n"
            }
            svg += "</g>\n"
        }
        svg += "<g class=\"legend\" font-size=\"12\">\n"
        for (i, s) in clean.enumerated() {
            let y = plot.bottom + 56 + Double(i) * 18
            svg += "<line x1=\"\(c(plot.left))\" y1=\"\(c(y - 4))\" x2=\"\(c(plot.left + 20))\" y2=\"\(c(y - 4))\" stroke=\"\(palette[i % palette.count])\" stroke-width=\"2\"/><text x=\"\(c(plot.left + 26))\" y=\"\(c(y))\">\(escape(s.label))</text>\n"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// A stacked bar chart of counts (e.g. Parties per ``ProgressCategory`` per region): one
    /// `<g>` per bar with one `<rect>` per non-zero segment, a count axis with labelled ticks,
    /// bar labels and a legend of categories in first-seen order. Colours must be `#rgb`,
    /// `#rrggbb` or a CSS colour name; anything else is drawn grey. In a right-to-left language
    /// the chart reads from the right: the first bar, the count axis and the legend on the right.
    public static func stackedBar(
        title: String,
        bars: [(label: String, segments: [(category: String, value: Int, color: String)])],
        width: Int = 640,
        height: Int = 400,
        in catalog: Catalog
    ) -> String {
        let width = max(width, 200), height = max(height, 150)
        let rtl = catalog.language.isRightToLeft
        // x as drawn: mirrored in a right-to-left language.
        let mx = { (x: Double) in rtl ? Double(width) - x : x }
        // Text anchors are relative to the text's direction (`direction` on the root): "end" puts a
        // tick label beside the axis on either side, "start" a legend entry after its swatch.
        let value = values(catalog)
        let totals = bars.map { $0.segments.reduce(0) { $0 + max($1.value, 0) } }
        var categories: [(name: String, color: String)] = []
        for bar in bars { for s in bar.segments where !categories.contains(where: { $0.name == s.category }) { categories.append((s.category, safeColor(s.color))) } }
        let yTicks = niceTicks(min: 0, max: Double(max(totals.max() ?? 0, 1)), integers: true)
        let plot = Plot(left: 60, top: 40, right: Double(width) - 20, bottom: Double(height) - 60 - Double(categories.count) * 18)
        let sy = { (v: Double) in plot.bottom - v / yTicks.last! * (plot.bottom - plot.top) }

        var desc = catalog["chart.bars", ["count": "\(bars.count)"]] + " "
        if bars.isEmpty {
            desc += catalog["chart.no-data"]
        } else {
            desc += zip(bars, totals).map { bar, total in
                let parts = bar.segments.filter { $0.value > 0 }.map { catalog["chart.part", ["category": $0.category, "count": "\($0.value)"]] }
                return parts.isEmpty ? catalog["chart.bar", ["label": bar.label, "total": "\(total)"]]
                    : catalog["chart.bar-parts", ["label": bar.label, "total": "\(total)", "parts": parts.joined(separator: catalog["list.separator"])]]
            }.joined(separator: " ")
        }

        var svg = header(title: title, desc: desc, width: width, height: height, rightToLeft: rtl)
        svg += axes(plot: plot, mirrored: rtl, width: width)
        svg += "<g class=\"y-ticks\" font-size=\"11\" text-anchor=\"end\">\n"
        for t in yTicks {
            let y = sy(t)
            svg += "<line x1=\"\(c(mx(plot.left - 5)))\" y1=\"\(c(y))\" x2=\"\(c(mx(plot.left)))\" y2=\"\(c(y))\" stroke=\"#333\"/><text x=\"\(c(mx(plot.left - 8)))\" y=\"\(c(y + 4))\">\(escape(value(t)))</text>\n"
        }
        svg += "</g>\n"
        let slot = bars.isEmpty ? 0 : (plot.right - plot.left) / Double(bars.count)
        for (i, bar) in bars.enumerated() {
            let w = slot * 0.7
            let x = mx(plot.left + Double(i) * slot + slot * 0.15) - (rtl ? w : 0)
            var base = 0.0
            svg += "<g class=\"bar\" aria-label=\"\(escape(catalog["chart.bar", ["label": bar.label, "total": "\(totals[i])"]]))\">\n"
            for s in bar.segments where s.value > 0 {
                let top = sy(base + Double(s.value))
                svg += "<rect x=\"\(c(x))\" y=\"\(c(top))\" width=\"\(c(w))\" height=\"\(c(sy(base) - top))\" fill=\"\(safeColor(s.color))\"><title>\(escape("\(bar.label) — " + catalog["chart.part", ["category": s.category, "count": "\(s.value)"]]))</title></rect>\n"
                base += Double(s.value)
            }
            svg += "<text x=\"\(c(x + w / 2))\" y=\"\(c(plot.bottom + 18))\" font-size=\"11\" text-anchor=\"middle\">\(escape(bar.label))</text>\n</g>\n"
        }
        svg += "<g class=\"legend\" font-size=\"12\" text-anchor=\"start\">\n"
        for (i, cat) in categories.enumerated() {
            let y = plot.bottom + 44 + Double(i) * 18
            svg += "<rect x=\"\(c(mx(plot.left) - (rtl ? 12 : 0)))\" y=\"\(c(y - 10))\" width=\"12\" height=\"12\" fill=\"\(cat.color)\"/><text x=\"\(c(mx(plot.left + 18)))\" y=\"\(c(y))\">\(escape(cat.name))</text>\n"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// A stacked bar per group from ``ProgressAggregation`` counts, categories in
    /// ``ProgressCategory`` order with ``progressColors``, named in the catalog's language.
    public static func progressBars(title: String, counts: [(label: String, counts: ProgressAggregation.Counts)], in catalog: Catalog) -> String {
        stackedBar(title: title, bars: counts.map { group in
            (label: group.label, segments: ProgressCategory.allCases.map {
                (category: catalog["progress.\($0.rawValue)"], value: group.counts[$0] ?? 0, color: progressColors[$0]!)
            })
        }, in: catalog)
    }

    /// Conventional colours for progress categories (dark green to red, grey for unknown).
    public static let progressColors: [ProgressCategory: String] = [
        .onTrackToExceed: "#1A7F37", .onTrack: "#4CAF50", .insufficientRate: "#F2C200",
        .noSignificantChange: "#F08C00", .movingAway: "#C62828", .unknown: "#9E9E9E",
    ]

    // MARK: - Pieces

    struct Plot { var left, top, right, bottom: Double }

    static func header(title: String, desc: String, width: Int, height: Int, rightToLeft: Bool) -> String {
        let id = "chart-" + hash(title + "\u{0}" + desc)
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="sans-serif" direction="\(rightToLeft ? "rtl" : "ltr")">
        <title id="\(id)-title">\(escape(title))</title>
        <desc id="\(id)-desc">\(escape(desc))</desc>
        <rect width="100%" height="100%" fill="#fff"/>
        <text x="\(width / 2)" y="24" font-size="16" font-weight="bold" text-anchor="middle">\(escape(title))</text>

        """
    }

    /// The two axes; `mirrored`, the count axis on the right of a chart `width` wide.
    static func axes(plot: Plot, mirrored: Bool = false, width: Int = 0) -> String {
        let (left, right) = mirrored ? (Double(width) - plot.right, Double(width) - plot.left) : (plot.left, plot.right)
        let axis = mirrored ? right : left
        return "<g class=\"axes\" stroke=\"#333\"><line x1=\"\(c(left))\" y1=\"\(c(plot.bottom))\" x2=\"\(c(right))\" y2=\"\(c(plot.bottom))\"/><line x1=\"\(c(axis))\" y1=\"\(c(plot.top))\" x2=\"\(c(axis))\" y2=\"\(c(plot.bottom))\"/></g>\n"
    }

    static func axisLabels(plot: Plot, xLabel: String, yLabel: String, xLabelY: Double) -> String {
        let midY = (plot.top + plot.bottom) / 2
        return "<text x=\"\(c((plot.left + plot.right) / 2))\" y=\"\(c(xLabelY))\" font-size=\"12\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
            + "<text x=\"16\" y=\"\(c(midY))\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(c(midY)))\">\(escape(yLabel))</text>\n"
    }

    /// Round tick values from at or below `min` to at or above `max` (step 1, 2 or 5 × 10ⁿ, at most about 6 ticks);
    /// always at least two distinct ticks, all finite.
    static func niceTicks(min lo: Double, max hi: Double, integers: Bool) -> [Double] {
        var lo = lo.isFinite ? lo : 0, hi = hi.isFinite ? hi : 1
        if hi < lo { swap(&lo, &hi) }
        if hi == lo { lo -= 1; hi += 1 }
        let raw = (hi - lo) / 5
        let magnitude = pow(10, floor(log10(raw)))
        var step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        if integers { step = Swift.max(1, step.rounded(.up)) }
        let start = floor(lo / step) * step
        var ticks: [Double] = [start]
        while ticks.last! < hi - step * 1e-9, ticks.count < 50 {
            let t = start + Double(ticks.count) * step
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
        }
        if ticks.count < 2 { ticks.append(start + step) }
        return ticks
    }

    /// Coordinate with two decimals, POSIX digits.
    static func c(_ v: Double) -> String {
        String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), v.isFinite ? v : 0)
    }

    /// A number as a tick or description label: integers without fraction, others up to 3 decimals.
    /// (Years on a time axis, written as they are in every language.)
    static func label(_ v: Double) -> String { ProgressSuggestion.format(v) }

    /// A value as the catalog's language writes it (`12,5` in French), to 3 decimals.
    static func values(_ catalog: Catalog) -> (Double) -> String {
        let formats = LanguageFormats[catalog.language]
        return { formats.number(($0 * 1000).rounded() / 1000) }
    }

    /// Escapes the five XML special characters.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Control characters other than tab/newline are not allowed in XML 1.0.
                if ch.value < 0x20, ch != "\t", ch != "\n", ch != "\r" { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    static func safeColor(_ color: String) -> String {
        let hex = color.hasPrefix("#") && [4, 7].contains(color.count) && color.dropFirst().allSatisfy(\.isHexDigit)
        let name = !color.isEmpty && color.count <= 30 && color.allSatisfy { $0.isASCII && $0.isLetter }
        return hex || name ? color : "#9E9E9E"
    }

    /// FNV-1a of the text, 8 hex digits: a stable id suffix.
    static func hash(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return String(h, radix: 16)
    }
}
