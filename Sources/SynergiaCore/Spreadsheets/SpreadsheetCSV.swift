import CSV
import Foundation

/// CSV that is safe to open in a spreadsheet: a text cell that begins like a formula (`=`, `+`,
/// `-`, `@`, a tab or a carriage return, or their full-width forms) is written with a leading
/// apostrophe, so the spreadsheet shows it as text instead of running it (OWASP's "CSV
/// injection"). Numbers Synergia formats itself are written as they are.
public enum SpreadsheetCSV {
    /// One cell: text (neutralized when it could be read as a formula) or a number Synergia wrote.
    public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        case text(String)
        case number(String)
        /// Text written so that ``restored(_:)`` gives it back (``reversiblyNeutralized(_:)``).
        case reversibleText(String)
        public init(stringLiteral value: String) { self = .text(value) }
    }

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]

    /// `text` as a spreadsheet shows it, never as a formula.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// Neutralized in a form that ``restored(_:)`` reverses exactly (for files that come back,
    /// such as offline packages): a text that already begins with an apostrophe gets one more.
    public static func reversiblyNeutralized(_ text: String) -> String {
        guard let first = text.first, formulaStarts.contains(first) || first == "'" else { return text }
        return "'" + text
    }

    /// The text of a cell written by ``reversiblyNeutralized(_:)``.
    public static func restored(_ cell: String) -> String {
        cell.first == "'" ? String(cell.dropFirst()) : cell
    }

    /// The rows as CSV text (RFC 4180 quoting, LF line ends, a final newline).
    public static func write(_ rows: [[Cell]]) -> String {
        write(rows.map { $0.map { cell in
            switch cell {
            case .text(let text): neutralized(text)
            case .number(let text): text
            case .reversibleText(let text): reversiblyNeutralized(text)
            }
        } })
    }

    /// Rows of cells already made safe, as CSV text.
    static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        do {
            let writer = try CSVWriter(stream: stream)
            for row in rows { try writer.write(row: row) }
        } catch {
            // Writing to memory does not fail; should it, the output stops where it did.
        }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + (data.isEmpty ? "" : "\n")
    }
}
