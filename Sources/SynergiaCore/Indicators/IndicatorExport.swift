import CSV
import Foundation

/// Writes indicator data as plain CSV, SDMX-CSV or JSON. Output is deterministic: rows in
/// the order given, disaggregation keys sorted, numbers in Swift's shortest round-trip form,
/// LF line endings with a final newline.
public enum IndicatorExport {
    /// Plain CSV with header `party,indicator,period,value,unit,lower,upper,disaggregation,source,comment`.
    public static func csv(_ points: [IndicatorDataPoint]) -> String { csvHeader + csvRows(points) }

    /// The plain layout's rows, header first, as a workbook's cells (``XLSXWriter``): values as numbers.
    public static func plainCells(_ points: [IndicatorDataPoint]) -> [[SpreadsheetCSV.Cell]] {
        [IndicatorCSVFormat.plainColumns.map { .text($0) }] + points.map { p in
            [.text(p.party), .text(p.indicator), .text(p.period.description), .number(number(p.value)), .text(p.unit),
             .number(p.lower.map(number) ?? ""), .number(p.upper.map(number) ?? ""),
             .text(DisaggregationText.format(p.disaggregation)), .text(p.source), .text(p.comment)]
        }
    }

    /// The indicator template (``IndicatorCSVFormat/templateColumns``) for `indicator`, filled with
    /// one Party's `points` so that it can be edited and uploaded again; a value broken down by more
    /// than one dimension at once has no row there (the plain layout holds it). A second sheet lists
    /// the disaggregation types the import knows.
    public static func template(indicator: String, points: [IndicatorDataPoint], dimensions: Set<String> = IndicatorDimensions.standard) -> [SpreadsheetSheet] {
        let rows: [[SpreadsheetCSV.Cell]] = points.filter { $0.indicator == indicator && $0.disaggregation.count <= 1 }.map { p in
            let (type, value) = p.disaggregation.first.map { ($0.key, $0.value) } ?? ("", "")
            return [.text(p.indicator), .text(type), .text(value), .text(p.period.description), .text(p.unit), .number(number(p.value)), .text(p.comment),
                    .number(p.lower.map(number) ?? ""), .number(p.upper.map(number) ?? ""), .text(p.source)]
        }
        return [SpreadsheetSheet(name: "Data", rows: [IndicatorCSVFormat.templateColumns.map { .text($0) }] + rows),
                SpreadsheetSheet(name: "Disaggregation types", rows: [["Disaggregation type"]] + dimensions.sorted().map { [.text($0)] })]
    }

    /// The header line of the plain CSV.
    public static var csvHeader: String { SpreadsheetCSV.write([IndicatorCSVFormat.plainColumns.map { .text($0) }]) }

    /// Data lines of the plain CSV (for writing a large export in pieces).
    public static func csvRows(_ points: [IndicatorDataPoint]) -> String {
        SpreadsheetCSV.write(points.map { p in
            [.text(p.party), .text(p.indicator), .text(p.period.description), .number(number(p.value)), .text(p.unit),
             .number(p.lower.map(number) ?? ""), .number(p.upper.map(number) ?? ""),
             .text(DisaggregationText.format(p.disaggregation)), .text(p.source), .text(p.comment)]
        })
    }

    /// SDMX 2.1 CSV: `DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,<dimensions>,OBS_VALUE,UNIT_MEASURE,LOWER_BOUND,UPPER_BOUND,OBS_COMMENT,SOURCE`.
    /// The disaggregation dimensions are the union of all points' keys, uppercased and sorted;
    /// a point without a key has an empty cell there.
    public static func sdmxCSV(_ points: [IndicatorDataPoint], dataflow: String = IndicatorCSVFormat.defaultDataflow) -> String {
        let dimensions = Set(points.flatMap { $0.disaggregation.keys }).sorted()
        return sdmxHeader(dimensions: dimensions) + sdmxRows(points, dimensions: dimensions, dataflow: dataflow)
    }

    /// The header line of SDMX-CSV with these disaggregation dimensions (lowercase keys).
    public static func sdmxHeader(dimensions: [String]) -> String {
        SpreadsheetCSV.write([([IndicatorCSVFormat.sdmxDataflowColumn] + IndicatorCSVFormat.sdmxFixedDimensions
            + dimensions.map { $0.uppercased() } + IndicatorCSVFormat.sdmxMeasureAndAttributes).map { .text($0) }])
    }

    /// Data lines of SDMX-CSV with these dimensions (for writing a large export in pieces).
    public static func sdmxRows(_ points: [IndicatorDataPoint], dimensions: [String],
                                dataflow: String = IndicatorCSVFormat.defaultDataflow) -> String {
        SpreadsheetCSV.write(points.map { p in
            [.text(dataflow), .text(p.party), .text(p.indicator), .text(p.period.description)]
                + dimensions.map { .text(p.disaggregation[$0] ?? "") }
                + [.number(number(p.value)), .text(p.unit), .number(p.lower.map(number) ?? ""), .number(p.upper.map(number) ?? ""),
                   .text(p.comment), .text(p.source)]
        })
    }

    /// A JSON array of data points (keys sorted, pretty-printed, periods as text, absent
    /// bounds omitted).
    public static func json(_ points: [IndicatorDataPoint]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and finite numbers cannot fail.
        let data = (try? encoder.encode(points)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Shortest text that reads back as the same Double (`12.5`, `0.1`, `1e-05`); integral
    /// values without a fraction (`42`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(describing: value)
    }
}
