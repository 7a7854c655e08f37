import SynergiaCore
import Vapor

/// An indicator as the API returns it (`null` where the registry does not know the fact).
public struct IndicatorDTO: Content, Equatable {
    public var code: String
    public var kind: IndicatorKind
    public var name: [String: String]
    public var definition: [String: String]?
    public var unit: String?
    public var methodologySource: String?
    public var custodian: String?
    /// `FRAMEWORK/CODE`, e.g. `KMGBF/3`.
    public var targets: [String]
    public var sdg: [String]
    /// The SDG Global Database's series codes; nil where not known.
    public var sdgSeries: [String]?
    /// The language a national indicator's name and definition were written in (absent for the registry's).
    public var language: String?

    init(_ indicator: IndicatorDefinition) {
        code = indicator.code
        kind = indicator.kind
        name = indicator.name.values
        definition = indicator.definition.value?.values
        unit = indicator.unit.value
        methodologySource = indicator.methodologySource.value
        custodian = indicator.custodian.value
        targets = indicator.targets.map { "\($0.framework)/\($0.code)" }
        sdg = indicator.sdg
        sdgSeries = indicator.sdgSeries.value
        language = indicator.writtenIn?.code
    }

    /// The name in `reader`'s language when there is one, else as written (a national indicator's) or in English.
    func shownName(to reader: Language) -> LocalizedString {
        LocalizedText(name).resolved(in: reader, else: language.flatMap(Language.init(rawValue:)))
    }
}

