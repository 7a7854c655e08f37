import Foundation

/// Writes published indicator data against ``SDMXStructure``: SDMX-CSV 2.0 and SDMX-ML 2.1
/// structure-specific data. Both can be written in pieces (a head, rows, a tail) so that a
/// large export streams. Every dimension has a value on every row (`_T` where a value is not
/// disaggregated by it); units and disaggregation values are written as their ids
/// (``SDMXCode/id(_:)``), indicators as ``SDMXCode/indicatorID(_:)``.
public struct SDMXData: Sendable {
    /// The structure's version (`2.0`).
    public var version: String
    /// Indicator code → its SDG series code, where the registry knows exactly one.
    public var sdgSeries: [String: String]

    public init(registry: IndicatorRegistry) {
        version = SDMXStructure.version(of: registry)
        var series: [String: String] = [:]
        for indicator in registry.indicators {
            if let codes = indicator.sdgSeries.value, codes.count == 1 { series[indicator.code] = codes[0] }
        }
        sdgSeries = series
    }

    /// One observation as component id → value (absent attributes left out).
    func components(_ p: IndicatorDataPoint) -> [(String, String)] {
        var c: [(String, String)] = [("REF_AREA", p.party), ("INDICATOR", SDMXCode.indicatorID(p.indicator))]
        for key in SDMXStructure.disaggregationDimensions {
            c.append((key.uppercased(), p.disaggregation[key].map(SDMXCode.id) ?? SDMXCode.total))
        }
        c.append(("TIME_PERIOD", SDMXCode.timePeriod(p.period)))
        c.append(("OBS_VALUE", IndicatorExport.number(p.value)))
        if !p.unit.isEmpty { c.append(("UNIT_MEASURE", SDMXCode.id(p.unit))) }
        if let lower = p.lower { c.append(("LOWER_BOUND", IndicatorExport.number(lower))) }
        if let upper = p.upper { c.append(("UPPER_BOUND", IndicatorExport.number(upper))) }
        if !p.comment.isEmpty { c.append(("OBS_COMMENT", p.comment)) }
        if !p.source.isEmpty { c.append(("SOURCE", p.source)) }
        if let series = sdgSeries[p.indicator] { c.append(("SDG_SERIES", series)) }
        return c
    }

    // MARK: - SDMX-CSV 2.0

    /// The columns of SDMX-CSV 2.0: `STRUCTURE,STRUCTURE_ID,ACTION`, the dimensions, the measure, the attributes.
    public static var csvColumns: [String] {
        ["STRUCTURE", "STRUCTURE_ID", "ACTION"] + SDMXStructure.dimensionIDs + ["OBS_VALUE"] + SDMXStructure.attributeIDs
    }

    public var csvHeader: String { SpreadsheetCSV.write([Self.csvColumns.map { .text($0) }]) }

    public func csvRows(_ points: [IndicatorDataPoint]) -> String {
        let reference = SDMXStructure.dataflowReference(version: version)
        let columns = Self.csvColumns.dropFirst(3)
        return SpreadsheetCSV.write(points.map { point in
            let values = Dictionary(components(point), uniquingKeysWith: { a, _ in a })
            return [.text("dataflow"), .text(reference), .text("I")] + columns.map { id in
                id == "OBS_VALUE" || id == "LOWER_BOUND" || id == "UPPER_BOUND" ? .number(values[id] ?? "") : .reversibleText(values[id] ?? "")
            }
        })
    }

    // MARK: - SDMX-ML 2.1 structure-specific data

    /// The message up to the opening of the data set.
    public func xmlHead(id: String, prepared: Date) -> String {
        let structureID = "\(SDMXStructure.agency)_\(SDMXStructure.dsdID)"
        let namespace = SDMXStructure.dsdURN(version: version) + ":ObsLevelDim:AllDimensions"
        var x = XMLText()
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        x.open("mes:StructureSpecificData", ["xmlns:mes": SDMXNamespace.message, "xmlns:com": SDMXNamespace.common,
                                            "xmlns:ss": SDMXNamespace.structureSpecific, "xmlns:xsi": SDMXNamespace.xsi,
                                            "xmlns:ns1": namespace])
        SDMXHeader.write(&x, id: id, prepared: prepared) { x in
            x.open("mes:Structure", ["structureID": structureID, "namespace": namespace, "dimensionAtObservation": "AllDimensions"])
            x.open("com:StructureUsage")
            x.empty("Ref", ["agencyID": SDMXStructure.agency, "id": SDMXStructure.dataflowID, "version": version])
            x.close("com:StructureUsage")
            x.close("mes:Structure")
        }
        x.open("mes:DataSet", ["ss:structureRef": structureID, "xsi:type": "ns1:DataSetType", "ss:dataScope": "DataStructure"])
        return x.text
    }

    /// One `<Obs …/>` element per data point.
    public func xmlObservations(_ points: [IndicatorDataPoint]) -> String {
        var out = ""
        for point in points {
            out += "    <Obs"
            for (id, value) in components(point) { out += " \(id)=\"\(XMLText.attributeValue(value))\"" }
            out += "/>\n"
        }
        return out
    }

    /// What closes the message.
    public static let xmlTail = "  </mes:DataSet>\n</mes:StructureSpecificData>\n"
}
