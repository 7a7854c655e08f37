/// The registry of indicators: those described in `Resources/Reference/indicators.json` (the
/// Kunming-Montreal Global Biodiversity Framework headline indicators of decision 15/5 whose facts
/// are certain, and Aichi-era global indicators) and every other indicator of the framework's
/// monitoring list (``MonitoringFrameworkList``: headline, component, complementary and binary),
/// harmonized so that every convention reports against the same codes (decision XII/6 ¶4(c)-(d)).
///
/// Facts the registry does not know are `"unknown"` (``Known/unknown``), never guessed.
public struct IndicatorRegistry: Codable, Sendable, Equatable {
    /// Version of the file format; bumped when the shape or meaning changes.
    public var version: Int
    /// Where the codes and names come from.
    public var source: String
    /// The indicators, in file order.
    public var indicators: [IndicatorDefinition] { didSet { positions = Self.positions(of: indicators) } }

    /// Each code's place in `indicators`.
    private var positions: [String: Int]

    private enum CodingKeys: String, CodingKey { case version, source, indicators }

    public init(version: Int, source: String, indicators: [IndicatorDefinition]) {
        self.version = version
        self.source = source
        self.indicators = indicators
        positions = Self.positions(of: indicators)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(version: try c.decode(Int.self, forKey: .version), source: try c.decode(String.self, forKey: .source),
                  indicators: try c.decode([IndicatorDefinition].self, forKey: .indicators))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(source, forKey: .source)
        try c.encode(indicators, forKey: .indicators)
    }

    public static func == (lhs: IndicatorRegistry, rhs: IndicatorRegistry) -> Bool {
        lhs.version == rhs.version && lhs.source == rhs.source && lhs.indicators == rhs.indicators
    }

    static func positions(of indicators: [IndicatorDefinition]) -> [String: Int] {
        Dictionary(indicators.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The shipped registry: `indicators.json` and the monitoring framework's list.
    public static func load() throws -> IndicatorRegistry {
        MonitoringFrameworkList.merged(try ReferenceData.decode(IndicatorRegistry.self, file: "indicators"), with: try MonitoringFrameworkList.load())
    }

    /// The indicators of `kind`, in the registry's order.
    public func indicators(of kind: IndicatorKind) -> [IndicatorDefinition] { indicators.filter { $0.kind == kind } }

    /// The indicator with `code`, if any.
    public func indicator(code: String) -> IndicatorDefinition? {
        positions[code].map { indicators[$0] }
    }

    /// Every code, for ``IndicatorImport/parse(csv:format:knownIndicators:knownParties:periodRange:knownDimensions:)``.
    public var codes: Set<String> { Set(indicators.map(\.code)) }

    /// The indicators linked to target `code` of the framework `framework` (e.g. `KMGBF`, `3`).
    public func indicators(framework: String, target code: String) -> [IndicatorDefinition] {
        indicators.filter { $0.targets.contains { $0.framework == framework && $0.code == code } }
    }

    /// The indicators linked to an SDG indicator such as `15.5.1`.
    public func indicators(sdg: String) -> [IndicatorDefinition] {
        indicators.filter { $0.sdg.contains(sdg) }
    }
}

/// One indicator of the registry.
public struct IndicatorDefinition: Codable, Sendable, Equatable, Hashable, Identifiable {
    /// Stable code: the monitoring-framework code for GBF indicators (`A.1`, `3.1`), or an
    /// `AICHI-` code for Aichi-era global indicators.
    public var code: String
    public var name: LocalizedText
    public var definition: Known<LocalizedText>
    /// Unit of measure, e.g. `percent`, `index (0-1)`.
    public var unit: Known<String>
    /// Where the methodology is published.
    public var methodologySource: Known<String>
    /// The organization responsible for the global data set.
    public var custodian: Known<String>
    /// The framework targets the indicator monitors (framework code as in `frameworks.json`).
    public var targets: [IndicatorTargetLink]
    /// SDG indicator numbers the indicator is the same as or directly based on.
    public var sdg: [String]
    /// The SDG Global Database's series codes for it (`ER_RSK_LST`); empty when it is no SDG
    /// indicator, unknown when the SDG indicator has several series and none is certain.
    public var sdgSeries: Known<[String]>
    public var kind: IndicatorKind
    /// The language a national indicator's name and definition were written in, when recorded;
    /// nil for the registry's (official texts).
    public var writtenIn: Language?

    public var id: String { code }

    /// The GBF goal (`A`–`D`) of a goal-level indicator of the framework such as `A.1` or `A.CT.1`,
    /// else nil. The goal is implied by the code, so the files do not repeat it.
    public var goal: String? {
        guard kind.isMonitoringFramework, let first = code.first, "ABCD".contains(first),
              code.dropFirst().first == "." else { return nil }
        return String(first)
    }

    public init(code: String, name: LocalizedText, definition: Known<LocalizedText> = .unknown, unit: Known<String> = .unknown,
                methodologySource: Known<String> = .unknown, custodian: Known<String> = .unknown,
                targets: [IndicatorTargetLink] = [], sdg: [String] = [], sdgSeries: Known<[String]> = .known([]), kind: IndicatorKind,
                writtenIn: Language? = nil) {
        self.code = code
        self.name = name
        self.definition = definition
        self.unit = unit
        self.methodologySource = methodologySource
        self.custodian = custodian
        self.targets = targets
        self.sdg = sdg
        self.sdgSeries = sdgSeries
        self.kind = kind
        self.writtenIn = writtenIn
    }
}

/// A link from an indicator to a target of a framework in `frameworks.json`.
public struct IndicatorTargetLink: Codable, Sendable, Equatable, Hashable {
    /// Framework code, e.g. `KMGBF`, `SP2011` (Aichi Targets).
    public var framework: String
    /// Target code within the framework, e.g. `3`.
    public var code: String
    /// The level the target's text sets for this indicator, where it states one.
    public var goal: IndicatorGoal?

    public init(framework: String, code: String, goal: IndicatorGoal? = nil) {
        self.framework = framework
        self.code = code
        self.goal = goal
    }
}

/// The level of an indicator that a target's own text sets, and by when — what a progress
/// suggestion compares the trend with.
public struct IndicatorGoal: Codable, Sendable, Equatable, Hashable {
    public var value: Double
    public var year: Int
    public var higherIsBetter: Bool
    /// The words of the target that set it.
    public var quote: String

    public init(value: Double, year: Int, higherIsBetter: Bool, quote: String) {
        self.value = value
        self.year = year
        self.higherIsBetter = higherIsBetter
        self.quote = quote
    }
}

/// What kind of indicator a registry entry is.
public enum IndicatorKind: String, Codable, Sendable, CaseIterable {
    /// A headline indicator of the GBF monitoring framework (decision 15/5, annex I).
    case headline
    /// A component indicator of the GBF monitoring framework.
    case component
    /// A complementary indicator of the GBF monitoring framework.
    case complementary
    /// A binary indicator of the GBF monitoring framework (answered by a questionnaire).
    case binary
    /// A global indicator used for the Strategic Plan 2011–2020 (Aichi Targets).
    case aichiGlobal = "aichi-global"
    /// An indicator a Party defined for its own national targets.
    case national

    /// The kinds of the GBF monitoring framework (decision 15/5, annex I).
    public var isMonitoringFramework: Bool { [.headline, .component, .complementary, .binary].contains(self) }
}
