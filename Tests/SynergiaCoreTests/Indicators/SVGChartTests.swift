import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SynergiaCore

/// Parses SVG text with Foundation's XMLParser and records what the tests look at.
private final class SVGInspector: NSObject, XMLParserDelegate {
    var root: String?
    var rootAttributes: [String: String] = [:]
    var counts: [String: Int] = [:]
    var texts: [String: String] = [:] // element → concatenated text (title/desc of the root)
    var attributeValues: [String] = []
    private var stack: [String] = []
    var wellFormed = false

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        wellFormed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name; rootAttributes = attributes }
        counts[name, default: 0] += 1
        attributeValues += attributes.values
        stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if stack.count == 2, let top = stack.last { texts[top, default: ""] += string }
        if let top = stack.last, top == "text" { texts["text", default: ""] += string + "|" }
    }
}

@Suite struct SVGChartTests {
    let english = try! Catalogs.load()[.english]
    let series: [(label: String, points: [(x: Double, y: Double)])] = [
        (label: "France <FR> & \"overseas\"", points: [(x: 2011, y: 12.5), (x: 2015, y: 20), (x: 2020, y: 33.2)]),
        (label: "中国", points: [(x: 2012, y: 15), (x: 2020, y: 18)]),
    ]

    @Test func lineChartIsAccessibleWellFormedSVG() {
        let svg = SVGChart.lineChart(title: "Protected area coverage (%) — A & B", series: series, xLabel: "Year", yLabel: "Coverage (%)", width: 640, height: 400, in: english)
        let xml = SVGInspector(svg)
        #expect(xml.wellFormed)
        #expect(xml.root == "svg")
        #expect(xml.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(xml.rootAttributes["role"] == "img")
        #expect(xml.texts["title"] == "Protected area coverage (%) — A & B")
        let desc = xml.texts["desc"] ?? ""
        #expect(desc.contains("France <FR> & \"overseas\": 3 points, from 12.5 at 2011 to 33.2 at 2020"))
        #expect(desc.contains("中国: 2 points"))
        #expect(xml.counts["polyline"] == 2)
        #expect(xml.counts["circle"] == 5)
        #expect(xml.counts["script"] == nil)
        #expect(!svg.lowercased().contains("<script"))
        // Tick labels: years without fractions or separators, and a 0 on the y axis.
        let labels = (xml.texts["text"] ?? "").split(separator: "|").map(String.init)
        #expect(labels.contains("2012") && labels.contains("2020"))
        #expect(labels.contains("0"))
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
        // aria-labelledby names the title and desc ids.
        let ids = (xml.rootAttributes["aria-labelledby"] ?? "").split(separator: " ")
        #expect(ids.count == 2)
        #expect(svg.contains("<title id=\"\(ids[0])\">"))
    }

    @Test func lineChartIsDeterministic() {
        let a = SVGChart.lineChart(title: "T", series: series, xLabel: "x", yLabel: "y", width: 500, height: 300, in: english)
        let b = SVGChart.lineChart(title: "T", series: series, xLabel: "x", yLabel: "y", width: 500, height: 300, in: english)
        #expect(a == b)
    }

    @Test func emptyAndDegenerateDataDrawWithoutNaN() {
        let cases: [[(label: String, points: [(x: Double, y: Double)])]] = [
            [],
            [(label: "empty", points: [])],
            [(label: "one point", points: [(x: 2020, y: 5)])],
            [(label: "flat", points: [(x: 2020, y: 0), (x: 2020, y: 0)])],
            [(label: "bad", points: [(x: .nan, y: 1), (x: 2020, y: .infinity)])],
        ]
        for data in cases {
            let svg = SVGChart.lineChart(title: "Empty", series: data, xLabel: "Year", yLabel: "Value", width: 10, height: 10, in: english)
            let xml = SVGInspector(svg)
            #expect(xml.wellFormed)
            #expect(!svg.contains("nan") && !svg.contains("NaN") && !svg.contains("inf"))
            #expect(xml.attributeValues.allSatisfy { !$0.contains("nan") })
            #expect(xml.texts["desc"] != nil)
        }
        #expect(SVGInspector(SVGChart.lineChart(title: "E", series: [], xLabel: "x", yLabel: "y", in: english)).texts["desc"]?.contains("No data") == true)
        #expect(SVGInspector(SVGChart.lineChart(title: "E", series: [(label: "one", points: [(x: 1, y: 1)])], xLabel: "x", yLabel: "y", in: english)).counts["polyline"] == 1)
    }

    @Test func stackedBarIsAccessibleWellFormedSVG() {
        let svg = SVGChart.stackedBar(title: "Target 3 <by region>", bars: [
            (label: "WEOG", segments: [(category: "On track", value: 2, color: "#4CAF50"), (category: "Moving away", value: 1, color: "#C62828")]),
            (label: "Africa & \"others\"", segments: [(category: "On track", value: 0, color: "#4CAF50"), (category: "Moving away", value: 4, color: "red\" onload=\"alert(1)")]),
        ], in: english)
        let xml = SVGInspector(svg)
        #expect(xml.wellFormed)
        #expect(xml.rootAttributes["role"] == "img")
        #expect(xml.texts["title"] == "Target 3 <by region>")
        #expect(xml.texts["desc"]?.contains("WEOG: total 3 (On track 2, Moving away 1).") == true)
        #expect(xml.texts["desc"]?.contains("Africa & \"others\": total 4 (Moving away 4).") == true)
        // 3 non-zero segments + background + 2 legend swatches.
        #expect(xml.counts["rect"] == 6)
        #expect(!svg.contains("onload"))
        let labels = (xml.texts["text"] ?? "").split(separator: "|").map(String.init)
        #expect(labels.contains("0") && labels.contains("4"))
    }

    @Test func stackedBarEmptyAndZero() {
        for bars in [[], [(label: "none", segments: [(category: String, value: Int, color: String)]())], [(label: "zero", segments: [(category: "x", value: 0, color: "blue")])]] {
            let svg = SVGChart.stackedBar(title: "Empty", bars: bars, in: english)
            #expect(SVGInspector(svg).wellFormed)
            #expect(!svg.contains("nan") && !svg.contains("NaN") && !svg.contains("inf"))
        }
    }

    @Test func progressBarsUseCategoryOrder() {
        let svg = SVGChart.progressBars(title: "Target 3", counts: [(label: "All", counts: [.movingAway: 1, .onTrack: 2])], in: english)
        let xml = SVGInspector(svg)
        #expect(xml.wellFormed)
        #expect(xml.texts["desc"]?.contains("All: total 3 (On track 2, Moving away 1).") == true)
    }

    @Test("a chart speaks the reader's language: its description, categories and numbers; in Arabic it reads from the right")
    func inTheReadersLanguage() throws {
        let catalogs = try Catalogs.load()
        let counts: [(label: String, counts: ProgressAggregation.Counts)] = [(label: "أفريقيا", counts: [.onTrack: 2]), (label: "آسيا", counts: [.movingAway: 3])]
        let arabic = SVGChart.progressBars(title: "الهدف 3", counts: counts, in: catalogs[.arabic])
        let xml = SVGInspector(arabic)
        #expect(xml.wellFormed && xml.rootAttributes["direction"] == "rtl")
        let desc = xml.texts["desc"] ?? ""
        #expect(desc.hasPrefix("مخطط أعمدة مكدسة للأعداد. عمودان."), "\(desc)")
        #expect(desc.contains(catalogs[.arabic]["progress.on-track"]) && !desc.contains("On track"))
        // The first bar is drawn right of the second, the count axis on the right.
        let bars = arabic.split(separator: "\n").filter { $0.hasPrefix("<rect x=") && $0.contains("<title>") }
        let xs = bars.map { Double($0.split(separator: "x=\"")[1].prefix { $0 != "\"" })! }
        #expect(xs.count == 2 && xs[0] > xs[1])
        #expect(arabic.contains("<line x1=\"580.00\" y1=\"40.00\" x2=\"580.00\""), "the count axis at 640 − 60")
        let english = SVGChart.progressBars(title: "Target 3", counts: counts, in: catalogs[.english])
        #expect(english.contains("direction=\"ltr\"") && english.contains("<line x1=\"60.00\" y1=\"40.00\" x2=\"60.00\""))

        let french = SVGInspector(SVGChart.lineChart(title: "T", series: series, xLabel: "Année", yLabel: "%", in: catalogs[.french]))
        #expect(french.texts["desc"]?.contains("3 points, de 12,5 en 2011 à 33,2 en 2020") == true, "\(french.texts["desc"] ?? "")")
        #expect(french.texts["desc"]?.hasPrefix("Graphique linéaire. Axe des abscisses : Année") == true)
    }

    @Test func niceTicks() {
        #expect(SVGChart.niceTicks(min: 0, max: 10, integers: false) == [0, 2, 4, 6, 8, 10])
        #expect(SVGChart.niceTicks(min: 2011, max: 2020, integers: true) == [2010, 2012, 2014, 2016, 2018, 2020])
        #expect(SVGChart.niceTicks(min: 5, max: 5, integers: false).count >= 2)
        #expect(SVGChart.niceTicks(min: 0, max: 33.2, integers: false) == [0, 10, 20, 30, 40])
        #expect(SVGChart.niceTicks(min: 0, max: 6, integers: true) == [0, 2, 4, 6])
        #expect(SVGChart.niceTicks(min: -0.3, max: 0.95, integers: false).first! <= -0.3)
        #expect(SVGChart.niceTicks(min: -0.3, max: 0.95, integers: false).last! >= 0.95)
    }

    @Test func pointsLieInsideThePlotArea() {
        let svg = SVGChart.lineChart(title: "T", series: series, xLabel: "x", yLabel: "y", width: 640, height: 400, in: english)
        let circles = svg.split(separator: "\n").filter { $0.hasPrefix("<circle") }
        #expect(circles.count == 5)
        for circle in circles {
            let cx = Double(circle.split(separator: "cx=\"")[1].prefix { $0 != "\"" })!
            let cy = Double(circle.split(separator: "cy=\"")[1].prefix { $0 != "\"" })!
            // Plot area: x 70...620, y 40...bottom, as the axes are drawn.
            #expect((70.0...620.0).contains(cx))
            #expect((40.0...400.0).contains(cy))
        }
    }
}
