import Foundation

/// The SDMX 2.1 structure of Synergia's indicator data: the data structure definition (DSD),
/// its concepts, its codelists and the dataflow, as one SDMX-ML structure message.
///
/// Dimensions, in order: `REF_AREA` (the Party), `INDICATOR`, one per disaggregation dimension
/// (`AGE`, `BIOME`, … `URBANISATION`; `_T` where a value is not disaggregated by it) and
/// `TIME_PERIOD`. The measure is `OBS_VALUE`; the attributes are `UNIT_MEASURE`, `LOWER_BOUND`,
/// `UPPER_BOUND`, `OBS_COMMENT`, `SOURCE` and `SDG_SERIES` (the SDG series code, where the
/// registry knows one). Its version is the indicator registry's (`2` → `2.0`). The codelists
/// of units and of disaggregation values hold what published data uses, so they grow with it:
/// they are not final.
public struct SDMXStructure: Sendable {
    public static let agency = "SYNERGIA"
    public static let dataflowID = "BIODIVERSITY_INDICATORS"
    public static let dsdID = "DSD_BIODIVERSITY_INDICATORS"
    public static let conceptSchemeID = "CS_BIODIVERSITY_INDICATORS"

    /// One code of a codelist: its id and its names by language.
    public struct Code: Sendable, Equatable {
        public var id: String
        public var names: [String: String]
        public init(id: String, names: [String: String]) {
            self.id = id
            self.names = names
        }
    }

    /// `2.0` for registry version 2.
    public var version: String
    public var prepared: Date
    public var parties: [Code]
    public var indicators: [Code]
    public var units: [Code]
    /// Disaggregation dimension (lowercase key) → its codes, `_T` first.
    public var dimensionCodes: [String: [Code]]
    public var sdgSeries: [Code]

    /// Builds the structure from the registry, the Parties, the national indicators and what
    /// published data uses (units, and values per disaggregation dimension).
    ///
    /// - Parameters:
    ///   - parties: ISO alpha-2 code → names by language.
    ///   - nationalIndicators: code → name. Its language is not recorded, so it is marked `und`
    ///     (undetermined, BCP 47).
    public init(registry: IndicatorRegistry, parties: [String: [String: String]], nationalIndicators: [String: String],
                units: Set<String>, dimensionValues: [String: Set<String>], prepared: Date) {
        version = Self.version(of: registry)
        self.prepared = prepared
        self.parties = parties.keys.sorted().map { Code(id: $0, names: parties[$0] ?? [:]) }
        indicators = registry.indicators.map { Code(id: SDMXCode.indicatorID($0.code), names: $0.name.values) }
            + nationalIndicators.keys.sorted().map { Code(id: SDMXCode.indicatorID($0), names: ["und": nationalIndicators[$0] ?? ""]) }
        let registryUnits = registry.indicators.compactMap(\.unit.value)
        self.units = Set(registryUnits).union(units).filter { !$0.isEmpty }.sorted().map { Code(id: SDMXCode.id($0), names: ["en": $0]) }
        var codes: [String: [Code]] = [:]
        for key in Self.disaggregationDimensions {
            codes[key] = [Code(id: SDMXCode.total, names: ["en": "Total"])]
                + (dimensionValues[key] ?? []).filter { !$0.isEmpty }.sorted().map { Code(id: SDMXCode.id($0), names: ["en": $0]) }
        }
        dimensionCodes = codes
        var series: [String: Set<String>] = [:]
        for indicator in registry.indicators {
            for code in indicator.sdgSeries.value ?? [] { series[code, default: []].formUnion(indicator.sdg) }
        }
        sdgSeries = series.keys.sorted().map { code in
            Code(id: code, names: ["en": "SDG series \(code) (indicator \(series[code, default: []].sorted().joined(separator: ", ")))"])
        }
    }

    /// The disaggregation dimensions, in the order of the DSD (sorted keys).
    public static let disaggregationDimensions: [String] = IndicatorDimensions.standard.sorted()

    /// The DSD's dimension ids, in order.
    public static var dimensionIDs: [String] {
        ["REF_AREA", "INDICATOR"] + disaggregationDimensions.map { $0.uppercased() } + ["TIME_PERIOD"]
    }

    /// The DSD's attribute ids, in order.
    public static let attributeIDs = ["UNIT_MEASURE", "LOWER_BOUND", "UPPER_BOUND", "OBS_COMMENT", "SOURCE", "SDG_SERIES"]

    /// The version of every artefact: the registry's (`3` → `3.0`).
    public static func version(of registry: IndicatorRegistry) -> String { "\(registry.version).0" }

    /// `SYNERGIA:BIODIVERSITY_INDICATORS(3.0)`, as SDMX-CSV names the dataflow.
    public static func dataflowReference(version: String) -> String { "\(agency):\(dataflowID)(\(version))" }

    /// The URN of the DSD.
    public static func dsdURN(version: String) -> String {
        "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=\(agency):\(dsdID)(\(version))"
    }

    // MARK: - The message

    /// The SDMX-ML 2.1 structure message.
    public func xml() -> String {
        var x = XMLText()
        x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        x.open("mes:Structure", ["xmlns:mes": SDMXNamespace.message, "xmlns:str": SDMXNamespace.structure, "xmlns:com": SDMXNamespace.common])
        SDMXHeader.write(&x, id: "SYNERGIA_STRUCTURE", prepared: prepared)
        x.open("mes:Structures")

        x.open("str:Dataflows")
        x.open("str:Dataflow", maintainable(Self.dataflowID, urn: "datastructure.Dataflow"))
        x.name("en", "Indicator data of the Parties to the biodiversity-related conventions, published on Synergia")
        x.open("str:Structure")
        x.empty("Ref", ref(Self.dsdID, package: "datastructure", class: "DataStructure"))
        x.close("str:Structure")
        x.close("str:Dataflow")
        x.close("str:Dataflows")

        x.open("str:Codelists")
        codelist(&x, "CL_AREA", "Parties", parties)
        codelist(&x, "CL_INDICATOR", "Indicators of the registry and national indicators", indicators)
        codelist(&x, "CL_UNIT", "Units of measure used by published data", units)
        for key in Self.disaggregationDimensions {
            codelist(&x, "CL_\(key.uppercased())", "Values of the disaggregation \(key)", dimensionCodes[key] ?? [])
        }
        codelist(&x, "CL_SDG_SERIES", "Series codes of the SDG global indicator database", sdgSeries)
        x.close("str:Codelists")

        x.open("str:Concepts")
        x.open("str:ConceptScheme", maintainable(Self.conceptSchemeID, urn: "conceptscheme.ConceptScheme"))
        x.name("en", "Concepts of Synergia's indicator data")
        for (id, name) in Self.concepts {
            x.open("str:Concept", ["id": id, "urn": "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=\(Self.agency):\(Self.conceptSchemeID)(\(version)).\(id)"])
            x.name("en", name)
            x.close("str:Concept")
        }
        x.close("str:ConceptScheme")
        x.close("str:Concepts")

        x.open("str:DataStructures")
        x.open("str:DataStructure", maintainable(Self.dsdID, urn: "datastructure.DataStructure"))
        x.name("en", "Indicator data of the biodiversity-related conventions")
        x.open("str:DataStructureComponents")
        x.open("str:DimensionList", ["id": "DimensionDescriptor"])
        for (position, id) in Self.dimensionIDs.enumerated() {
            let isTime = id == "TIME_PERIOD"
            x.open(isTime ? "str:TimeDimension" : "str:Dimension", ["id": id, "position": String(position + 1)])
            conceptIdentity(&x, id)
            x.open("str:LocalRepresentation")
            if isTime { x.empty("str:TextFormat", ["textType": "ObservationalTimePeriod"]) } else { enumeration(&x, Self.codelistOfDimension(id)) }
            x.close("str:LocalRepresentation")
            x.close(isTime ? "str:TimeDimension" : "str:Dimension")
        }
        x.close("str:DimensionList")
        x.open("str:AttributeList", ["id": "AttributeDescriptor"])
        for id in Self.attributeIDs {
            x.open("str:Attribute", ["id": id, "assignmentStatus": "Conditional"])
            conceptIdentity(&x, id)
            x.open("str:LocalRepresentation")
            switch id {
            case "UNIT_MEASURE": enumeration(&x, "CL_UNIT")
            case "SDG_SERIES": enumeration(&x, "CL_SDG_SERIES")
            case "LOWER_BOUND", "UPPER_BOUND": x.empty("str:TextFormat", ["textType": "Double"])
            default: x.empty("str:TextFormat", ["textType": "String"])
            }
            x.close("str:LocalRepresentation")
            x.open("str:AttributeRelationship")
            x.open("str:PrimaryMeasure")
            x.empty("Ref", ["id": "OBS_VALUE"])
            x.close("str:PrimaryMeasure")
            x.close("str:AttributeRelationship")
            x.close("str:Attribute")
        }
        x.close("str:AttributeList")
        x.open("str:MeasureList", ["id": "MeasureDescriptor"])
        x.open("str:PrimaryMeasure", ["id": "OBS_VALUE"])
        conceptIdentity(&x, "OBS_VALUE")
        x.open("str:LocalRepresentation")
        x.empty("str:TextFormat", ["textType": "Double"])
        x.close("str:LocalRepresentation")
        x.close("str:PrimaryMeasure")
        x.close("str:MeasureList")
        x.close("str:DataStructureComponents")
        x.close("str:DataStructure")
        x.close("str:DataStructures")

        x.close("mes:Structures")
        x.close("mes:Structure")
        return x.text
    }

    /// Concept id → English name, in the order of the DSD.
    static var concepts: [(String, String)] {
        [("REF_AREA", "Reference area (Party)"), ("INDICATOR", "Indicator")]
            + disaggregationDimensions.map { ($0.uppercased(), "Disaggregation by \($0.replacingOccurrences(of: "_", with: " "))") }
            + [("TIME_PERIOD", "Time period"), ("OBS_VALUE", "Observation value"), ("UNIT_MEASURE", "Unit of measure"),
               ("LOWER_BOUND", "Lower bound of the value's uncertainty"), ("UPPER_BOUND", "Upper bound of the value's uncertainty"),
               ("OBS_COMMENT", "Comment"), ("SOURCE", "Source of the value"), ("SDG_SERIES", "SDG series code")]
    }

    static func codelistOfDimension(_ id: String) -> String {
        switch id {
        case "REF_AREA": return "CL_AREA"
        case "INDICATOR": return "CL_INDICATOR"
        default: return "CL_\(id)"
        }
    }

    private func maintainable(_ id: String, urn kind: String) -> KeyValuePairs<String, String> {
        ["id": id, "agencyID": Self.agency, "version": version, "isFinal": "false",
         "urn": "urn:sdmx:org.sdmx.infomodel.\(kind)=\(Self.agency):\(id)(\(version))"]
    }

    private func ref(_ id: String, package: String, class kind: String) -> KeyValuePairs<String, String> {
        ["id": id, "agencyID": Self.agency, "version": version, "package": package, "class": kind]
    }

    private func codelist(_ x: inout XMLText, _ id: String, _ name: String, _ codes: [Code]) {
        x.open("str:Codelist", maintainable(id, urn: "codelist.Codelist"))
        x.name("en", name)
        for code in codes {
            x.open("str:Code", ["id": code.id, "urn": "urn:sdmx:org.sdmx.infomodel.codelist.Code=\(Self.agency):\(id)(\(version)).\(code.id)"])
            let names = code.names.filter { !$0.value.isEmpty }
            if names.isEmpty { x.name("en", code.id) }
            for language in names.keys.sorted() { x.name(language, names[language] ?? "") }
            x.close("str:Code")
        }
        x.close("str:Codelist")
    }

    private func conceptIdentity(_ x: inout XMLText, _ id: String) {
        x.open("str:ConceptIdentity")
        x.empty("Ref", ["id": id, "maintainableParentID": Self.conceptSchemeID, "maintainableParentVersion": version,
                        "agencyID": Self.agency, "package": "conceptscheme", "class": "Concept"])
        x.close("str:ConceptIdentity")
    }

    private func enumeration(_ x: inout XMLText, _ codelist: String) {
        x.open("str:Enumeration")
        x.empty("Ref", ref(codelist, package: "codelist", class: "Codelist"))
        x.close("str:Enumeration")
    }
}

/// The namespaces of SDMX-ML 2.1.
enum SDMXNamespace {
    static let message = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
    static let structure = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"
    static let common = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
    static let structureSpecific = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
}

/// The `mes:Header` of a message Synergia sends; `more` writes what follows the sender.
enum SDMXHeader {
    static func write(_ x: inout XMLText, id: String, prepared: Date, more: (inout XMLText) -> Void = { _ in }) {
        x.open("mes:Header")
        x.element("mes:ID", [:], id)
        x.element("mes:Test", [:], "false")
        x.element("mes:Prepared", [:], prepared.formatted(.iso8601))
        x.empty("mes:Sender", ["id": SDMXStructure.agency])
        more(&x)
        x.close("mes:Header")
    }
}
