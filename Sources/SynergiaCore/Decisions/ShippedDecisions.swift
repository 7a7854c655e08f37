import Foundation

/// Decision texts shipped with Synergia (`Resources/Decisions`), imported by `serve --demo` so a
/// new installation has a real decision to explore: CBD decision XII/6 in Chinese, as extracted
/// from the official PDF.
public enum ShippedDecisions {
    public static let files = ["XII-6.zh"]

    public static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/Decisions") else {
            throw ResourceError(file: "Decisions/\(name).txt", reason: "not in the package's resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
