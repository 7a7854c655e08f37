import Foundation
import XMLCoder
import ZIPFoundation

/// Reads the first sheet of an Office Open XML workbook (`.xlsx`) as rows of text, each with the
/// row number a spreadsheet shows (so an error can name it, as a CSV error names its line).
/// The package is opened by ZIPFoundation and each part decoded by XMLCoder. A cell's text is
/// its shared or inline string, or its value as stored (a number as written in the file, a
/// boolean as `TRUE`/`FALSE`); cells a row skips are empty. A workbook larger than the limits
/// (a "ZIP bomb"), or not a workbook, is refused with a reason, never half read.
public enum XLSXReader {
    /// The most bytes a part may expand to (a sheet of 200,000 rows of ten cells is about 30 MB).
    public static let maxPartSize: UInt64 = 32 * 1024 * 1024
    /// The most columns a row is read to (a cell beyond is refused, not dropped).
    public static let maxColumns = 16_384
    /// The most cells a sheet may give, counting the empty ones a row skips over (so a cell far to
    /// the right on each of many rows cannot make billions of them).
    public static let maxCells = 4_000_000

    /// Whether `data` starts as a ZIP archive (an `.xlsx` does; a CSV never does).
    public static func looksLikeWorkbook(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    public static func firstSheet(_ data: Data) throws -> [(row: Int, cells: [String])] {
        guard let archive = ZIPData.archive(data) else { throw XLSXError.unreadable("not an .xlsx workbook (not a ZIP archive)") }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= maxPartSize else {
                throw XLSXError.unreadable("\(path) expands to more than \(maxPartSize / 1024 / 1024) MB")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    data.append(chunk)
                    if data.count > maxPartSize { throw XLSXError.unreadable("\(path) expands to more than \(maxPartSize / 1024 / 1024) MB") }
                }
            } catch let error as XLSXError {
                throw error
            } catch {
                throw XLSXError.unreadable("\(path) could not be decompressed")
            }
            return data
        }
        guard let workbookData = try part("xl/workbook.xml") else { throw XLSXError.unreadable("not an .xlsx workbook (no xl/workbook.xml)") }
        let workbook = try decode(Workbook.self, "xl/workbook.xml", workbookData)
        guard let first = workbook.sheets.sheet.first else { throw XLSXError.unreadable("the workbook has no sheet") }
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let relsData = try part("xl/_rels/workbook.xml.rels") {
            let rels = try decode(Relationships.self, "xl/_rels/workbook.xml.rels", relsData)
            if let target = rels.relationship.first(where: { $0.id == first.id })?.target {
                // A target is relative to xl/, or absolute from the package's root.
                sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        let shared = try part("xl/sharedStrings.xml").map { try sharedStrings($0) } ?? []
        guard let sheetData = try part(sheetPath) else { throw XLSXError.unreadable("the workbook's first sheet (\(sheetPath)) is missing") }
        return try rows(ofSheet: sheetData, shared: shared, path: sheetPath)
    }

    /// The strings of a workbook's shared-strings part (`xl/sharedStrings.xml`), in order.
    public static func sharedStrings(_ data: Data) throws -> [String] {
        try decode(SharedStrings.self, "xl/sharedStrings.xml", data).si.map(\.text)
    }

    /// The rows of a worksheet part, as ``firstSheet(_:)`` gives them (`shared`: the workbook's shared strings).
    public static func rows(ofSheet data: Data, shared: [String], path: String = "the sheet") throws -> [(row: Int, cells: [String])] {
        let sheet = try decode(Worksheet.self, path, data)
        var rows: [(row: Int, cells: [String])] = []
        var previousRow = 0
        var cellCount = 0
        for row in sheet.sheetData.row ?? [] {
            let number = row.r ?? previousRow + 1
            guard number > previousRow else { throw XLSXError.unreadable("row \(number) comes after row \(previousRow)") }
            previousRow = number
            var cells: [String] = []
            for cell in row.c ?? [] {
                let column = try cell.r.map { try columnIndex($0, row: number) } ?? cells.count
                guard column >= cells.count, column < maxColumns else { throw XLSXError.unreadable("row \(number) has a cell out of order or beyond column XFD") }
                cellCount += column - cells.count + 1
                guard cellCount <= maxCells else { throw XLSXError.unreadable("the sheet has more than \(maxCells) cells") }
                cells += Array(repeating: "", count: column - cells.count)
                cells.append(try text(of: cell, shared: shared, row: number))
            }
            while cells.last == "" { cells.removeLast() }
            // A row with nothing in it is not kept (a spreadsheet shows it as a blank row).
            if !cells.isEmpty { rows.append((number, cells)) }
        }
        return rows
    }

    static func decode<T: Decodable>(_ type: T.Type, _ path: String, _ data: Data) throws -> T {
        // SpreadsheetML is UTF-8 and has no document type: one would only be there to declare
        // entities to expand (anywhere before the root, after any number of comments).
        // Foundation's XML parser traps on a name that is not UTF-8 (found by the fuzzer: one
        // byte changed in a workbook took the whole server down), so the bytes are checked first.
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || String(data: data, encoding: .utf8) == nil {
            throw XLSXError.unreadable("\(path) is not UTF-8")
        }
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw XLSXError.unreadable("\(path) declares a document type, which a workbook never has")
        }
        // Nor processing instructions, but the XML declaration that opens a part (the parser crashes
        // on one without data, as the fuzzer found).
        if let instruction = data.range(of: Data("<?".utf8)) {
            let start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.startIndex + 3 : data.startIndex
            let declaration = Data("<?xml version=".utf8)
            let isDeclaration = instruction.lowerBound == start && data[start...].starts(with: declaration)
            let another = data.range(of: Data("<?".utf8), in: instruction.upperBound..<data.endIndex)
            if !isDeclaration || another != nil {
                throw XLSXError.unreadable("\(path) has a processing instruction, which a workbook never has")
            }
        }
        let decoder = XMLDecoder(trimValueWhitespaces: false)
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw XLSXError.unreadable("\(path) is not valid SpreadsheetML")
        }
    }

    static func text(of cell: Worksheet.Cell, shared: [String], row: Int) throws -> String {
        switch cell.t {
        case "s":
            guard let index = cell.v.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), shared.indices.contains(index) else {
                throw XLSXError.unreadable("row \(row): a cell names a shared string the workbook does not have")
            }
            return shared[index]
        case "inlineStr": return cell.inline?.text ?? ""
        case "b": return cell.v == "1" ? "TRUE" : "FALSE"
        default: return cell.v ?? ""
        }
    }

    /// `C` in `C12` → 2.
    static func columnIndex(_ reference: String, row: Int) throws -> Int {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }
        guard !letters.isEmpty, letters.count <= 3 else { throw XLSXError.unreadable("row \(row): \"\(reference)\" is not a cell reference") }
        return letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }

    // MARK: - The parts, as XMLCoder decodes them

    struct Workbook: Decodable {
        var sheets: Sheets
        struct Sheets: Decodable { var sheet: [Sheet] }
        struct Sheet: Decodable {
            var name: String; var id: String?
            enum CodingKeys: String, CodingKey { case name, id = "r:id" }
        }
    }

    struct Relationships: Decodable {
        var relationship: [Relationship]
        enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
        struct Relationship: Decodable {
            var id: String; var target: String
            enum CodingKeys: String, CodingKey { case id = "Id", target = "Target" }
        }
    }

    struct SharedStrings: Decodable {
        var si: [StringItem]
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            si = try container.decodeIfPresent([StringItem].self, forKey: .si) ?? []
        }
        enum CodingKeys: String, CodingKey { case si }
    }

    /// A string: one text, or runs of differently formatted text (phonetic runs are not the text).
    struct StringItem: Decodable {
        var t: Text?
        var r: [Run]?
        var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
        struct Run: Decodable { var t: Text? }
    }

    struct Text: Decodable {
        var value: String
        enum CodingKeys: String, CodingKey { case value = "" }
        init(from decoder: any Decoder) throws {
            if let container = try? decoder.container(keyedBy: CodingKeys.self), let value = try? container.decode(String.self, forKey: .value) {
                self.value = value
            } else {
                value = (try? decoder.singleValueContainer().decode(String.self)) ?? ""
            }
        }
    }

    struct Worksheet: Decodable {
        var sheetData: SheetData
        struct SheetData: Decodable { var row: [Row]? }
        struct Row: Decodable {
            var r: Int?; var c: [Cell]?
        }
        struct Cell: Decodable {
            var r: String?; var t: String?; var v: String?; var inline: InlineString?
            enum CodingKeys: String, CodingKey { case r, t, v, inline = "is" }
        }
        struct InlineString: Decodable {
            var t: Text?
            var r: [StringItem.Run]?
            var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
        }
    }
}
