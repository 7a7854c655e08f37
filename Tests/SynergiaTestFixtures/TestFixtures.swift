import Foundation

/// Files the tests of both targets read (decision texts in the layout of the official PDFs),
/// loaded from this target's own bundle rather than through source paths.
public enum TestFixtures {
    public struct Missing: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "no test fixture \(name) in the SynergiaTestFixtures bundle" }
    }

    /// The URL of `Fixtures/<folder>/<name>`.
    public static func url(_ folder: String, _ name: String) throws -> URL {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { throw Missing(name: "Fixtures") }
        let url = root.appendingPathComponent(folder).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(name: "\(folder)/\(name)") }
        return url
    }

    /// The text of a decision fixture, e.g. `decision("14-30.fr.txt")`.
    public static func decision(_ name: String) throws -> String {
        try String(contentsOf: url("Decisions", name), encoding: .utf8)
    }
}
