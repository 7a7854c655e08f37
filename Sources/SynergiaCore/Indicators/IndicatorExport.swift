import CSV
import Foundation

/// Writes indicator data as plain CSV, SDMX-CSV or JSON. Output is deterministic: rows in
/// the order given, disaggregation keys sorted, numbers in Swift's shortest round-trip form,
/// LF line endings with a final newline.
public enum IndicatorExport {
    /// Plain CSV with header `party,indicator,period,value,unit,lower,upper,disaggregation,source,comment`.
    public static func csv(_ points: [IndicatorDataPoint]) -> String {
        var rows = [IndicatorCSVFormat.plainColumns]
        for p in points {
            rows.append([p.party, p.indicator, p.period.description, number(p.value), p.unit,
                         p.lower.map(number) ?? "", p.upper.map(number) ?? "",
                         DisaggregationText.format(p.disaggregation), p.source, p.comment])
        }
        return write(rows)
    }

    /// SDMX 2.1 CSV: `DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,<dimensions>,OBS_VALUE,UNIT_MEASURE,LOWER_BOUND,UPPER_BOUND,OBS_COMMENT,SOURCE`.
    /// The disaggregation dimensions are the union of all points' keys, uppercased and sorted;
    /// a point without a key has an empty cell there.
    public static func sdmxCSV(_ points: [IndicatorDataPoint], dataflow: String = IndicatorCSVFormat.defaultDataflow) -> String {
        let dimensions = Set(points.flatMap { $0.disaggregation.keys }).sorted()
        var rows = [[IndicatorCSVFormat.sdmxDataflowColumn] + IndicatorCSVFormat.sdmxFixedDimensions
            + dimensions.map { $0.uppercased() } + IndicatorCSVFormat.sdmxMeasureAndAttributes]
        for p in points {
            rows.append([dataflow, p.party, p.indicator, p.period.description]
                + dimensions.map { p.disaggregation[$0] ?? "" }
                + [number(p.value), p.unit, p.lower.map(number) ?? "", p.upper.map(number) ?? "", p.comment, p.source])
        }
        return write(rows)
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

    static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        do {
            let writer = try CSVWriter(stream: stream)
            for row in rows { try writer.write(row: row) }
        } catch {
            // Writing to memory does not fail; should it, the output stops where it did.
        }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
