import Foundation
import XMLCoder
import ZIPFoundation

/// One sheet of a workbook: its name (at most 31 characters, none of `[]:*?/\`) and its rows.
public struct SpreadsheetSheet: Sendable, Equatable {
    public var name: String
    public var rows: [[SpreadsheetCSV.Cell]]
    public init(name: String, rows: [[SpreadsheetCSV.Cell]]) {
        self.name = name
        self.rows = rows
    }
}

/// Writes an Office Open XML workbook (`.xlsx`, ECMA-376) that Excel, LibreOffice and the CBD's
/// own tools open: the package is a ZIP written by ZIPFoundation, each part an XML document
/// encoded by XMLCoder. Text is written as inline strings (never a formula, whatever it starts
/// with); a `.number` cell as a number. Characters XML 1.0 cannot hold (control characters other
/// than tab and line breaks) are written as U+FFFD.
public enum XLSXWriter {
    /// A workbook's media type is `application/` and this.
    public static let mediaSubtype = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    public static func write(_ sheets: [SpreadsheetSheet]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: epoch,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let names = uniqueNames(sheets.map(\.name))
        try add("[Content_Types].xml", try encode(ContentTypes(sheets: sheets.count), root: "Types",
                                                  attributes: ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"]))
        try add("_rels/.rels", try encode(Relationships(relationship: [
            .init(id: "rId1", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", target: "xl/workbook.xml"),
        ]), root: "Relationships", attributes: ["xmlns": relationshipsNamespace]))
        try add("xl/workbook.xml", try encode(Workbook(sheets: .init(sheet: names.enumerated().map { index, name in
            .init(name: name, sheetId: index + 1, id: "rId\(index + 1)")
        })), root: "workbook", attributes: ["xmlns": mainNamespace, "xmlns:r": officeRelationshipsNamespace]))
        try add("xl/_rels/workbook.xml.rels", try encode(Relationships(relationship: sheets.indices.map { index in
            .init(id: "rId\(index + 1)", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
                  target: "worksheets/sheet\(index + 1).xml")
        } + [.init(id: "rId\(sheets.count + 1)", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
                   target: "styles.xml")]), root: "Relationships", attributes: ["xmlns": relationshipsNamespace]))
        try add("xl/styles.xml", try encode(Styles(), root: "styleSheet", attributes: ["xmlns": mainNamespace]))
        for (index, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", try encode(Worksheet(sheet), root: "worksheet", attributes: ["xmlns": mainNamespace]))
        }
        guard let data = archive.data else { throw XLSXError.unreadable("the workbook could not be written") }
        return data
    }

    /// Entries carry this time, not the moment they were written.
    static let epoch = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the earliest a ZIP entry can say

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func encode<T: Encodable>(_ value: T, root: String, attributes: [String: String]) throws -> Data {
        let encoder = XMLEncoder()
        // A carriage return written as itself would be read back as a line feed (XML normalizes line ends).
        encoder.charactersEscapedInElements.append(("\r", "&#13;"))
        return try encoder.encode(value, withRootKey: root, rootAttributes: attributes,
                                  header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes"))
    }

    /// Names a spreadsheet accepts: the forbidden characters replaced, at most 31 characters, none repeated.
    static func uniqueNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            if clean.isEmpty { clean = "Sheet\(index + 1)" }
            while !used.insert(clean.lowercased()).inserted { clean = String(clean.prefix(27)) + "_\(index + 1)" }
            return clean
        }
    }

    /// Text XML 1.0 can hold: tab, line feed, carriage return, and no other control character or non-character.
    static func xmlSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: scalar
            default: "\u{FFFD}"
            }
        }))
    }

    /// The most characters (UTF-16 units) a spreadsheet cell holds.
    public static let maxCellLength = 32_767
    static let cut = " […]"

    /// `text` as a cell holds it: XML-safe, and cut (marked `[…]`) where it is longer than a cell can be.
    public static func cellText(_ text: String) -> String {
        let safe = xmlSafe(text)
        guard safe.utf16.count > maxCellLength else { return safe }
        var kept = ""
        var length = 0
        for character in safe {
            let units = character.utf16.count
            guard length + units <= maxCellLength - cut.utf16.count else { break }
            kept.append(character)
            length += units
        }
        return kept + cut
    }

    /// `A`, `B`, … `Z`, `AA`, … for column `index` (from 0).
    static func columnName(_ index: Int) -> String {
        var name = "", number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    // MARK: - The parts, as XMLCoder encodes them

    struct ContentTypes: Encodable {
        var defaults: [Default]
        var overrides: [Override]
        enum CodingKeys: String, CodingKey { case defaults = "Default", overrides = "Override" }
        init(sheets: Int) {
            defaults = [Default(extension: "rels", contentType: "application/vnd.openxmlformats-package.relationships+xml"),
                        Default(extension: "xml", contentType: "application/xml")]
            overrides = [Override(partName: "/xl/workbook.xml", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                         Override(partName: "/xl/styles.xml", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")]
                + (0..<sheets).map {
                    Override(partName: "/xl/worksheets/sheet\($0 + 1).xml", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
                }
        }
        struct Default: Encodable, DynamicNodeEncoding {
            var `extension`: String; var contentType: String
            enum CodingKeys: String, CodingKey { case `extension` = "Extension", contentType = "ContentType" }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
        }
        struct Override: Encodable, DynamicNodeEncoding {
            var partName: String; var contentType: String
            enum CodingKeys: String, CodingKey { case partName = "PartName", contentType = "ContentType" }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
        }
    }

    struct Relationships: Encodable {
        var relationship: [Relationship]
        enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
        struct Relationship: Encodable, DynamicNodeEncoding {
            var id: String; var type: String; var target: String
            enum CodingKeys: String, CodingKey { case id = "Id", type = "Type", target = "Target" }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
        }
    }

    struct Workbook: Encodable {
        var sheets: Sheets
        struct Sheets: Encodable { var sheet: [Sheet] }
        struct Sheet: Encodable, DynamicNodeEncoding {
            var name: String; var sheetId: Int; var id: String
            enum CodingKeys: String, CodingKey { case name, sheetId, id = "r:id" }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
        }
    }

    /// The least a spreadsheet needs to open a workbook: one font, fill, border and cell format.
    struct Styles: Encodable {
        var fonts = Fonts(); var fills = Fills(); var borders = Borders(); var cellXfs = CellXfs()
        struct Fonts: Encodable, DynamicNodeEncoding {
            var count = 1; var font = Font()
            struct Font: Encodable { var sz = Value(val: "11"); var name = Value(val: "Calibri") }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { key.stringValue == "count" ? .attribute : .element }
        }
        struct Fills: Encodable, DynamicNodeEncoding {
            var count = 2; var fill = [Fill(patternType: "none"), Fill(patternType: "gray125")]
            struct Fill: Encodable {
                var patternFill: Value
                init(patternType: String) { patternFill = Value(val: patternType, key: "patternType") }
            }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { key.stringValue == "count" ? .attribute : .element }
        }
        struct Borders: Encodable, DynamicNodeEncoding {
            var count = 1; var border = Empty()
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { key.stringValue == "count" ? .attribute : .element }
        }
        struct CellXfs: Encodable, DynamicNodeEncoding {
            var count = 1; var xf = Format()
            struct Format: Encodable, DynamicNodeEncoding {
                var numFmtId = 0; var fontId = 0; var fillId = 0; var borderId = 0
                static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
            }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { key.stringValue == "count" ? .attribute : .element }
        }
        struct Empty: Encodable {}
        /// An element with one attribute (`val` unless `key` says otherwise).
        struct Value: Encodable, DynamicNodeEncoding {
            var val: String
            var key = "val"
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: DynamicKey.self)
                try container.encode(val, forKey: DynamicKey(key))
            }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
        }
    }

    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Worksheet: Encodable {
        var sheetData: SheetData
        init(_ sheet: SpreadsheetSheet) {
            sheetData = SheetData(row: sheet.rows.enumerated().map { rowIndex, cells in
                Row(r: rowIndex + 1, c: cells.enumerated().compactMap { column, cell in
                    let reference = XLSXWriter.columnName(column) + "\(rowIndex + 1)"
                    switch cell {
                    case .number(let text) where Double(text)?.isFinite == true:
                        return Cell(r: reference, t: nil, v: text, inline: nil)
                    case .number(let text) where text.isEmpty: return nil
                    case .text(let text), .reversibleText(let text), .number(let text):
                        return text.isEmpty ? nil : Cell(r: reference, t: "inlineStr", v: nil, inline: .init(t: .init(value: XLSXWriter.cellText(text))))
                    }
                })
            })
        }
        struct SheetData: Encodable { var row: [Row] }
        struct Row: Encodable, DynamicNodeEncoding {
            var r: Int; var c: [Cell]
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { key.stringValue == "r" ? .attribute : .element }
        }
        struct Cell: Encodable, DynamicNodeEncoding {
            var r: String; var t: String?; var v: String?; var inline: InlineString?
            enum CodingKeys: String, CodingKey { case r, t, v, inline = "is" }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
                key.stringValue == "r" || key.stringValue == "t" ? .attribute : .element
            }
        }
        struct InlineString: Encodable { var t: Text }
        /// Text kept exactly, leading and trailing spaces included.
        struct Text: Encodable, DynamicNodeEncoding {
            var space = "preserve"; var value: String
            enum CodingKeys: String, CodingKey { case space = "xml:space", value = "" }
            static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { key.stringValue == "xml:space" ? .attribute : .element }
        }
    }
}

/// Why a workbook could not be read.
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    public var description: String {
        switch self { case .unreadable(let reason): reason }
    }
}
