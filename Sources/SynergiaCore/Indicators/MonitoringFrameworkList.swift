import CSV
import Foundation

/// The Kunming-Montreal GBF monitoring framework's indicators as the CBD Secretariat's online
/// reporting tool lists them (`Resources/Reference/kmgbf-indicators.csv`: thesaurus identifier,
/// code, kind, goal or target, English title; where it comes from is in `docs/indicator-formats.md`).
/// The registry (``IndicatorRegistry/load()``) is `indicators.json` with every indicator of this list
/// it does not describe yet added, knowing of each only what the list says.
public enum MonitoringFrameworkList {
    public struct Entry: Sendable, Equatable {
        /// The CBD thesaurus identifier (`GBF-INDICATOR-A.1`); not unique in the list (one is used twice).
        public var identifier: String
        public var code: String
        public var kind: IndicatorKind
        /// `A`–`D` (a goal) or `1`–`23` (a target).
        public var goalOrTarget: String
        public var title: String
    }

    /// Reads the shipped list.
    public static func load() throws -> [Entry] {
        guard let url = Bundle.module.url(forResource: "kmgbf-indicators", withExtension: "csv", subdirectory: "Resources/Reference") else {
            throw ResourceError(file: "Reference/kmgbf-indicators.csv", reason: "not in the package's resources")
        }
        return try parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    /// The entries of a list in this format; a row that is not one of them is an error naming its line.
    public static func parse(_ text: String) throws -> [Entry] {
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        guard reader.headerRow == ["identifier", "code", "kind", "goal_or_target", "title"] else {
            throw ResourceError(file: "Reference/kmgbf-indicators.csv", reason: "the header is not identifier,code,kind,goal_or_target,title")
        }
        var entries: [Entry] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            let goals = ["A", "B", "C", "D"], targets = (1...23).map(String.init)
            guard row.count == 5, let kind = IndicatorKind(rawValue: row[2]), [.headline, .component, .complementary, .binary].contains(kind),
                  goals.contains(row[3]) || targets.contains(row[3]), !row[1].isEmpty, !row[4].isEmpty else {
                throw ResourceError(file: "Reference/kmgbf-indicators.csv", reason: "line \(line) is not an indicator of the framework: \(row)")
            }
            entries.append(Entry(identifier: row[0], code: row[1], kind: kind, goalOrTarget: row[3], title: row[4]))
        }
        return entries
    }

    /// `registry` with each entry of `list` it does not describe added: its code, kind, English
    /// title and target (a goal-level one links to none: its goal is in its code); every other fact
    /// unknown. An entry is described when the registry has its code or its thesaurus identifier
    /// (`GBF-INDICATOR-2.2`, which the list codes `2.1`: decision 15/5 numbered it 2.2).
    public static func merged(_ registry: IndicatorRegistry, with list: [Entry]) -> IndicatorRegistry {
        var added: [IndicatorDefinition] = []
        let described = Set(registry.indicators.flatMap { ["code:\($0.code)", "id:GBF-INDICATOR-\($0.code)"] })
        var seen = Set(registry.indicators.map(\.code))
        for entry in list where !described.contains("code:\(entry.code)") && !described.contains("id:\(entry.identifier)") {
            guard seen.insert(entry.code).inserted else { continue }
            let isTarget = Int(entry.goalOrTarget) != nil
            added.append(IndicatorDefinition(
                code: entry.code, name: LocalizedText(english: entry.title),
                targets: isTarget ? [IndicatorTargetLink(framework: "KMGBF", code: entry.goalOrTarget)] : [],
                sdg: [], sdgSeries: .unknown, kind: entry.kind))
        }
        var merged = registry
        merged.indicators += added
        return merged
    }
}
