import Foundation
import Testing
@testable import SynergiaCore
import SynergiaTestFixtures

@Suite struct SDMXStructureTests {
    static let registry = try! IndicatorRegistry.load()
    static let prepared = Date(timeIntervalSince1970: 1_780_000_000)

    static func structure(national: [String: String] = ["KE-FOREST-1": "Forest <cover> & \"canopy\""]) -> SDMXStructure {
        SDMXStructure(registry: registry,
                      parties: ["KE": ["en": "Kenya", "fr": "Kenya (le)"], "CN": ["en": "China", "zh": "中国"]],
                      nationalIndicators: national,
                      units: ["percent", "hectares (thousands)", ""],
                      dimensionValues: ["ecosystem": ["forest", "Rift Valley wetlands"], "sex": ["F", "M"]],
                      prepared: prepared)
    }

    @Test func theMessageIsWellFormedAndEveryIdIsAnSDMXId() throws {
        let outline = XMLOutline.parse(Self.structure().xml())
        #expect(outline.error == nil)
        let ids = outline.elements.compactMap { $0.attributes["id"] }
        #expect(!ids.isEmpty)
        for id in ids { #expect(SDMXCode.isValidID(id), "\(id)") }
    }

    @Test func theDimensionsComeInTheirOrderWithTimeLast() {
        let outline = XMLOutline.parse(Self.structure().xml())
        let dimensions = outline.elements.filter { $0.name == "str:Dimension" || $0.name == "str:TimeDimension" }
        #expect(dimensions.map { $0.attributes["id"] ?? "" } == SDMXStructure.dimensionIDs)
        #expect(dimensions.map { $0.attributes["position"] ?? "" } == (1...SDMXStructure.dimensionIDs.count).map(String.init))
        #expect(SDMXStructure.dimensionIDs.first == "REF_AREA" && SDMXStructure.dimensionIDs.last == "TIME_PERIOD")
        #expect(outline.all("str:Attribute").map { $0["id"] ?? "" } == SDMXStructure.attributeIDs)
        #expect(outline.all("str:PrimaryMeasure").compactMap { $0["id"] } == ["OBS_VALUE"])
    }

    @Test func theVersionIsTheRegistrys() {
        let structure = Self.structure()
        #expect(structure.version == "\(Self.registry.version).0")
        let outline = XMLOutline.parse(structure.xml())
        let dataflow = outline.all("str:Dataflow")
        #expect(dataflow.count == 1)
        #expect(dataflow.first?["id"] == "BIODIVERSITY_INDICATORS")
        #expect(dataflow.first?["version"] == structure.version)
        #expect(dataflow.first?["agencyID"] == "SYNERGIA")
    }

    /// The codes of one codelist, by id.
    func codes(_ xml: String, _ codelist: String) -> [String] {
        var inList = false
        var found: [String] = []
        for element in XMLOutline.parse(xml).elements {
            if element.name == "str:Codelist" { inList = element.attributes["id"] == codelist }
            if inList, element.name == "str:Code" { found.append(element.attributes["id"] ?? "") }
        }
        return found
    }

    @Test func theCodelistsHoldPartiesIndicatorsUnitsAndUsedValues() {
        let xml = Self.structure().xml()
        #expect(codes(xml, "CL_AREA") == ["CN", "KE"])
        let indicators = codes(xml, "CL_INDICATOR")
        #expect(indicators.contains("A_3") && indicators.contains("3_1") && indicators.contains("AICHI-RLI") && indicators.contains("KE-FOREST-1"))
        #expect(indicators.count == Self.registry.indicators.count + 1)
        let units = codes(xml, "CL_UNIT")
        #expect(units.contains("percent") && units.contains(SDMXCode.id("hectares (thousands)")) && units.contains(SDMXCode.id("index (0-1)")))
        #expect(!units.contains(""))
        #expect(codes(xml, "CL_ECOSYSTEM") == ["_T", SDMXCode.id("Rift Valley wetlands"), "forest"])
        #expect(codes(xml, "CL_SEX") == ["_T", "F", "M"])
        #expect(codes(xml, "CL_AGE") == ["_T"])
        #expect(codes(xml, "CL_SDG_SERIES") == ["AG_LND_FRST", "ER_H2O_FWTL", "ER_RSK_LST"])
    }

    @Test func namesKeepTheirLanguagesAndHostileTextIsEscaped() {
        let xml = Self.structure().xml()
        #expect(xml.contains(#"<com:Name xml:lang="zh">中国</com:Name>"#))
        #expect(xml.contains(#"<com:Name xml:lang="fr">Kenya (le)</com:Name>"#))
        #expect(xml.contains(#"<com:Name xml:lang="und">Forest &lt;cover&gt; &amp; &quot;canopy&quot;</com:Name>"#))
        #expect(XMLOutline.parse(Self.structure(national: ["KE-X": "]]></com:Name><evil/>\u{1}"]).xml()).error == nil)
    }
}
