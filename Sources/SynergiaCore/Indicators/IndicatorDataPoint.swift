/// One observation of an indicator for a Party: the unit of exchange for import, export
/// and progress assessment.
public struct IndicatorDataPoint: Codable, Sendable, Equatable, Hashable {
    /// ISO 3166-1 alpha-2 code of the Party (`EU` for the European Union).
    public var party: String
    /// Indicator code from the registry, e.g. `A.3`.
    public var indicator: String
    /// The year or years the value refers to.
    public var period: IndicatorPeriod
    public var value: Double
    /// Unit of measure; empty when the file gave none.
    public var unit: String
    /// Lower bound of the uncertainty interval, if given.
    public var lower: Double?
    /// Upper bound of the uncertainty interval, if given.
    public var upper: Double?
    /// Breakdown of the observation, e.g. `["ecosystem": "forest", "sex": "F"]`. Keys are
    /// lowercase dimension names from ``IndicatorDimensions/standard`` (or the set the import
    /// was given); an empty dictionary is the total.
    public var disaggregation: [String: String]
    public var source: String
    public var comment: String

    public init(party: String, indicator: String, period: IndicatorPeriod, value: Double, unit: String = "",
                lower: Double? = nil, upper: Double? = nil, disaggregation: [String: String] = [:],
                source: String = "", comment: String = "") {
        self.party = party
        self.indicator = indicator
        self.period = period
        self.value = value
        self.unit = unit
        self.lower = lower
        self.upper = upper
        self.disaggregation = disaggregation
        self.source = source
        self.comment = comment
    }

    /// What makes two rows duplicates: same Party, indicator, period and disaggregation.
    public struct Key: Hashable, Sendable {
        public var party: String
        public var indicator: String
        public var period: IndicatorPeriod
        public var disaggregation: [String: String]
    }

    public var key: Key { Key(party: party, indicator: indicator, period: period, disaggregation: disaggregation) }
}

/// The period of an observation: one year (`2015`) or an inclusive range of years
/// (`2015-2017`). Encodes as that text.
public struct IndicatorPeriod: Codable, Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    /// A single year.
    public init(year: Int) {
        start = year
        end = year
    }

    /// A range of years; nil when `end` is before `start`.
    public init?(start: Int, end: Int) {
        guard end >= start else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses `2015` or `2015-2017` (four-digit years, start ≤ end); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func year(_ part: Substring) -> Int? {
            guard part.count == 4, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part)
        }
        switch parts.count {
        case 1:
            guard let y = year(parts[0]) else { return nil }
            self.init(year: y)
        case 2:
            guard let a = year(parts[0]), let b = year(parts[1]) else { return nil }
            self.init(start: a, end: b)
        default:
            return nil
        }
    }

    public var isSingleYear: Bool { start == end }

    /// `2015` or `2015-2017`.
    public var description: String { isSingleYear ? String(start) : "\(start)-\(end)" }

    /// Whether the whole period lies in `years`.
    public func isWithin(_ years: ClosedRange<Int>) -> Bool { years.contains(start) && years.contains(end) }

    public static func < (lhs: IndicatorPeriod, rhs: IndicatorPeriod) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = IndicatorPeriod(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "period must be YYYY or YYYY-YYYY, got \(text)")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Disaggregation dimensions that files may use.
public enum IndicatorDimensions {
    /// The dimensions Synergia accepts by default, lowercase. In SDMX-CSV each is a
    /// dimension column with the name in uppercase (`sex` → `SEX`).
    public static let standard: Set<String> = [
        "sex", "age", "urbanisation", "income", "disability", "iplc",
        "ecosystem", "biome", "realm", "taxon", "species_group",
        "subnational_area", "economic_activity", "funding_source",
    ]

    /// Whether `name` can be a dimension name: ASCII letter first, then letters, digits or `_`.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
