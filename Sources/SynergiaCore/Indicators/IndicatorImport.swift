import CSV
import Foundation

/// One thing wrong with an imported file, tied to the physical line it is on (the header is
/// line 1; a record whose quoted cells span lines is reported at the line it starts on).
public struct IndicatorImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The file could not be read as CSV at all.
        case unreadable
        /// A required column is missing from the header.
        case missingColumn
        /// The header has a column the format does not define (for SDMX: an unknown dimension).
        case unknownColumn
        /// The header names a column twice.
        case repeatedColumn
        /// A row has a different number of cells from the header.
        case wrongCellCount
        /// A required cell is empty.
        case emptyCell
        /// Text where a number belongs (or a number that is not finite).
        case notANumber
        case unknownIndicator
        /// A national indicator of one Party given for another.
        case nationalIndicatorOfAnotherParty
        case unknownParty
        /// The period is not `YYYY` or `YYYY-YYYY` with start ≤ end.
        case malformedPeriod
        case periodOutOfRange
        /// The plain format's disaggregation cell is not `key=value;key=value`.
        case malformedDisaggregation
        /// A disaggregation key that is not a known dimension.
        case unknownDimension
        /// `lower` > `value` or `value` > `upper`.
        case boundsInconsistent
        /// Same Party, indicator, period and disaggregation as an earlier row.
        case duplicateRow
        /// SDMX-CSV 2.0: an `ACTION` other than information, append or replace.
        case unknownAction
    }

    public var line: Int
    /// The column concerned, as written in the header, if one is.
    public var column: String?
    public var kind: Kind
    /// English explanation, naming the offending text.
    public var message: String

    public init(line: Int, column: String?, kind: Kind, message: String) {
        self.line = line
        self.column = column
        self.kind = kind
        self.message = message
    }

    public var description: String {
        "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + message
    }
}

/// Every problem found in a file: the import returns no data when there is any.
public struct IndicatorImportErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// Sorted by line, then in the order they were found; at most ``IndicatorImport/maxReportedErrors``.
    public var errors: [IndicatorImportError]
    /// How many problems the file has in all (more than `errors.count` when the list was cut).
    public var total: Int
    public init(_ errors: [IndicatorImportError], total: Int? = nil) {
        self.errors = errors
        self.total = total ?? errors.count
    }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
    /// The lines that have at least one problem, ascending.
    public var lines: [Int] { Array(Set(errors.map(\.line))).sorted() }
}

/// Reads indicator data from plain CSV or SDMX-CSV, all or nothing.
public enum IndicatorImport {
    /// The most problems listed one by one; beyond them only their number is given.
    public static let maxReportedErrors = 1_000

    /// Parses `csv` in `format`, checking every row against the known indicators, Parties,
    /// the allowed years and dimensions, and reporting **every** bad row with its line number.
    /// On any error nothing is returned.
    ///
    /// - Parameters:
    ///   - knownParties: ISO alpha-2 codes, uppercase. Party cells are matched uppercased.
    ///   - periodRange: both ends of a period must lie in it.
    ///   - knownDimensions: lowercase disaggregation keys accepted (SDMX: their uppercase columns).
    ///   - nationalIndicatorOwners: national indicator code → its Party; rows of another Party are refused.
    ///   - party: the Party of the person importing: the template layout's rows are its data.
    public static func parse(
        csv: String,
        format: IndicatorCSVFormat,
        knownIndicators: Set<String>,
        knownParties: Set<String>,
        periodRange: ClosedRange<Int>,
        knownDimensions: Set<String> = IndicatorDimensions.standard,
        nationalIndicatorOwners: [String: String] = [:],
        party: String? = nil
    ) -> Result<[IndicatorDataPoint], IndicatorImportErrors> {
        var text = csv
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let records: [(line: Int, cells: [String])]
        do {
            records = try readRecords(text)
        } catch {
            return .failure(IndicatorImportErrors([IndicatorImportError(line: 1, column: nil, kind: .unreadable, message: "not readable as CSV: \(error)")]))
        }
        return parse(records: records, format: format, knownIndicators: knownIndicators, knownParties: knownParties, periodRange: periodRange,
                     knownDimensions: knownDimensions, nationalIndicatorOwners: nationalIndicatorOwners, party: party)
    }

    /// Parses the first sheet of an `.xlsx` workbook as ``parse(csv:format:knownIndicators:knownParties:periodRange:knownDimensions:nationalIndicatorOwners:party:)``
    /// parses a CSV file (same layouts, same checks, all or nothing); an error names the sheet's row.
    /// `format` nil: the layout its first header cell announces.
    public static func parse(
        xlsx: Data,
        format: IndicatorCSVFormat?,
        knownIndicators: Set<String>,
        knownParties: Set<String>,
        periodRange: ClosedRange<Int>,
        knownDimensions: Set<String> = IndicatorDimensions.standard,
        nationalIndicatorOwners: [String: String] = [:],
        party: String? = nil
    ) -> Result<[IndicatorDataPoint], IndicatorImportErrors> {
        let rows: [(row: Int, cells: [String])]
        do {
            rows = try XLSXReader.firstSheet(xlsx)
        } catch {
            return .failure(IndicatorImportErrors([IndicatorImportError(line: 1, column: nil, kind: .unreadable, message: "not readable as a workbook: \(error)")]))
        }
        // The header is the first row that starts as a layout's header does (rows above it are the
        // sheet's title and notes), else the first row with anything in it.
        let headerAt = rows.firstIndex { IndicatorCSVFormat.startsHeader($0.cells.first ?? "") }
            ?? rows.firstIndex { !$0.cells.allSatisfy { $0.trimmingSpaces.isEmpty } } ?? rows.endIndex
        let records = rows[headerAt...].map { (line: $0.row, cells: $0.cells) }
        let detected = format ?? IndicatorCSVFormat.detect(header: records.first?.cells ?? [])
        // A row may stop before its last empty cells: it has as many as the header then (within the reader's limit on cells).
        let width = records.first?.cells.count ?? 0
        guard records.count * width <= XLSXReader.maxCells else {
            return .failure(IndicatorImportErrors([IndicatorImportError(line: records.first?.line ?? 1, column: nil, kind: .unreadable,
                                                                        message: "not readable as a workbook: more than \(XLSXReader.maxCells) cells")]))
        }
        let padded = records.map { record in
            (line: record.line, cells: record.cells.count < width ? record.cells + Array(repeating: "", count: width - record.cells.count) : record.cells)
        }
        return parse(records: Array(padded), format: detected, knownIndicators: knownIndicators, knownParties: knownParties, periodRange: periodRange,
                     knownDimensions: knownDimensions, nationalIndicatorOwners: nationalIndicatorOwners, party: party)
    }

    static func parse(
        records: [(line: Int, cells: [String])],
        format: IndicatorCSVFormat,
        knownIndicators: Set<String>,
        knownParties: Set<String>,
        periodRange: ClosedRange<Int>,
        knownDimensions: Set<String>,
        nationalIndicatorOwners: [String: String],
        party: String?
    ) -> Result<[IndicatorDataPoint], IndicatorImportErrors> {
        guard let header = records.first else {
            return .failure(IndicatorImportErrors([IndicatorImportError(line: 1, column: nil, kind: .missingColumn, message: "the file is empty: a header row is required")]))
        }
        let headerLine = header.line
        let context = Context(knownIndicators: knownIndicators, knownParties: knownParties, periodRange: periodRange,
                              nationalIndicatorOwners: nationalIndicatorOwners)
        var layout: Layout
        switch format {
        case .plain: layout = plainLayout(header: header.cells, dimensions: knownDimensions)
        case .sdmx: layout = sdmxLayout(header: header.cells, dimensions: knownDimensions)
        case .sdmx2: layout = sdmx2Layout(header: header.cells, dimensions: knownDimensions, indicators: knownIndicators)
        case .template: layout = templateLayout(header: header.cells, dimensions: knownDimensions, party: party)
        }
        // A workbook's header may sit below a blank row or two: its problems are on its own row.
        layout.errors = layout.errors.map { var error = $0; error.line = headerLine; return error }
        var errors = layout.errors
        guard errors.isEmpty else { return .failure(IndicatorImportErrors(errors)) }
        var total = 0
        func report(_ found: [IndicatorImportError]) {
            total += found.count
            errors += found.prefix(max(0, maxReportedErrors - errors.count))
        }

        var points: [IndicatorDataPoint] = []
        var seen: [IndicatorDataPoint.Key: Int] = [:]
        for record in records.dropFirst() {
            if record.cells.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue } // blank line (or row)
            guard record.cells.count == header.cells.count else {
                report([IndicatorImportError(line: record.line, column: nil, kind: .wrongCellCount,
                                             message: "\(record.cells.count) cells where the header has \(header.cells.count)")])
                continue
            }
            var rowErrors: [IndicatorImportError] = []
            let point = layout.point(record.cells, record.line, context, &rowErrors)
            if let point, rowErrors.isEmpty {
                if let first = seen[point.key] {
                    rowErrors.append(IndicatorImportError(line: record.line, column: nil, kind: .duplicateRow,
                                                          message: "same Party, indicator, period and disaggregation as line \(first)"))
                } else {
                    seen[point.key] = record.line
                    points.append(point)
                }
            }
            report(rowErrors)
        }
        if total > 0 {
            return .failure(IndicatorImportErrors(errors.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element),
                                                  total: total))
        }
        return .success(points)
    }

    // MARK: - Reading records with line numbers

    /// Reads all records with the physical line each starts on. CSV.swift does not count
    /// lines, so the count is rebuilt from the newlines inside each record's cells.
    static func readRecords(_ text: String) throws -> [(line: Int, cells: [String])] {
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        var result: [(line: Int, cells: [String])] = []
        var line = 1
        while let row = reader.next() {
            result.append((line, row))
            // A Character "\r\n" is one line break, as are a lone "\n" or "\r".
            let newlines = row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.count }
            line += 1 + newlines
        }
        if let error = reader.error { throw error }
        return result
    }

    // MARK: - Layouts

    struct Context {
        var knownIndicators: Set<String>
        var knownParties: Set<String>
        var periodRange: ClosedRange<Int>
        /// National indicator code → the Party that defined it (only that Party has data for it).
        var nationalIndicatorOwners: [String: String] = [:]
    }

    /// Where each field is in a file, and how to turn a row into a data point.
    struct Layout {
        var errors: [IndicatorImportError] = []
        var columnName: [String: String] = [:] // field → header text
        var index: [String: Int] = [:] // field → column index
        /// Plain: the index of the `disaggregation` cell. SDMX: dimension key → column index.
        var disaggregationColumn: Int?
        var dimensionColumns: [(key: String, index: Int)] = []
        var dimensions: Set<String> = []
        /// SDMX-CSV 2.0: indicator id → code; its cells hold SDMX ids and time periods.
        var sdmxIndicators: [String: String]?
        /// SDMX-CSV 2.0: the `ACTION` column, if there is one.
        var actionColumn: Int?
        /// The template layout: every row is this Party's (the importer's), and its one disaggregation
        /// is a type column and a value column.
        var fixedParty: String?
        var typeColumn: Int?
        var typedValueColumn: Int?

        func cell(_ field: String, _ cells: [String]) -> String? {
            index[field].map { cells[$0].trimmingSpaces }
        }

        func point(_ cells: [String], _ line: Int, _ context: Context, _ errors: inout [IndicatorImportError]) -> IndicatorDataPoint? {
            func fail(_ field: String, _ kind: IndicatorImportError.Kind, _ message: String) {
                errors.append(IndicatorImportError(line: line, column: columnName[field], kind: kind, message: message))
            }
            func required(_ field: String) -> String? {
                let value = cell(field, cells) ?? ""
                if value.isEmpty { fail(field, .emptyCell, "\(columnName[field] ?? field) is empty"); return nil }
                return value
            }
            func number(_ field: String, required isRequired: Bool) -> Double?? {
                let text = cell(field, cells) ?? ""
                if text.isEmpty {
                    if isRequired { fail(field, .emptyCell, "\(columnName[field] ?? field) is empty"); return nil }
                    return .some(nil)
                }
                let decimal = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "+-.eE".unicodeScalars.contains($0) }
                guard decimal, let value = Double(text), value.isFinite else {
                    fail(field, .notANumber, "\"\(text)\" is not a number")
                    return nil
                }
                return .some(value)
            }

            let isSDMX2 = sdmxIndicators != nil
            /// An SDMX id's text (a unit or disaggregation value); other formats keep the cell.
            func decoded(_ text: String) -> String { isSDMX2 ? SDMXCode.text(text) ?? text : text }
            if let column = actionColumn, !["", "I", "A", "R"].contains(cells[column].trimmingSpaces) {
                errors.append(IndicatorImportError(line: line, column: "ACTION", kind: .unknownAction,
                                                   message: "ACTION \"\(cells[column].trimmingSpaces)\" is not I, A or R (values are not deleted by import)"))
            }
            let party = fixedParty ?? required("party")?.uppercased()
            if let party, !context.knownParties.contains(party) { fail("party", .unknownParty, "unknown Party code \"\(party)\"") }
            let indicator = required("indicator").map { sdmxIndicators?[$0] ?? $0 }
            if let indicator, !context.knownIndicators.contains(indicator) { fail("indicator", .unknownIndicator, "unknown indicator \"\(indicator)\"") }
            if let indicator, let party, let owner = context.nationalIndicatorOwners[indicator], owner != party {
                fail("indicator", .nationalIndicatorOfAnotherParty, "\"\(indicator)\" is a national indicator of \(owner), not of \(party)")
            }
            var period: IndicatorPeriod?
            if let text = required("period") {
                if let parsed = isSDMX2 ? SDMXCode.period(text) : IndicatorPeriod(text) {
                    if parsed.isWithin(context.periodRange) { period = parsed } else {
                        fail("period", .periodOutOfRange, "period \(text) is outside \(context.periodRange.lowerBound)-\(context.periodRange.upperBound)")
                    }
                } else {
                    fail("period", .malformedPeriod, isSDMX2 ? "\"\(text)\" is not a year (2015) or a range of years (2015-01-01/P3Y)"
                                                             : "\"\(text)\" is not a year (2015) or a range of years (2015-2017)")
                }
            }
            let value = number("value", required: true)
            let lower = number("lower", required: false)
            let upper = number("upper", required: false)
            if let v = value ?? nil {
                if let l = lower ?? nil, l > v { fail("lower", .boundsInconsistent, "lower bound \(l) is above the value \(v)") }
                if let u = upper ?? nil, u < v { fail("upper", .boundsInconsistent, "upper bound \(u) is below the value \(v)") }
            }

            var disaggregation: [String: String] = [:]
            if let column = disaggregationColumn {
                let text = cells[column]
                if let parsed = DisaggregationText.parse(text) {
                    for key in parsed.keys.sorted() where !dimensions.contains(key) {
                        fail("disaggregation", .unknownDimension, "unknown disaggregation dimension \"\(key)\"")
                    }
                    disaggregation = parsed
                } else {
                    fail("disaggregation", .malformedDisaggregation, "\"\(text)\" is not key=value;key=value")
                }
            }
            if let typeColumn, let typedValueColumn {
                let type = cells[typeColumn].trimmingSpaces, value = cells[typedValueColumn].trimmingSpaces
                // "Ecosystem type" is the dimension ecosystem_type; a known dimension, as in the other layouts.
                let key = type.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: "_")
                if type.isEmpty != value.isEmpty {
                    fail(type.isEmpty ? "disaggregation type" : "disaggregation", .malformedDisaggregation,
                         "a disaggregation needs both its type and its value (\"\(type)\", \"\(value)\")")
                } else if !type.isEmpty {
                    if !dimensions.contains(key) {
                        fail("disaggregation type", .unknownDimension,
                             "unknown disaggregation type \"\(type)\"; known: \(dimensions.sorted().joined(separator: ", "))")
                    } else if !DisaggregationText.isStorable(value) {
                        fail("disaggregation", .malformedDisaggregation, "the disaggregation \"\(value)\" may not hold ;, = or control characters")
                    } else {
                        disaggregation[key] = value
                    }
                }
            }
            for (key, column) in dimensionColumns {
                let text = cells[column].trimmingSpaces
                guard !text.isEmpty, !(isSDMX2 && text == SDMXCode.total) else { continue }
                let value = decoded(text)
                // Stored as `key=value;key=value`: a value must not make a second dimension of itself.
                if !DisaggregationText.isStorable(value) || value != value.trimmingSpaces {
                    errors.append(IndicatorImportError(line: line, column: key.uppercased(), kind: .malformedDisaggregation,
                                                       message: "the \(key) value \"\(value.debugDescription.dropFirst().dropLast())\" may not hold ;, = or control characters, or begin or end with a space"))
                } else {
                    disaggregation[key] = value
                }
            }

            guard let party, let indicator, let period, let v = value ?? nil, let l = lower, let u = upper else { return nil }
            func restored(_ text: String) -> String { isSDMX2 ? SpreadsheetCSV.restored(text) : text }
            return IndicatorDataPoint(party: party, indicator: indicator, period: period, value: v,
                                      unit: decoded(cell("unit", cells) ?? ""), lower: l, upper: u,
                                      disaggregation: disaggregation,
                                      source: restored(cell("source", cells) ?? ""), comment: restored(cell("comment", cells) ?? ""))
        }
    }

    static func headerErrors(_ header: [String]) -> [IndicatorImportError] {
        var seen: Set<String> = []
        var errors: [IndicatorImportError] = []
        for name in header.map({ $0.trimmingSpaces }) where !seen.insert(name).inserted {
            errors.append(IndicatorImportError(line: 1, column: name, kind: .repeatedColumn, message: "column \"\(name)\" appears twice"))
        }
        return errors
    }

    static func plainLayout(header: [String], dimensions: Set<String>) -> Layout {
        var layout = Layout(errors: headerErrors(header))
        layout.dimensions = dimensions
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingSpaces.lowercased()
            if IndicatorCSVFormat.plainColumns.contains(name) {
                layout.index[name] = i
                layout.columnName[name] = raw.trimmingSpaces
                if name == "disaggregation" { layout.disaggregationColumn = i }
            } else {
                layout.errors.append(IndicatorImportError(line: 1, column: raw, kind: .unknownColumn,
                                                          message: "unknown column \"\(raw)\"; the plain format has \(IndicatorCSVFormat.plainColumns.joined(separator: ","))"))
            }
        }
        for name in IndicatorCSVFormat.plainColumns where IndicatorCSVFormat.plainRequired.contains(name) && layout.index[name] == nil {
            layout.errors.append(IndicatorImportError(line: 1, column: name, kind: .missingColumn, message: "required column \"\(name)\" is missing"))
        }
        return layout
    }

    /// The template's columns (``IndicatorCSVFormat/templateColumns``) → data point fields.
    static let templateFields: [String: String] = [
        "indicator code": "indicator", "year": "period", "unit": "unit", "value": "value", "footnote": "comment",
        "disaggregation type": "disaggregation type", "disaggregation": "disaggregation",
        "lower bound": "lower", "upper bound": "upper", "source": "source",
    ]

    /// The template layout: its columns in any order, names in any case; every row is `party`'s.
    static func templateLayout(header: [String], dimensions: Set<String>, party: String?) -> Layout {
        var layout = Layout(errors: headerErrors(header))
        layout.dimensions = dimensions
        layout.fixedParty = party
        for (i, raw) in header.enumerated() {
            let name = raw.trimmingSpaces
            guard let field = templateFields[name.lowercased()] else {
                layout.errors.append(IndicatorImportError(line: 1, column: raw, kind: .unknownColumn,
                                                          message: "unknown column \"\(raw)\"; the template has \(IndicatorCSVFormat.templateColumns.joined(separator: ", "))"))
                continue
            }
            layout.index[field] = i
            layout.columnName[field] = name
            if field == "disaggregation type" { layout.typeColumn = i }
            if field == "disaggregation" { layout.typedValueColumn = i }
        }
        if (layout.typeColumn == nil) != (layout.typedValueColumn == nil) {
            layout.errors.append(IndicatorImportError(line: 1, column: layout.typeColumn == nil ? "Disaggregation type" : "Disaggregation", kind: .missingColumn,
                                                      message: "the columns Disaggregation type and Disaggregation go together"))
        }
        for (name, field) in [("Indicator code", "indicator"), ("Year", "period"), ("Value", "value")] where layout.index[field] == nil {
            layout.errors.append(IndicatorImportError(line: 1, column: name, kind: .missingColumn, message: "required column \"\(name)\" is missing"))
        }
        if party == nil {
            layout.errors.append(IndicatorImportError(line: 1, column: nil, kind: .missingColumn,
                                                      message: "the template holds one Party's data, the importer's: this account has no Party (use the plain layout, with its party column)"))
        }
        return layout
    }

    /// SDMX column → data point field.
    static let sdmxFields: [String: String] = [
        "REF_AREA": "party", "INDICATOR": "indicator", "TIME_PERIOD": "period", "OBS_VALUE": "value",
        "UNIT_MEASURE": "unit", "LOWER_BOUND": "lower", "UPPER_BOUND": "upper", "OBS_COMMENT": "comment", "SOURCE": "source",
    ]

    static func sdmxLayout(header: [String], dimensions: Set<String>) -> Layout {
        var layout = Layout(errors: headerErrors(header))
        layout.dimensions = dimensions
        let names = header.map { $0.trimmingSpaces }
        if names.first != IndicatorCSVFormat.sdmxDataflowColumn {
            layout.errors.append(IndicatorImportError(line: 1, column: names.first, kind: .missingColumn,
                                                      message: "the first column of SDMX-CSV must be DATAFLOW"))
        }
        let first = names.first == IndicatorCSVFormat.sdmxDataflowColumn ? 1 : 0
        readComponents(names, from: first, into: &layout, unknown: "dimension") { _, name, _ in
            name == IndicatorCSVFormat.sdmxDataflowColumn // a second one is reported as repeated
        }
        return layout
    }

    static func sdmx2Layout(header: [String], dimensions: Set<String>, indicators: Set<String>) -> Layout {
        var layout = Layout(errors: headerErrors(header))
        layout.dimensions = dimensions
        layout.sdmxIndicators = SDMXCode.indicatorCodes(indicators)
        let names = header.map { $0.trimmingSpaces }
        guard names.count >= 2, names[0] == "STRUCTURE", names[1] == "STRUCTURE_ID" else {
            layout.errors.append(IndicatorImportError(line: 1, column: names.first, kind: .missingColumn,
                                                      message: "SDMX-CSV 2.0 begins with the columns STRUCTURE,STRUCTURE_ID"))
            return layout
        }
        var first = 2
        if names.count > 2, names[2] == "ACTION" { layout.actionColumn = 2; first = 3 }
        readComponents(names, from: first, into: &layout, unknown: "component") { _, name, layout in
            switch name {
            case "SDG_SERIES":
                return true // derived from the registry
            case "STRUCTURE", "STRUCTURE_ID", "ACTION":
                // Out of place, its cells would be read as nothing (an ACTION of D would import values).
                layout.errors.append(IndicatorImportError(line: 1, column: name, kind: .unknownColumn,
                                                          message: "\(name) must be column \(name == "ACTION" ? 3 : name == "STRUCTURE" ? 1 : 2) of SDMX-CSV 2.0"))
                return true
            default:
                return false
            }
        }
        return layout
    }

    /// Reads the component columns of an SDMX-CSV header from column `first` on: the fields, the
    /// disaggregation dimensions, an error for any other name, and one for each required column
    /// missing. `special` sees each name first and returns true when it has dealt with it.
    static func readComponents(_ names: [String], from first: Int, into layout: inout Layout, unknown noun: String,
                               special: (Int, String, inout Layout) -> Bool) {
        for (i, name) in names.enumerated().dropFirst(first) {
            if special(i, name, &layout) { continue }
            if let field = sdmxFields[name] {
                layout.index[field] = i
                layout.columnName[field] = name
            } else if IndicatorDimensions.isValidName(name), name == name.uppercased(), layout.dimensions.contains(name.lowercased()) {
                layout.dimensionColumns.append((name.lowercased(), i))
            } else {
                layout.errors.append(IndicatorImportError(line: 1, column: name, kind: .unknownColumn,
                                                          message: "unknown \(noun) column \"\(name)\""))
            }
        }
        for name in IndicatorCSVFormat.sdmxFixedDimensions + ["OBS_VALUE"] where layout.columnName[sdmxFields[name]!] == nil {
            layout.errors.append(IndicatorImportError(line: 1, column: name, kind: .missingColumn, message: "required column \"\(name)\" is missing"))
        }
    }
}
