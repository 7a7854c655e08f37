/// The two CSV layouts Synergia reads and writes for indicator data (see
/// `docs/indicator-formats.md`).
public enum IndicatorCSVFormat: String, Sendable, CaseIterable {
    /// Plain CSV with header `party,indicator,period,value,unit,lower,upper,disaggregation,source,comment`.
    case plain
    /// SDMX 2.1 CSV: `DATAFLOW`, the dimensions `REF_AREA`, `INDICATOR`, `TIME_PERIOD` and one
    /// column per disaggregation dimension, then `OBS_VALUE` and the attributes.
    case sdmx
    /// SDMX-CSV 2.0 against Synergia's published structure (``SDMXStructure``): `STRUCTURE`,
    /// `STRUCTURE_ID`, an optional `ACTION`, then the components in any order; `_T` for a value
    /// not disaggregated, ids for units and disaggregation values (``SDMXCode``).
    case sdmx2
    /// The indicator template, as Parties fill it in a spreadsheet (the columns of the CBD's online
    /// reporting tool): ``templateColumns``, one Party's data (the importer's).
    case template

    /// Columns of the template, in the order it has them: the CBD tool's seven, then the bounds and
    /// the source, so that a template downloaded, edited and uploaded again keeps them.
    public static let templateColumns = ["Indicator code", "Disaggregation type", "Disaggregation", "Year", "Unit", "Value", "Footnote",
                                         "Lower bound", "Upper bound", "Source"]

    /// Columns of the plain format, in the order they are written.
    public static let plainColumns = ["party", "indicator", "period", "value", "unit", "lower", "upper", "disaggregation", "source", "comment"]
    /// Columns a plain file must have.
    public static let plainRequired: Set<String> = ["party", "indicator", "period", "value"]

    /// First SDMX-CSV column; its cells name the dataflow (`AGENCY:ID(VERSION)`).
    public static let sdmxDataflowColumn = "DATAFLOW"
    /// SDMX dimensions every file has, in order, before the disaggregation dimensions.
    public static let sdmxFixedDimensions = ["REF_AREA", "INDICATOR", "TIME_PERIOD"]
    /// The measure and attributes, in the order they are written after the dimensions.
    public static let sdmxMeasureAndAttributes = ["OBS_VALUE", "UNIT_MEASURE", "LOWER_BOUND", "UPPER_BOUND", "OBS_COMMENT", "SOURCE"]
    /// Columns an SDMX file must have besides `DATAFLOW`.
    public static let sdmxRequired: Set<String> = ["REF_AREA", "INDICATOR", "TIME_PERIOD", "OBS_VALUE"]

    /// The format a file's first header cell announces: `STRUCTURE` for SDMX-CSV 2.0, `DATAFLOW`
    /// for SDMX-CSV 1.0, plain otherwise (a byte-order mark is skipped).
    public static func detect(_ text: String) -> IndicatorCSVFormat {
        let start = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst().prefix(16)) : String(text.prefix(16))
        if start.hasPrefix("STRUCTURE") { return .sdmx2 }
        if start.lowercased().hasPrefix("indicator code") { return .template }
        return start.hasPrefix("DATAFLOW") ? .sdmx : .plain
    }

    /// Whether a row whose first cell is `cell` is a layout's header (`Indicator code`, `party`,
    /// `DATAFLOW`, `STRUCTURE`, in any case).
    public static func startsHeader(_ cell: String) -> Bool {
        ["indicator code", "party", sdmxDataflowColumn.lowercased(), "structure"].contains(cell.trimmingSpaces.lowercased())
    }

    /// The layout a header row announces (as ``detect(_:)`` reads a file's first line).
    public static func detect(header: [String]) -> IndicatorCSVFormat {
        let first = header.first?.trimmingSpaces ?? ""
        if first == "STRUCTURE" { return .sdmx2 }
        if first == sdmxDataflowColumn { return .sdmx }
        return first.lowercased() == "indicator code" ? .template : .plain
    }

    /// The dataflow written when the caller gives none.
    public static let defaultDataflow = "SYNERGIA:BIODIVERSITY_INDICATORS(1.0)"
}

/// Splits and joins the plain format's `key=value;key=value` disaggregation cell.
public enum DisaggregationText {
    /// `key=value;key=value`, keys sorted, so the output is deterministic. Empty for the total.
    public static func format(_ disaggregation: [String: String]) -> String {
        disaggregation.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    /// Whether `value` can stand in the cell: no `;`, `=` or control character (it would make a second dimension of itself).
    public static func isStorable(_ value: String) -> Bool {
        !value.unicodeScalars.contains { $0 == ";" || $0 == "=" || $0.properties.generalCategory == .control }
    }

    /// Parses a cell; nil when a part has no `=`, an empty key, or a key repeated.
    /// Keys are lowercased; values are kept as written (trimmed of surrounding spaces).
    public static func parse(_ text: String) -> [String: String]? {
        var result: [String: String] = [:]
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return [:] }
        for part in trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            guard let eq = part.firstIndex(of: "=") else { return nil }
            let key = String(part[..<eq]).trimmingSpaces.lowercased()
            let value = String(part[part.index(after: eq)...]).trimmingSpaces
            guard !key.isEmpty, !value.isEmpty, result[key] == nil else { return nil }
            result[key] = value
        }
        return result
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let f = scalars.first, f == " " || f == "\t" || f == "\n" || f == "\r" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" || l == "\n" || l == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
